#!/usr/bin/env bash
# Installs what the local stack needs when it is missing, for a profile: `demo` (what
# `npm run demo` needs: Debian's runc, docker-registry, htpasswd, busybox-static, mmdebstrap;
# buildx and buildkitd built from the Go module proxy) or `full` (the default; also what the tests
# and the benchmark need: Debian's Docker engine, tinyproxy, skopeo; oras, cosign and the SBOM
# generator).
# Idempotent: a second run installs nothing. Every long step logs a progress line every 30 s.
set -euo pipefail

# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
log() { printf '[install] %s\n' "$*"; }

BUILDX_VERSION=v0.36.1
BUILDKIT_VERSION=v0.32.2
ORAS_VERSION=v1.3.6
COSIGN_VERSION=v3.1.3

usage() {
  cat << EOF
Usage: bash scripts/stack/install.sh [--profile=demo|full] [--dry-run]

Installs what the local stack needs when it is missing; scripts/stack/start.sh runs it first
with the same --profile. In this order:

  1. Debian packages, one apt-get (output in \$STACK_DIR/logs/install-apt.log):
       demo: runc, docker-registry, apache2-utils, busybox-static, mmdebstrap
       full: those, and docker.io (the Docker engine), tinyproxy, skopeo
  2. (demo, full) buildx $BUILDX_VERSION, as $DOCKER_CLI_PLUGIN_DIR/docker-buildx
  3. (demo, full) BuildKit $BUILDKIT_VERSION: buildkitd, as $STACK_BIN_DIR/buildkitd
  4. (full)       oras $ORAS_VERSION, in the same bin directory
  5. (full)       cosign $COSIGN_VERSION, likewise
  6. (full)       the SBOM generator (test/stack/sbom-generator, on the syft library), likewise

Profiles:
  demo   what \`npm run demo\` needs. The first time: about 5 minutes on 2 cores (buildx about 3,
         buildkitd about 1, apt-get about 1).
  full   the default: what the test suite (npm test) and the benchmark need as well. After the
         demo's: about 12 minutes more the first time, 6 of them compiling cosign and 5 the
         SBOM generator.
2-6 are built from the Go module proxy (Go's output in \$STACK_DIR/logs/install-NAME.log, its
module and build caches in \$STACK_DIR/go). Every step that takes long logs a progress line
every 30 seconds. Idempotent: a second run installs nothing (a changed version, or changed
sources of the SBOM generator, rebuild that one). Run as root. scripts/stack/uninstall.sh
undoes it.

Environment: STACK_DIR (default /var/tmp/ecr-bsp-stack), STACK_LIB_DIR (default
/usr/local/lib/ecr-build-scan-push), STACK_BIN_DIR (default \$STACK_LIB_DIR/bin),
DOCKER_CLI_PLUGIN_DIR (default /usr/local/lib/docker/cli-plugins), STACK_PROGRESS_EVERY (the
progress line's interval in seconds, default 30).

Options:
  --profile=NAME  demo or full (default full)
  --dry-run       print what it would install, in order, and install nothing
  -h, --help      print this and exit
EOF
}
PROFILE=full
DRY_RUN=0
for arg in "$@"; do
  case $arg in
    --profile=*) PROFILE=${arg#--profile=}; check_profile "$PROFILE" install.sh ;;
    --dry-run) DRY_RUN=1 ;;
    -h | --help) usage; exit 0 ;;
    *) echo "install.sh: unknown argument '$arg' (try --help)" >&2; exit 2 ;;
  esac
done

LIB_DIR=$STACK_LIB_DIR
BIN_DIR=$STACK_BIN_DIR
PLUGIN_DIR=$DOCKER_CLI_PLUGIN_DIR
# The Debian packages this script installed (and only those): uninstall.sh --packages reads it.
INSTALLED_PACKAGES=$LIB_DIR/installed-packages
# What the demo profile leaves out and this machine lacks (named at the end).
LEFT_FOR_FULL=()

[ "$DRY_RUN" = 1 ] && log "dry run, profile $PROFILE: nothing is installed; in order:"
[ "$DRY_RUN" = 1 ] || mkdir -p "$LOG_DIR"

# --- 1. Debian packages ----------------------------------------------------------------------
installed() { dpkg-query -W -f='${Status}' "$1" 2> /dev/null | grep -q 'install ok installed'; }
need_apt=()
full_apt=()
# runc: buildkitd's OCI worker runs RUN steps with it. docker-registry and htpasswd: the registry.
command -v runc > /dev/null || need_apt+=(runc)
command -v docker-registry > /dev/null || need_apt+=(docker-registry)
command -v htpasswd > /dev/null || need_apt+=(apache2-utils)
# The busybox base image needs the static busybox; Debian's plain "busybox" package is dynamic.
installed busybox-static || need_apt+=(busybox-static)
# The Python base image (Debian bookworm + python3) that examples/retail-api builds on.
command -v mmdebstrap > /dev/null || need_apt+=(mmdebstrap)
# The Docker engine (the `default` builder), the proxy tests' tinyproxy, and skopeo, with which the
# attestation tests inspect tags as well as with buildx imagetools: the full profile only.
command -v dockerd > /dev/null || full_apt+=(docker.io)
command -v tinyproxy > /dev/null || full_apt+=(tinyproxy)
command -v skopeo > /dev/null || full_apt+=(skopeo)
if [ "$PROFILE" = full ]; then
  need_apt+=("${full_apt[@]}")
else
  LEFT_FOR_FULL+=("${full_apt[@]}")
fi

# apt_progress LOG: how far apt-get install got, for the progress line.
apt_progress() {
  local total fetched set_up
  total=$(sed -n 's/^\([0-9]\+\) upgraded, \([0-9]\+\) newly installed.*/\2/p' "$1" | head -n 1)
  fetched=$(grep -c '^Get:' "$1" || true)
  set_up=$(grep -c '^Setting up' "$1" || true)
  echo "${total:-?} packages: $fetched downloaded, $set_up set up"
}
apt_install() { apt-get update -qq && apt-get install -y -q --no-install-recommends "$@"; }

if [ ${#need_apt[@]} -eq 0 ]; then
  [ "$DRY_RUN" = 0 ] || log "  1. Debian packages: nothing missing"
elif [ "$DRY_RUN" = 1 ]; then
  log "  1. apt-get install ${need_apt[*]}"
else
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
  : > "$apt_log"
  with_progress apt-get "$apt_log" apt_progress apt_install "${need_apt[@]}" \
    || { tail -n 30 "$apt_log" >&2; log "ERROR: apt-get install failed (log: $apt_log)"; exit 1; }
  mkdir -p "$LIB_DIR"
  printf '%s\n' "${need_apt[@]}" >> "$INSTALLED_PACKAGES"
  if [ -n "$created_policy" ]; then
    rm -f "$policy"
    trap - EXIT
  else
    # The machine's own policy-rc.d may have let the services start: stop those units (their
    # init scripts stop by pid file, not by process name).
    for svc in docker docker.socket containerd docker-registry tinyproxy; do
      systemctl stop "$svc" 2> /dev/null || service "$svc" stop 2> /dev/null || true
    done
  fi
  log "installed ${need_apt[*]}"
fi

# --- 2-6. built from the Go module proxy -----------------------------------------------------
[ "$DRY_RUN" = 1 ] || mkdir -p "$BIN_DIR" "$PLUGIN_DIR"
# The stack's own Go caches, so a Go set-up of the machine's is left as it is and
# uninstall.sh can remove them.
export GOMODCACHE=$STACK_DIR/go/mod GOCACHE=$STACK_DIR/go/build

# go_progress LOG: how far a go build got, for the progress line.
go_progress() { echo "$(grep -c '^go: downloading' "$1" || true) modules downloaded, compiling"; }

# built DEST STAMP: DEST is there and was built as STAMP says (its DEST.version file).
built() { [ -x "$1" ] && [ "$(cat "$1.version" 2> /dev/null)" = "$2" ]; }

# go_build STEP NAME MODULE VERSION PACKAGE DEST [LDFLAGS]: builds inside the downloaded module,
# where it is the main module, because `go install pkg@version` refuses modules whose go.mod has
# exclude or replace directives (buildkit's has both). The Go output (a few hundred
# "go: downloading" lines) goes to a log; a line every 30 s says how far it got.
go_build() {
  local step=$1 name=$2 module=$3 version=$4 pkg=$5 dest=$6 ldflags=${7:-}
  local stamp="$version $ldflags" build_log=$LOG_DIR/install-$2.log
  if built "$dest" "$stamp"; then
    [ "$DRY_RUN" = 0 ] || log "  $step. $name $version: already built ($dest)"
    return
  fi
  if [ "$DRY_RUN" = 1 ]; then
    log "  $step. build $name $version from the Go module proxy as $dest"
    return
  fi
  log "building $name $version from the Go module proxy (first time: 2-6 minutes on 2 cores; log: $build_log)"
  local started=$SECONDS dir
  : > "$build_log"
  dir=$(go mod download -json "$module@$version" 2>> "$build_log" | python3 -c 'import json,sys; print(json.load(sys.stdin)["Dir"])') \
    || { tail -n 30 "$build_log" >&2; log "ERROR: go mod download $module@$version failed (log: $build_log)"; exit 1; }
  with_progress "$name" "$build_log" go_progress in_dir "$dir" \
    env GOFLAGS="-buildvcs=false -mod=mod" CGO_ENABLED=0 go build -trimpath -ldflags "$ldflags" -o "$dest.tmp" "$pkg" \
    || { tail -n 30 "$build_log" >&2; log "ERROR: go build of $name failed (log: $build_log)"; exit 1; }
  mv "$dest.tmp" "$dest"
  echo "$stamp" > "$dest.version"
  log "built $name in $(elapsed $((SECONDS - started)))"
}
go_build 2 buildx github.com/docker/buildx "$BUILDX_VERSION" ./cmd/buildx "$PLUGIN_DIR/docker-buildx" \
  "-X github.com/docker/buildx/version.Version=$BUILDX_VERSION -X github.com/docker/buildx/version.Package=github.com/docker/buildx"
go_build 3 buildkitd github.com/moby/buildkit "$BUILDKIT_VERSION" ./cmd/buildkitd "$BIN_DIR/buildkitd" \
  "-X github.com/moby/buildkit/version.Version=$BUILDKIT_VERSION"

# oras, for the attestation tests and the README's verification job (oras discover / blob fetch).
oras_stamp="$ORAS_VERSION "
if [ "$PROFILE" = full ]; then
  go_build 4 oras oras.land/oras "$ORAS_VERSION" ./cmd/oras "$BIN_DIR/oras"
elif ! built "$BIN_DIR/oras" "$oras_stamp"; then
  LEFT_FOR_FULL+=(oras)
fi

# cosign, for the e2e tests: they check the action's KMS signatures the way a user would, with
# `cosign verify --key … --insecure-ignore-tlog=true` (the key is the ECR stand-in's, which serves
# KMS's API at AWS_ENDPOINT_URL_KMS; there is no Rekor) and `cosign verify-attestation`. Its
# go.mod has no replace or exclude directives, so go_build works; the ldflags are its Makefile's
# as it builds outside a git clone, without the build date (the stamp must not change), plus
# -s -w: about 100 MB even so. The longest Go build here: 6-7 minutes on 2 cores, cold.
cosign_ldflags="-s -w -buildid= -X sigs.k8s.io/release-utils/version.gitVersion=$COSIGN_VERSION"
if [ "$PROFILE" = full ]; then
  go_build 5 cosign github.com/sigstore/cosign/v3 "$COSIGN_VERSION" ./cmd/cosign "$BIN_DIR/cosign" "$cosign_ldflags"
elif ! built "$BIN_DIR/cosign" "$COSIGN_VERSION $cosign_ldflags"; then
  LEFT_FOR_FULL+=(cosign)
fi

# The SBOM generator (test/stack/sbom-generator: BuildKit's SBOM scanner protocol on the syft
# library), our own module, for the tests and the benchmark with sbom: true: built where it is,
# keyed by a hash of its sources, so a change rebuilds it. start.sh pushes it as Docker Hub's
# stand-in's (and the local registry's) docker/buildkit-syft-scanner:stable-1.
generator_src=$STACK_ROOT/test/stack/sbom-generator
generator_bin=$BIN_DIR/sbom-generator
generator_stamp=$(cat "$generator_src/main.go" "$generator_src/go.mod" "$generator_src/go.sum" | sha256sum | cut -c1-16)
generator_syft=$(awk '$1 == "github.com/anchore/syft" {print $2}' "$generator_src/go.mod")
if built "$generator_bin" "$generator_stamp"; then
  [ "$DRY_RUN" = 0 ] || [ "$PROFILE" != full ] || log "  6. the SBOM generator (syft $generator_syft): already built ($generator_bin)"
elif [ "$PROFILE" != full ]; then
  LEFT_FOR_FULL+=("the SBOM generator")
elif [ "$DRY_RUN" = 1 ]; then
  log "  6. build the SBOM generator (syft $generator_syft) from test/stack/sbom-generator as $generator_bin"
else
  build_log=$LOG_DIR/install-sbom-generator.log
  log "building the SBOM generator (syft $generator_syft) from the Go module proxy, for the tests with sbom: true (first time: about 5 minutes on 2 cores; log: $build_log)"
  started=$SECONDS
  : > "$build_log"
  with_progress sbom-generator "$build_log" go_progress in_dir "$generator_src" \
    env GOFLAGS="-buildvcs=false -mod=readonly" CGO_ENABLED=0 go build -trimpath -ldflags "-s -w" -o "$generator_bin.tmp" . \
    || { tail -n 30 "$build_log" >&2; log "ERROR: go build of the SBOM generator failed (log: $build_log)"; exit 1; }
  mv "$generator_bin.tmp" "$generator_bin"
  echo "$generator_stamp" > "$generator_bin.version"
  log "built the SBOM generator in $(elapsed $((SECONDS - started)))"
fi

if [ ${#LEFT_FOR_FULL[@]} -gt 0 ]; then
  left=$(printf '%s, ' "${LEFT_FOR_FULL[@]}")
  log "left for the full profile, which npm test and npm run bench install when they first run: ${left%, }"
fi
[ "$DRY_RUN" = 0 ] || exit 0
engine=
[ "$PROFILE" = demo ] || engine=", $(dockerd --version 2> /dev/null || echo 'dockerd ?')"
log "ready (profile $PROFILE): $("$PLUGIN_DIR/docker-buildx" version 2> /dev/null || echo 'buildx ?'), buildkitd $BUILDKIT_VERSION$engine"
