#!/usr/bin/env bash
# The whole test suite, from a fresh machine: installs npm packages and the local stack,
# starts the stack, then runs the checks (type-check, dist/ freshness), the unit tests and
# the end-to-end tests. Ends with one line: `N passed, M failed` (skipped tests count as failed).
set -uo pipefail
cd "$(dirname "$0")/.."

log() { printf '\n== %s\n' "$*"; }
passed=0
failed=0
check() { # name command...
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); echo "check passed: $name"; else failed=$((failed + 1)); echo "check FAILED: $name"; fi
}

log "npm packages"
# npm ci when the lock file changed since the last install (a fresh clone has no stamp).
lock_hash=$(sha256sum package-lock.json | cut -c1-64)
if [ "$(cat node_modules/.ecr-bsp-lock 2>/dev/null)" != "$lock_hash" ]; then
  npm ci --no-audit --no-fund || { echo "npm ci failed"; echo "0 passed, 1 failed"; exit 1; }
  echo "$lock_hash" > node_modules/.ecr-bsp-lock
fi

log "local stack"
bash scripts/stack/start.sh || { echo "the local stack did not start"; echo "$passed passed, $((failed + 1)) failed"; exit 1; }

log "type-check"
check typecheck npm run -s typecheck

log "lint (ESLint with typescript-eslint, Prettier)"
check lint npm run -s lint

log "dist/ is what 'npm run bundle' builds"
dist_fresh() {
  npm run -s bundle >/tmp/ecr-bsp-bundle.log 2>&1 || { tail -20 /tmp/ecr-bsp-bundle.log; return 1; }
  local changed; changed=$(git status --porcelain -- dist/ 2>/dev/null)
  if [ -n "$changed" ]; then echo "dist/ differs from the sources:"; echo "$changed" | head; return 1; fi
}
check dist dist_fresh

results=$(mktemp -d)
run_jest() { # project
  NODE_OPTIONS=--experimental-vm-modules npx jest --selectProjects "$1" --json --outputFile="$results/$1.json" ${JEST_ARGS:-}
}
log "unit tests"
run_jest unit
log "end-to-end tests (dist/index.js against the local stack)"
run_jest e2e

for project in unit e2e; do
  file="$results/$project.json"
  if [ ! -s "$file" ]; then echo "jest wrote no results for $project"; failed=$((failed + 1)); continue; fi
  read -r p f s < <(node -e 'const r=require(process.argv[1]); const broken=r.testResults.filter(t=>t.status==="failed"&&t.assertionResults.length===0).length; console.log(r.numPassedTests, r.numFailedTests+broken+r.numRuntimeErrorTestSuites, r.numPendingTests+r.numTodoTests)' "$file")
  passed=$((passed + p)); failed=$((failed + f + s))
  echo "$project: $p passed, $f failed, $s skipped"
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
