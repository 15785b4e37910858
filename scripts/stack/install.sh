#!/usr/bin/env bash
# Installs what the local stack needs when it is missing: Debian's Docker engine,
# runc, docker-registry, htpasswd, busybox-static, tinyproxy; buildx and buildkitd
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
[ -x /bin/busybox ] || need_apt+=(busybox-static)
command -v tinyproxy >/dev/null || need_apt+=(tinyproxy)
if [ ${#need_apt[@]} -gt 0 ]; then
  log "apt-get install ${need_apt[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # docker.io would replace the machine's newer docker client; keep the client that is there.
  apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
  # Debian's packages start services on install; the stack starts its own, on 127.0.0.1 only.
  for svc in docker docker.socket containerd docker-registry tinyproxy; do
    systemctl stop "$svc" 2>/dev/null || service "$svc" stop 2>/dev/null || true
  done
  pkill -x docker-registry 2>/dev/null || true
  pkill -x tinyproxy 2>/dev/null || true
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
