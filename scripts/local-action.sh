#!/usr/bin/env bash
# npm run local-action [-- INPUT_NAME=value ...]
#
# Runs the TypeScript sources (src/main.ts, no bundle) with @github/local-action against the
# local stack, on examples/hello-app, as a push to main: for stepping through the code in a
# debugger. Arguments of the form INPUT_…=value (or any NAME=value) override what is written.
#
# The stack's env file (written by scripts/stack/start.sh) provides the endpoints and test
# credentials: AWS_ENDPOINT_URL_ECR, GITHUB_API_URL, AWS_*, REGISTRY. They stay in the real
# environment; GITHUB_API_URL must, because @actions/github reads it when it is loaded, before
# local-action applies the .env file. The .env file holds the INPUT_ values and the runner's
# GITHUB_* facts, and is removed afterwards with the run's temporary files.
set -euo pipefail

usage() {
  cat << 'EOF'
Usage: npm run local-action [-- NAME=value ...]        (bash scripts/local-action.sh [NAME=value ...])

Runs the TypeScript sources (src/main.ts, no bundle) with @github/local-action against the local
stack, on examples/hello-app, as a push to main: for stepping through the code in a debugger.
Starts the stack first (and installs npm packages if needed). The endpoints and test credentials
come from the stack's env file; the INPUT_ values and the runner's GITHUB_* facts go to
.env.local-action, removed when the run ends.

Arguments:
  NAME=value   override what is written, e.g. INPUT_SEVERITY-THRESHOLD=NONE, or GITHUB_SHA=<40 hex>
               to try a re-run of one commit (by default every run gets a fresh SHA)
  -h, --help   print this and exit
EOF
}
for arg in "$@"; do
  case $arg in
    -h | --help) usage; exit 0 ;;
    [A-Za-z_]*=*) ;;
    *) echo "local-action: unknown argument '$arg' (expected NAME=value, e.g. INPUT_SEVERITY-THRESHOLD=NONE)" >&2; exit 2 ;;
  esac
done
cd "$(dirname "$0")/.."
ROOT=$PWD
STACK_DIR=${STACK_DIR:-/var/tmp/ecr-bsp-stack}
ENV_FILE=$ROOT/.env.local-action

# npm packages (as demo.sh does), then the stack: both are quick when already there.
bash scripts/npm-ci.sh
bash scripts/stack/start.sh
[ -r "$STACK_DIR/env" ] || { echo "local-action: $STACK_DIR/env is missing; did scripts/stack/start.sh succeed?" >&2; exit 1; }
# shellcheck source=/dev/null
source "$STACK_DIR/env"
: "${GITHUB_API_URL:?the stack env file sets no GITHUB_API_URL}" "${AWS_ENDPOINT_URL_ECR:?the stack env file sets no AWS_ENDPOINT_URL_ECR}"
export GITHUB_API_URL AWS_ENDPOINT_URL_ECR AWS_REGION AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY

# A runner of our own: temp dir, empty workspace files, and a Docker config that knows the
# stack's buildx builders but holds no login (the post phase, which logs out, does not run
# under local-action, so the login is removed with this directory).
RUN_DIR=$(mktemp -d "${TMPDIR:-/tmp}/local-action.XXXXXX")
cleanup() { rm -rf "$RUN_DIR" "$ENV_FILE"; }
trap cleanup EXIT
mkdir -p "$RUN_DIR/runner-temp" "$RUN_DIR/docker-config"
echo '{}' > "$RUN_DIR/docker-config/config.json"
if [ -n "${STACK_DOCKER_CONFIG:-}" ] && [ -d "$STACK_DOCKER_CONFIG/buildx" ]; then
  cp -r "$STACK_DOCKER_CONFIG/buildx" "$RUN_DIR/docker-config/buildx"
fi
export DOCKER_CONFIG=$RUN_DIR/docker-config
for file in output state env path summary.md; do : > "$RUN_DIR/$file"; done
echo '{"ref": "refs/heads/main"}' > "$RUN_DIR/event.json"

# A fresh commit SHA per run, so the image is built (skip-existing would reuse a known one);
# set GITHUB_SHA to try a re-run.
sha=${GITHUB_SHA:-$(head -c 20 /dev/urandom | od -An -tx1 | tr -d ' \n')}

{
  echo "# Written by scripts/local-action.sh for one run; removed when it ends."
  echo "INPUT_REPOSITORY=local-action/hello-app"
  echo "INPUT_CREATE-REPOSITORY=true"
  echo "INPUT_CONTEXT=$ROOT/examples/hello-app"
  echo "INPUT_BUILD-ARGS=VERSION=local-action"
  echo "INPUT_AWS-REGION=${AWS_REGION:-us-east-1}"
  echo "INPUT_GITHUB-TOKEN=ghs_localactiontoken000000000000000000"
  echo "CI=true"
  echo "GITHUB_ACTIONS=true"
  echo "GITHUB_EVENT_NAME=push"
  echo "GITHUB_EVENT_PATH=$RUN_DIR/event.json"
  echo "GITHUB_SHA=$sha"
  echo "GITHUB_REF=refs/heads/main"
  echo "GITHUB_REPOSITORY=acme/hello-app"
  echo "GITHUB_REPOSITORY_OWNER=acme"
  echo "GITHUB_SERVER_URL=https://github.com"
  echo "GITHUB_RUN_ID=1"
  echo "GITHUB_RUN_ATTEMPT=1"
  echo "GITHUB_WORKSPACE=$ROOT"
  echo "GITHUB_OUTPUT=$RUN_DIR/output"
  echo "GITHUB_STATE=$RUN_DIR/state"
  echo "GITHUB_ENV=$RUN_DIR/env"
  echo "GITHUB_PATH=$RUN_DIR/path"
  echo "GITHUB_STEP_SUMMARY=$RUN_DIR/summary.md"
  echo "RUNNER_TEMP=$RUN_DIR/runner-temp"
  echo "RUNNER_OS=Linux"
  # Last, because dotenv keeps the last value of a name: the arguments override the above.
  for arg in "$@"; do echo "$arg"; done
} > "$ENV_FILE"

node_modules/.bin/local-action run . src/main.ts "$ENV_FILE"
