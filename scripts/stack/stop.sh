#!/usr/bin/env bash
# Stops what scripts/stack/start.sh started: exactly the processes whose pids are in
# $STACK_DIR/pids (and still run the command start.sh recorded), nothing else.
# State (registry content, password, builders) stays in $STACK_DIR for the next start.
set -euo pipefail

usage() {
  cat << 'EOF'
Usage: bash scripts/stack/stop.sh        (npm run stack:stop)

Stops the local stack: exactly the processes scripts/stack/start.sh recorded in
$STACK_DIR/pids (default /var/tmp/ecr-bsp-stack/pids), nothing else. Registry content, the
password and the buildx builders stay in $STACK_DIR for the next start; to remove everything
the stack put on this machine, see scripts/stack/uninstall.sh --help.

Options:
  -h, --help   print this and exit
EOF
}
for arg in "$@"; do
  case $arg in
    -h | --help) usage; exit 0 ;;
    *) echo "stop.sh: unknown argument '$arg' (it takes none; try --help)" >&2; exit 2 ;;
  esac
done

# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

[ -d "$PID_DIR" ] || { log "nothing to stop ($PID_DIR does not exist)"; exit 0; }
exec 9> "$STACK_DIR/.lock"
# Waits for a start.sh in progress; does not hang on a lock leaked to a child process.
flock -w 60 9 || log "WARNING: $STACK_DIR/.lock is still held after 60s; stopping anyway"

failed=0
# Reverse start order: the builders' engines first, the stand-ins last (they take the
# registry's last push events).
for name in buildkitd dockerd referrers-front hub-mirror registry github-standin ecr-standin; do
  [ -f "$PID_DIR/$name.pid" ] || continue
  if ! pid=$(pid_of "$name"); then
    log "$name: not running (stale pid file removed)"
    rm -f "$PID_DIR/$name.pid" "$PID_DIR/$name.cmd"
    continue
  fi
  kill -TERM "$pid" 2> /dev/null || true
  # dockerd stops its containerd first, which can take a few seconds.
  for _ in $(seq 150); do kill -0 "$pid" 2> /dev/null || break; sleep 0.2; done
  if kill -0 "$pid" 2> /dev/null; then
    log "$name (pid $pid) ignored SIGTERM for 30s; sending SIGKILL"
    kill -KILL "$pid" 2> /dev/null || failed=1
  fi
  rm -f "$PID_DIR/$name.pid" "$PID_DIR/$name.cmd"
  log "$name: stopped (pid $pid)"
done
[ "$failed" = 0 ] || die "some processes could not be stopped"
log "stack stopped; state kept in $STACK_DIR"
