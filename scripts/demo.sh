#!/usr/bin/env bash
# The demo from a fresh machine: installs npm packages and what the demo needs of the local stack
# (start.sh --profile=demo), starts it, then runs the action on examples/retail-api (build, push,
# scan, gate, report).
set -euo pipefail

usage() {
  cat << 'EOF'
Usage: npm run demo        (bash scripts/demo.sh)

Runs the bundled action (dist/index.js) as a GitHub runner would, on a push of this clone's
HEAD: it builds examples/retail-api with the stack's BuildKit, pushes it to the local registry,
waits for the scan, gates, and prints the step's log as the runner shows it (masks applied), its
outputs and the job summary. Run it again for the re-run of the same commit: the image already
exists, build and push are skipped.

First it installs what is missing: npm packages, and of the local stack only what the demo uses
(scripts/stack/start.sh --profile=demo: Debian's registry, runc and mmdebstrap, buildx and
BuildKit built from the Go module proxy; the first time about 6 minutes on 2 cores, with a
progress line every 30 seconds). The Docker engine and the SBOM generator that only the tests
use are left to npm test (about 6 minutes more, the first time).

Environment: DEMO_REPOSITORY (default demo/retail-api), DEMO_INPUTS (JSON of extra inputs,
e.g. '{"severity-threshold":"NONE"}'), DEMO_SHA (the commit to tag; default this clone's HEAD).

Options:
  -h, --help   print this and exit
EOF
}
for arg in "$@"; do
  case $arg in
    -h | --help) usage; exit 0 ;;
    *) echo "demo.sh: unknown argument '$arg' (it takes none; try --help)" >&2; exit 2 ;;
  esac
done
cd "$(dirname "$0")/.."
bash scripts/npm-ci.sh
bash scripts/stack/start.sh --profile=demo
exec node_modules/.bin/tsx scripts/demo.ts
