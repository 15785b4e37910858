#!/usr/bin/env bash
# `npm ci` when package-lock.json changed since the last install (a fresh clone has no stamp),
# for demo.sh, test.sh, bench.sh, local-action.sh and screenshots.sh.
set -euo pipefail

usage() {
  cat << 'EOF'
Usage: bash scripts/npm-ci.sh

Runs `npm ci` when package-lock.json changed since the last install (node_modules/.ecr-bsp-lock
holds the lock file's hash); otherwise does nothing. The demo, the test suite, the benchmark,
local-action and the screenshots run it first.

Options:
  -h, --help   print this and exit
EOF
}
for arg in "$@"; do
  case $arg in
    -h | --help) usage; exit 0 ;;
    *) echo "npm-ci.sh: unknown argument '$arg' (it takes none; try --help)" >&2; exit 2 ;;
  esac
done
cd "$(dirname "$0")/.."

lock_hash=$(sha256sum package-lock.json | cut -c1-64)
[ "$(cat node_modules/.ecr-bsp-lock 2> /dev/null)" = "$lock_hash" ] && exit 0

# On a fresh machine npm itself runs on the system's Node (Debian's, e.g. 20), and npm warns
# (EBADENGINE) about every package whose `engines` asks for Node 22 or later. Nothing of ours
# runs on that Node: `npm run` puts node_modules/.bin first on PATH, where the devDependency
# `node` is Node 24 (the runner's node24), and the bundle runs on it too. So those warnings
# describe nothing a user can act on; they are counted and left out, and one line says why.
# Every other line of npm's output is kept.
echo "[npm] npm ci (package-lock.json changed since the last install)"
if ! npm ci --no-audit --no-fund 2>&1 | awk -v node="$(node --version 2> /dev/null || echo '?')" '
  /^npm (warn|WARN) EBADENGINE/ { if (/package:/) n++; next }
  { print; fflush() }
  END {
    if (n) printf "[npm] %d package%s ask%s for a newer Node than %s, which only runs npm here: every npm script and the action run on the Node 24 in node_modules/.bin (npm\047s EBADENGINE warnings left out)\n", n, n == 1 ? "" : "s", n == 1 ? "s" : "", node
  }'; then
  echo "[npm] npm ci failed (its output is above)" >&2
  exit 1
fi
echo "$lock_hash" > node_modules/.ecr-bsp-lock
