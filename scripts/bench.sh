#!/usr/bin/env bash
# The benchmark (docs/performance.md): installs npm packages if node_modules is missing, starts
# the local stack (the full profile when part 8, attest, 10, policy, or 12, kms-signing, runs: they need the SBOM
# generator; the demo's otherwise), then runs bench/run.ts on Node 24. Arguments go to bench/run.ts:
#   bash scripts/bench.sh [--write-docs] [--only=startup,report,overhead,scan,cold,attest,images,policy,signing,kms-signing] [--profile]
#   BENCH_REPEATS=5 BENCH_SCAN_REPEATS=3 BENCH_COLD_REPEATS=3 bash scripts/bench.sh
set -euo pipefail

usage() {
  cat << 'EOF'
Usage: npm run bench [-- OPTIONS]        (bash scripts/bench.sh [OPTIONS])

The benchmark (docs/performance.md): installs npm packages if needed, starts the local stack,
then runs bench/run.ts on Node 24, which prints one table of ratios against the targets.
The stack: what the demo uses (scripts/stack/start.sh --profile=demo), or the full profile when
the attest, policy or kms-signing part runs (they build with sbom: true: the SBOM generator, about 5 minutes
to compile the first time) or BENCH_BUILDER is set (it may name the engine's builder).

Options (passed to bench/run.ts):
  --only=PART,...   only these parts: startup, report, overhead, scan, cold, attest, images, policy, signing,
                    kms-signing
  --write-docs      also write the results into docs/performance.md
  --profile         also write --cpu-prof profiles (paths printed)
  -h, --help        print this and exit

Environment: BENCH_REPEATS, BENCH_SCAN_REPEATS, BENCH_COLD_REPEATS (repeats per measurement).
EOF
}
# The stack's profile: the full one only for what the demo's lacks (see the usage).
stack_profile=full
for arg in "$@"; do
  case $arg in
    -h | --help) usage; exit 0 ;;
    # The last --only counts, as in bench/run.ts.
    --only=*) only=${arg#--only=}; if [[ ",${only// /}," == *,attest,* || ",${only// /}," == *,policy,* || ",${only// /}," == *,kms-signing,* ]]; then stack_profile=full; else stack_profile=demo; fi ;;
    --write-docs | --profile) ;;
    *) echo "bench.sh: unknown argument '$arg' (try --help)" >&2; exit 2 ;;
  esac
done
[ -z "${BENCH_BUILDER:-}" ] || stack_profile=full
cd "$(dirname "$0")/.."

bash scripts/npm-ci.sh
# Node 24 from the devDependency first, as under `npm run`: tsx and the action run on it.
export PATH="$PWD/node_modules/.bin:$PATH"

echo "[bench] starting the local stack (profile $stack_profile)"
bash scripts/stack/start.sh --profile="$stack_profile"

exec node_modules/.bin/tsx bench/run.ts "$@"
