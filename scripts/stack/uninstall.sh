#!/usr/bin/env bash
# Removes what the local stack put on this machine (README.md, "Running it locally", lists it):
# stops the stack, then removes its /etc/hosts line, its state directory, buildkitd and the
# buildx plugin it built; the Debian packages it installed only with --packages.
set -euo pipefail

usage() {
  cat << 'EOF'
Usage: bash scripts/stack/uninstall.sh [--packages]        (npm run stack:uninstall)

Stops the local stack (scripts/stack/stop.sh), then removes what it put on this machine:
  - the line "127.0.0.1 ecr.stack.test github.stack.test" in /etc/hosts;
  - $STACK_DIR (default /var/tmp/ecr-bsp-stack): registry content, password, Docker and
    BuildKit data, logs, the Go module and build caches of the install;
  - /usr/local/lib/ecr-build-scan-push (buildkitd, oras, cosign, the SBOM generator);
  - /usr/local/lib/docker/cli-plugins/docker-buildx (the buildx it built; the directory too
    when nothing else is in it).
The Debian packages stay unless --packages is given. node_modules/ in the clone stays.

Options:
  --packages   also apt-get remove the Debian packages scripts/stack/install.sh installed
               (those it recorded; packages that were there before are never removed),
               (with docker.io, also the engine's key /etc/docker/key.json)
  -h, --help   print this and exit

Environment: STACK_DIR, STACK_LIB_DIR, DOCKER_CLI_PLUGIN_DIR, STACK_HOSTS_FILE (as install.sh
and start.sh use them).
EOF
}
PACKAGES=0
for arg in "$@"; do
  case $arg in
    --packages) PACKAGES=1 ;;
    -h | --help) usage; exit 0 ;;
    *) echo "uninstall.sh: unknown argument '$arg' (try --help)" >&2; exit 2 ;;
  esac
done

# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
LIB_DIR=${STACK_LIB_DIR:-/usr/local/lib/ecr-build-scan-push}
PLUGIN_DIR=${DOCKER_CLI_PLUGIN_DIR:-/usr/local/lib/docker/cli-plugins}
log() { printf '[uninstall] %s\n' "$*"; }

bash "$STACK_ROOT/scripts/stack/stop.sh"

# dockerd and buildkitd unmount their layers when they stop; anything still mounted under
# $STACK_DIR (a killed engine) is unmounted, deepest first, before the directory is removed.
if [ -d "$STACK_DIR" ]; then
  mounts=$(findmnt -rn -o TARGET | grep -E "^$STACK_DIR(/|\$)" | sort -r || true)
  for mount in $mounts; do
    umount "$mount" 2> /dev/null || umount -l "$mount" || die "cannot unmount $mount; $STACK_DIR is left as it is"
  done
  # The Go module cache is read-only by design; make it writable to remove it.
  chmod -R u+w "$STACK_DIR" 2> /dev/null || true
  rm -rf "$STACK_DIR"
  log "removed $STACK_DIR"
fi

if [ -f "$STACK_HOSTS_FILE" ] && grep -qxF "$STACK_HOSTS_LINE" "$STACK_HOSTS_FILE"; then
  # Rewritten in place (not replaced), as /etc/hosts may be a bind mount in a container.
  kept=$(grep -vxF "$STACK_HOSTS_LINE" "$STACK_HOSTS_FILE" || true)
  printf '%s\n' "$kept" > "$STACK_HOSTS_FILE"
  log "removed \"$STACK_HOSTS_LINE\" from $STACK_HOSTS_FILE"
fi

packages=()
if [ -f "$LIB_DIR/installed-packages" ]; then
  mapfile -t packages < <(sort -u "$LIB_DIR/installed-packages")
fi
if [ -d "$LIB_DIR" ]; then
  rm -rf "$LIB_DIR"
  log "removed $LIB_DIR"
fi

# Only the plugin install.sh built: its .version stamp says so.
if [ -f "$PLUGIN_DIR/docker-buildx.version" ]; then
  rm -f "$PLUGIN_DIR/docker-buildx" "$PLUGIN_DIR/docker-buildx.version"
  log "removed $PLUGIN_DIR/docker-buildx"
  rmdir "$PLUGIN_DIR" 2> /dev/null && rmdir "$(dirname "$PLUGIN_DIR")" 2> /dev/null || true
fi

if [ "$PACKAGES" = 1 ]; then
  if [ ${#packages[@]} -gt 0 ]; then
    log "apt-get remove ${packages[*]}"
    DEBIAN_FRONTEND=noninteractive NEEDRESTART_SUSPEND=1 apt-get remove -y -q "${packages[@]}"
  else
    # An install older than the record: name the candidates, remove none (some may be the machine's own).
    log "no record of the Debian packages the stack installed: none removed (it installs those missing of docker.io runc docker-registry apache2-utils busybox-static tinyproxy mmdebstrap)"
  fi
  # The engine's identity key, written by the first dockerd start; no package owns it.
  if printf '%s\n' "${packages[@]}" | grep -qx docker.io; then rm -f /etc/docker/key.json; fi
elif [ ${#packages[@]} -gt 0 ]; then
  log "the Debian packages the stack installed stay: ${packages[*]} (apt-get remove ${packages[*]} removes them)"
fi
log "done"
