# Shared by install.sh, start.sh, stop.sh and uninstall.sh (sourced, not run). Paths, ports,
# logging, the profiles, the progress line of long steps and the pid-file bookkeeping that lets
# stop.sh end exactly what start.sh started.

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  case ${1:-} in
    -h | --help) echo "Usage: source scripts/stack/lib.sh   (paths, ports, profiles, progress and pid helpers for install.sh, start.sh, stop.sh and uninstall.sh; not a command)"; exit 0 ;;
    *) echo "lib.sh: unknown argument '${1:-}' (it is not a command: install.sh, start.sh, stop.sh and uninstall.sh source it; try --help)" >&2; exit 2 ;;
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
# Where install.sh puts what it builds (buildkitd, oras, cosign, the SBOM generator) and buildx.
STACK_LIB_DIR=${STACK_LIB_DIR:-/usr/local/lib/ecr-build-scan-push}
STACK_BIN_DIR=${STACK_BIN_DIR:-$STACK_LIB_DIR/bin}
# A system plugin dir, so buildx is found whatever DOCKER_CONFIG a job (or a test) uses.
DOCKER_CLI_PLUGIN_DIR=${DOCKER_CLI_PLUGIN_DIR:-/usr/local/lib/docker/cli-plugins}
BUILDKITD_BIN=${STACK_BUILDKITD:-$STACK_BIN_DIR/buildkitd}

# Profiles (install.sh and start.sh --profile=…):
#   demo  what `npm run demo` needs: the registry, the stand-ins, buildkitd with the buildx
#         `remote` builder, the base images;
#   full  (the default) demo plus what the test suite and the benchmark need as well: the Docker
#         engine (the `default` builder), tinyproxy, skopeo, oras, cosign, the SBOM generator and
#         Docker Hub's stand-in that serves it, the /etc/hosts names.
STACK_PROFILES=(demo full)
# check_profile NAME SCRIPT: exits 2, with one line on stderr, unless NAME is a profile.
check_profile() {
  local p
  for p in "${STACK_PROFILES[@]}"; do [ "$p" = "$1" ] && return 0; done
  echo "$2: unknown profile '$1' in --profile=$1 (profiles: ${STACK_PROFILES[*]}; try --help)" >&2
  exit 2
}

log() { printf '[stack] %s\n' "$*"; }

# elapsed SECONDS: "1m05s".
elapsed() { printf '%dm%02ds' $(($1 / 60)) $(($1 % 60)); }

# Seconds between the progress lines of a long step.
PROGRESS_EVERY=${STACK_PROGRESS_EVERY:-30}

# with_progress NAME LOGFILE DETAIL CMD...: runs CMD (a command or a function; stdin /dev/null)
# with its output appended to LOGFILE and, while it runs, logs "  NAME: 1m30s so far (…)" every
# PROGRESS_EVERY seconds, so a step of minutes is never silent. The parenthesis is what the
# function DETAIL prints when given LOGFILE ("-": none). Returns CMD's status.
with_progress() {
  local name=$1 logfile=$2 detail=$3 started=$SECONDS pid next status=0 what
  shift 3
  "$@" >> "$logfile" 2>&1 < /dev/null &
  pid=$!
  next=$((SECONDS + PROGRESS_EVERY))
  while kill -0 "$pid" 2> /dev/null; do
    sleep 1
    if [ "$SECONDS" -ge "$next" ] && kill -0 "$pid" 2> /dev/null; then
      what=
      [ "$detail" = - ] || what=$("$detail" "$logfile" 2> /dev/null || true)
      log "  $name: $(elapsed $((SECONDS - started))) so far${what:+ ($what)}"
      next=$((next + PROGRESS_EVERY))
    fi
  done
  wait "$pid" || status=$?
  return "$status"
}

# in_dir DIR CMD...: CMD run in DIR (for with_progress, which runs it in a subshell).
in_dir() {
  cd "$1" || return
  shift
  "$@"
}

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
