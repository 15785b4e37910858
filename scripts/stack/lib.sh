# Shared by start.sh, stop.sh and uninstall.sh (sourced, not run). Paths, ports, logging and the
# pid-file bookkeeping that lets stop.sh end exactly what start.sh started.

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  case ${1:-} in
    -h | --help) echo "Usage: source scripts/stack/lib.sh   (paths, ports and pid helpers for start.sh, stop.sh and uninstall.sh; not a command)"; exit 0 ;;
    *) echo "lib.sh: unknown argument '${1:-}' (it is not a command: start.sh, stop.sh and uninstall.sh source it; try --help)" >&2; exit 2 ;;
  esac
fi

STACK_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
STACK_DIR=${STACK_DIR:-/var/tmp/ecr-bsp-stack}
PID_DIR=$STACK_DIR/pids
LOG_DIR=$STACK_DIR/logs

HOST=127.0.0.1
REGISTRY_PORT=15000
ECR_PORT=15001
GITHUB_PORT=15002
BUILDKIT_PORT=15003
# The registry front with the OCI 1.1 referrers API (test/stack/registry-front.ts --storage).
REFERRERS_PORT=15004
# Docker Hub's stand-in: a registry without auth, BuildKit's docker.io mirror (the SBOM generator).
HUB_MIRROR_PORT=15005
REGISTRY=$HOST:$REGISTRY_PORT
DOCKER_SOCK=/var/run/docker.sock
# The proxy tests reach the stand-ins by these names (see start.sh); uninstall.sh removes the line.
STACK_HOSTS_FILE=${STACK_HOSTS_FILE:-/etc/hosts}
STACK_HOSTS_NAMES=(ecr.stack.test github.stack.test)
STACK_HOSTS_LINE="127.0.0.1 ${STACK_HOSTS_NAMES[*]}"

# Node 24 runs the stand-ins' .ts files directly (type stripping); the system node is older.
NODE_BIN=${STACK_NODE:-$STACK_ROOT/node_modules/.bin/node}
BUILDKITD_BIN=${STACK_BUILDKITD:-/usr/local/lib/ecr-build-scan-push/bin/buildkitd}

log() { printf '[stack] %s\n' "$*"; }

# die MESSAGE [LOGFILE]: fails with the tail of the log that explains why.
die() {
  printf '[stack] ERROR: %s\n' "$1" >&2
  if [ -n "${2:-}" ] && [ -s "$2" ]; then
    printf '[stack] --- last lines of %s:\n' "$2" >&2
    tail -n 40 "$2" >&2
  fi
  exit 1
}

# pid_of NAME: the pid in $PID_DIR/NAME.pid if that process is still alive and still
# runs the command we started: NAME.cmd holds a marker from its command line, which
# guards against a recycled pid.
pid_of() {
  local file=$PID_DIR/$1.pid pid marker
  [ -f "$file" ] || return 1
  pid=$(cat "$file")
  marker=$(cat "$PID_DIR/$1.cmd" 2>/dev/null || true)
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
  if [ -n "$marker" ] && ! tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$marker"; then
    return 1
  fi
  echo "$pid"
}
