#!/usr/bin/env bash
# Installs what the local stack needs when it is missing: Debian's Docker engine,
# runc, docker-registry, htpasswd, busybox-static, tinyproxy, mmdebstrap; buildx and buildkitd
# built from the Go module proxy. Idempotent: a second run installs nothing.
set -euo pipefail

usage() {
  cat << 'EOF'
Usage: bash scripts/stack/install.sh

Installs what the local stack needs when it is missing (scripts/stack/start.sh runs it first):
  - Debian packages: docker.io, runc, docker-registry, apache2-utils, busybox-static, tinyproxy,
    mmdebstrap, skopeo
    (apt-get's output goes to $STACK_DIR/logs/install-apt.log);
  - buildx, built from the Go module proxy, as /usr/local/lib/docker/cli-plugins/docker-buildx,
    and buildkitd as /usr/local/lib/ecr-build-scan-push/bin/buildkitd (the first time:
    2-5 minutes each on 2 cores; the Go output goes to $STACK_DIR/logs/install-*.log, and the
    Go module and build caches to $STACK_DIR/go);
  - oras, and the SBOM generator (test/stack/sbom-generator, on the syft library, about 5
    minutes the first time), in the same bin directory.
Idempotent: a second run installs nothing. Run as root. scripts/stack/uninstall.sh undoes it.

Environment: STACK_DIR (default /var/tmp/ecr-bsp-stack), STACK_BIN_DIR, DOCKER_CLI_PLUGIN_DIR.

Options:
  -h, --help   print this and exit
EOF
}
for arg in "$@"; do
  case $arg in
    -h | --help) usage; exit 0 ;;
    *) echo "install.sh: unknown argument '$arg' (it takes none; try --help)" >&2; exit 2 ;;
  esac
done

BUILDX_VERSION=v0.36.1
BUILDKIT_VERSION=v0.32.2
ORAS_VERSION=v1.3.6
STACK_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
STACK_DIR=${STACK_DIR:-/var/tmp/ecr-bsp-stack}
LIB_DIR=${STACK_LIB_DIR:-/usr/local/lib/ecr-build-scan-push}
BIN_DIR=${STACK_BIN_DIR:-$LIB_DIR/bin}
# A system plugin dir, so buildx is found whatever DOCKER_CONFIG a job (or a test) uses.
PLUGIN_DIR=${DOCKER_CLI_PLUGIN_DIR:-/usr/local/lib/docker/cli-plugins}
LOG_DIR=$STACK_DIR/logs
# The Debian packages this script installed (and only those): uninstall.sh --packages reads it.
INSTALLED_PACKAGES=$LIB_DIR/installed-packages

log() { printf '[install] %s\n' "$*"; }
# elapsed SECONDS: "1m05s".
elapsed() { printf '%dm%02ds' $(($1 / 60)) $(($1 % 60)); }

mkdir -p "$LOG_DIR"

need_apt=()
command -v dockerd >/dev/null || need_apt+=(docker.io)
command -v runc >/dev/null || need_apt+=(runc)
command -v docker-registry >/dev/null || need_apt+=(docker-registry)
command -v htpasswd >/dev/null || need_apt+=(apache2-utils)
# The base image needs the static busybox; Debian's plain "busybox" package is dynamic.
dpkg-query -W -f='${Status}' busybox-static 2>/dev/null | grep -q 'install ok installed' || need_apt+=(busybox-static)
command -v tinyproxy >/dev/null || need_apt+=(tinyproxy)
# The Python base image (Debian bookworm + python3) is made from Debian's packages.
command -v mmdebstrap >/dev/null || need_apt+=(mmdebstrap)
# The attestation tests inspect tags with skopeo as well as buildx imagetools.
command -v skopeo >/dev/null || need_apt+=(skopeo)
if [ ${#need_apt[@]} -gt 0 ]; then
  apt_log=$LOG_DIR/install-apt.log
  log "apt-get install ${need_apt[*]} (about a minute; log: $apt_log)"
  export DEBIAN_FRONTEND=noninteractive
  # needrestart's apt hook (on machines that have it) scans every process after the install and
  # lists services to restart: nothing here needs a restart, since the stack starts its own
  # processes. NEEDRESTART_SUSPEND is the switch its apt-pinvoke hook reads.
  export NEEDRESTART_SUSPEND=1
  # Debian's packages start their services on install; the stack starts its own, on 127.0.0.1
  # only. A policy-rc.d that answers 101 tells invoke-rc.d and deb-systemd-invoke not to start
  # them (and, unlike killing by process name, cannot hit a stack that is already running).
  policy=/usr/sbin/policy-rc.d
  created_policy=
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' > "$policy"
    chmod 755 "$policy"
    created_policy=1
    trap 'rm -f "$policy"' EXIT
  fi
  # apt's and dpkg's chatter (debconf notes, "Selecting previously unselected package …") goes
  # to the log; on failure its tail is shown.
  {
    apt-get update -qq && apt-get install -y -q --no-install-recommends "${need_apt[@]}"
  } > "$apt_log" 2>&1 || { tail -n 30 "$apt_log" >&2; log "ERROR: apt-get install failed (log: $apt_log)"; exit 1; }
  mkdir -p "$LIB_DIR"
  printf '%s\n' "${need_apt[@]}" >> "$INSTALLED_PACKAGES"
  if [ -n "$created_policy" ]; then
    rm -f "$policy"
    trap - EXIT
  else
    # The machine's own policy-rc.d may have let the services start: stop those units (their
    # init scripts stop by pid file, not by process name).
    for svc in docker docker.socket containerd docker-registry tinyproxy; do
      systemctl stop "$svc" 2>/dev/null || service "$svc" stop 2>/dev/null || true
    done
  fi
  log "installed ${need_apt[*]}"
fi

mkdir -p "$BIN_DIR" "$PLUGIN_DIR"
# The stack's own Go caches, so a Go set-up of the machine's is left as it is and
# uninstall.sh can remove them.
export GOMODCACHE=$STACK_DIR/go/mod GOCACHE=$STACK_DIR/go/build

# go_build NAME MODULE VERSION PACKAGE DEST [LDFLAGS]: builds inside the downloaded module,
# where it is the main module, because `go install pkg@version` refuses modules whose go.mod has
# exclude or replace directives (buildkit's has both). The Go output (a few hundred
# "go: downloading" lines) goes to a log; a line every 30 s says how far it got.
go_build() {
  local name=$1 module=$2 version=$3 pkg=$4 dest=$5 ldflags=${6:-}
  local stamp="$version $ldflags" build_log=$LOG_DIR/install-$1.log
  if [ -x "$dest" ] && [ "$(cat "$dest.version" 2>/dev/null)" = "$stamp" ]; then return; fi
  log "building $name $version from the Go module proxy (first time: 2-5 minutes on 2 cores; log: $build_log)"
  local started=$SECONDS dir pid
  : > "$build_log"
  dir=$(go mod download -json "$module@$version" 2>> "$build_log" | python3 -c 'import json,sys; print(json.load(sys.stdin)["Dir"])') \
    || { tail -n 30 "$build_log" >&2; log "ERROR: go mod download $module@$version failed (log: $build_log)"; exit 1; }
  (cd "$dir" && GOFLAGS="-buildvcs=false -mod=mod" CGO_ENABLED=0 go build -trimpath -ldflags "$ldflags" -o "$dest.tmp" "$pkg") \
    >> "$build_log" 2>&1 &
  pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    for _ in $(seq 30); do kill -0 "$pid" 2>/dev/null && sleep 1; done
    kill -0 "$pid" 2>/dev/null || break
    local modules
    modules=$(grep -c '^go: downloading' "$build_log" || true)
    log "  $name: $(elapsed $((SECONDS - started))) so far ($modules modules downloaded, compiling)"
  done
  wait "$pid" || { tail -n 30 "$build_log" >&2; log "ERROR: go build of $name failed (log: $build_log)"; exit 1; }
  mv "$dest.tmp" "$dest"
  echo "$stamp" > "$dest.version"
  log "built $name in $(elapsed $((SECONDS - started)))"
}
go_build buildx github.com/docker/buildx "$BUILDX_VERSION" ./cmd/buildx "$PLUGIN_DIR/docker-buildx" \
  "-X github.com/docker/buildx/version.Version=$BUILDX_VERSION -X github.com/docker/buildx/version.Package=github.com/docker/buildx"
go_build buildkitd github.com/moby/buildkit "$BUILDKIT_VERSION" ./cmd/buildkitd "$BIN_DIR/buildkitd" \
  "-X github.com/moby/buildkit/version.Version=$BUILDKIT_VERSION"
# oras, for the attestation tests and the README's verification job (oras discover / blob fetch).
go_build oras oras.land/oras "$ORAS_VERSION" ./cmd/oras "$BIN_DIR/oras"

# The SBOM generator (test/stack/sbom-generator: BuildKit's SBOM scanner protocol on the syft
# library), our own module: built where it is, keyed by a hash of its sources, so a change
# rebuilds it. start.sh pushes it as the local registry's docker/buildkit-syft-scanner:stable-1.
generator_src=$STACK_ROOT/test/stack/sbom-generator
generator_stamp=$(cat "$generator_src/main.go" "$generator_src/go.mod" "$generator_src/go.sum" | sha256sum | cut -c1-16)
if [ ! -x "$BIN_DIR/sbom-generator" ] || [ "$(cat "$BIN_DIR/sbom-generator.version" 2>/dev/null)" != "$generator_stamp" ]; then
  build_log=$LOG_DIR/install-sbom-generator.log
  log "building the SBOM generator (syft $(awk '$1 == "github.com/anchore/syft" {print $2}' "$generator_src/go.mod")) from the Go module proxy (first time: about 5 minutes on 2 cores; log: $build_log)"
  started=$SECONDS
  (cd "$generator_src" && GOFLAGS="-buildvcs=false -mod=readonly" CGO_ENABLED=0 go build -trimpath -ldflags "-s -w" -o "$BIN_DIR/sbom-generator.tmp" .) \
    > "$build_log" 2>&1 || { tail -n 30 "$build_log" >&2; log "ERROR: go build of the SBOM generator failed (log: $build_log)"; exit 1; }
  mv "$BIN_DIR/sbom-generator.tmp" "$BIN_DIR/sbom-generator"
  echo "$generator_stamp" > "$BIN_DIR/sbom-generator.version"
  log "built the SBOM generator in $(elapsed $((SECONDS - started)))"
fi
log "ready: $(docker buildx version 2>/dev/null || echo 'buildx ?'), buildkitd $BUILDKIT_VERSION, $(dockerd --version)"
