#!/usr/bin/env bash
# The benchmark (docs/performance.md): installs npm packages if node_modules is missing, starts
# the local stack, then runs bench/run.ts on Node 24. Arguments go to bench/run.ts:
#   bash scripts/bench.sh [--write-docs] [--only=startup,report,overhead,scan,cold,attest,images] [--profile]
#   BENCH_REPEATS=5 BENCH_SCAN_REPEATS=3 BENCH_COLD_REPEATS=3 bash scripts/bench.sh
set -euo pipefail

usage() {
  cat << 'EOF'
Usage: npm run bench [-- OPTIONS]        (bash scripts/bench.sh [OPTIONS])

The benchmark (docs/performance.md): installs npm packages if needed, starts the local stack,
then runs bench/run.ts on Node 24, which prints one table of ratios against the targets.

Options (passed to bench/run.ts):
  --only=PART,...   only these parts: startup, report, overhead, scan, cold, attest, images
  --write-docs      also write the results into docs/performance.md
  --profile         also write --cpu-prof profiles (paths printed)
  -h, --help        print this and exit

Environment: BENCH_REPEATS, BENCH_SCAN_REPEATS, BENCH_COLD_REPEATS (repeats per measurement).
EOF
}
for arg in "$@"; do
  case $arg in
    -h | --help) usage; exit 0 ;;
    --only=* | --write-docs | --profile) ;;
    *) echo "bench.sh: unknown argument '$arg' (try --help)" >&2; exit 2 ;;
  esac
done
cd "$(dirname "$0")/.."

bash scripts/npm-ci.sh
# Node 24 from the devDependency first, as under `npm run`: tsx and the action run on it.
export PATH="$PWD/node_modules/.bin:$PATH"

echo "[bench] starting the local stack"
bash scripts/stack/start.sh

exec node_modules/.bin/tsx bench/run.ts "$@"
