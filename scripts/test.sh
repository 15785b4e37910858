#!/usr/bin/env bash
# The whole test suite, from a fresh machine: installs npm packages and the whole local stack
# (its full profile), starts the stack, then runs the checks (type-check, dist/ freshness), the
# unit tests and the end-to-end tests. Ends with one line: `N passed, M failed` (skipped tests count as failed).
set -uo pipefail

usage() {
  cat << 'EOF'
Usage: npm test        (bash scripts/test.sh)

The whole suite from a fresh machine: installs npm packages and the whole local stack
(scripts/stack/start.sh --profile=full: what the demo installs, plus the Docker engine,
tinyproxy, skopeo, oras, cosign and the SBOM generator; the first time about 18 minutes on 2
cores, or 12 after a demo, with a progress line every 30 seconds), starts it, then runs the type-check,
lint, the dist/ freshness check, the unit tests and the end-to-end tests (about 16 minutes; each
test file is named when it starts and each test when it ends). Ends with one line: "N passed,
M failed" (skipped tests count as failed); exits 1 when anything failed.

Environment: JEST_ARGS (extra arguments for both jest runs, e.g. a test file's path).

Options:
  -h, --help   print this and exit
EOF
}
for arg in "$@"; do
  case $arg in
    -h | --help) usage; exit 0 ;;
    *) echo "test.sh: unknown argument '$arg' (it takes none; try --help)" >&2; exit 2 ;;
  esac
done
cd "$(dirname "$0")/.."

log() { printf '\n== %s\n' "$*"; }
passed=0
failed=0
check() { # name command...
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); echo "check passed: $name"; else failed=$((failed + 1)); echo "check FAILED: $name"; fi
}

log "npm packages"
bash scripts/npm-ci.sh || { echo "npm ci failed"; echo "0 passed, 1 failed"; exit 1; }

log "local stack"
bash scripts/stack/start.sh --profile=full || { echo "the local stack did not start"; echo "$passed passed, $((failed + 1)) failed"; exit 1; }

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
run_jest() { # project [jest arguments]
  local project=$1; shift
  NODE_OPTIONS=--experimental-vm-modules npx jest --selectProjects "$project" --json --outputFile="$results/$project.json" "$@" ${JEST_ARGS:-}
}
log "unit tests"
run_jest unit
log "end-to-end tests (dist/index.js against the local stack; about 16 minutes)"
# The progress reporter names each file as it starts and each test as it ends (the default
# reporter prints a file only when it is done, minutes later); the default one still prints
# the failures in full.
run_jest e2e --reporters=default --reporters="$PWD/test/progress-reporter.js"

for project in unit e2e; do
  file="$results/$project.json"
  if [ ! -s "$file" ]; then echo "jest wrote no results for $project"; failed=$((failed + 1)); continue; fi
  read -r p f s < <(node -e 'const r=require(process.argv[1]); const broken=r.testResults.filter(t=>t.status==="failed"&&t.assertionResults.length===0).length; console.log(r.numPassedTests, r.numFailedTests+broken+r.numRuntimeErrorTestSuites, r.numPendingTests+r.numTodoTests)' "$file")
  passed=$((passed + p)); failed=$((failed + f + s))
  echo "$project: $p passed, $f failed, $s skipped"
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
