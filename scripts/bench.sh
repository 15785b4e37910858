#!/usr/bin/env bash
# The benchmark (docs/performance.md): installs npm packages if node_modules is missing, starts
# the local stack, then runs bench/run.ts on Node 24. Arguments go to bench/run.ts:
#   bash scripts/bench.sh [--write-docs] [--only=startup,report,overhead,scan] [--profile]
#   BENCH_REPEATS=5 BENCH_SCAN_REPEATS=3 bash scripts/bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -d node_modules ]; then
  echo "[bench] node_modules is missing: npm ci"
  npm ci --no-audit --no-fund
fi
# Node 24 from the devDependency first, as under `npm run`: tsx and the action run on it.
export PATH="$PWD/node_modules/.bin:$PATH"

echo "[bench] starting the local stack"
bash scripts/stack/start.sh

exec node_modules/.bin/tsx bench/run.ts "$@"
