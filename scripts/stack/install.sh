#!/usr/bin/env bash
# Installs what the local stack needs when it is missing: Debian's Docker engine,
# runc, docker-registry, htpasswd, busybox-static, tinyproxy, mmdebstrap; buildx and buildkitd
# built from the Go module proxy. Idempotent: a second run installs nothing.
set -euo pipefail

BUILDX_VERSION=v0.36.1
BUILDKIT_VERSION=v0.32.2
BIN_DIR=${STACK_BIN_DIR:-/usr/local/lib/ecr-build-scan-push/bin}
# A system plugin dir, so buildx is found whatever DOCKER_CONFIG a job (or a test) uses.
PLUGIN_DIR=${DOCKER_CLI_PLUGIN_DIR:-/usr/local/lib/docker/cli-plugins}

log() { printf '[install] %s\n' "$*"; }

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
if [ ${#need_apt[@]} -gt 0 ]; then
  log "apt-get install ${need_apt[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
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
  # docker.io would replace the machine's newer docker client; keep the client that is there.
  apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
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
fi

mkdir -p "$BIN_DIR" "$PLUGIN_DIR"
# go_build MODULE VERSION PACKAGE DEST: builds inside the downloaded module, where it is the
# main module, because `go install pkg@version` refuses modules whose go.mod has exclude or
# replace directives (buildkit's has both).
go_build() {
  local module=$1 version=$2 pkg=$3 dest=$4 ldflags=${5:-}
  local stamp="$version $ldflags"
  if [ -x "$dest" ] && [ "$(cat "$dest.version" 2>/dev/null)" = "$stamp" ]; then return; fi
  log "go build $module@$version $pkg (a few minutes on 2 cores)"
  local dir
  dir=$(go mod download -json "$module@$version" | python3 -c 'import json,sys; print(json.load(sys.stdin)["Dir"])')
  (cd "$dir" && GOFLAGS="-buildvcs=false -mod=mod" CGO_ENABLED=0 go build -trimpath -ldflags "$ldflags" -o "$dest.tmp" "$pkg")
  mv "$dest.tmp" "$dest"
  echo "$stamp" > "$dest.version"
}
go_build github.com/docker/buildx "$BUILDX_VERSION" ./cmd/buildx "$PLUGIN_DIR/docker-buildx" \
  "-X github.com/docker/buildx/version.Version=$BUILDX_VERSION -X github.com/docker/buildx/version.Package=github.com/docker/buildx"
go_build github.com/moby/buildkit "$BUILDKIT_VERSION" ./cmd/buildkitd "$BIN_DIR/buildkitd" \
  "-X github.com/moby/buildkit/version.Version=$BUILDKIT_VERSION"
log "ready: $(docker buildx version 2>/dev/null || echo 'buildx ?'), buildkitd $BUILDKIT_VERSION, $(dockerd --version)"
