#!/usr/bin/env bash
# Starts the local test stack, on 127.0.0.1 only:
#   15000 docker-registry (htpasswd user AWS)   15001 ECR API stand-in
#   15002 GitHub API stand-in                   15003 standalone buildkitd
#   15004 registry front with the OCI 1.1 referrers API (over 15000's storage)
#   buildx builders in $STACK_DIR/docker-config; with the full profile (the default) also
#   15005 Docker Hub's stand-in (the SBOM generator), dockerd (no bridge) on /var/run/docker.sock.
# --profile=demo starts only what `npm run demo` needs (lib.sh lists the profiles).
# Idempotent: what is already up and healthy is left alone, so a second run is quick.
# State lives in $STACK_DIR (default /var/tmp/ecr-bsp-stack); the tests source $STACK_DIR/env.
set -euo pipefail

usage() {
  cat << 'EOF'
Usage: bash scripts/stack/start.sh [--profile=demo|full] [--check]        (npm run stack:start)

Starts the local test stack, on 127.0.0.1 only, installing what the profile needs and is
missing first (scripts/stack/install.sh --profile=…; its --help lists the steps, and
--dry-run shows which it would run). The first time takes minutes, with a progress line every
30 seconds; later starts take seconds.

Profile demo (what `npm run demo` uses; the first time about 6 minutes on 2 cores):
  127.0.0.1:15000  docker-registry (user AWS, password in $STACK_DIR/registry-password)
  127.0.0.1:15001  ECR API stand-in          127.0.0.1:15002  GitHub API stand-in
  127.0.0.1:15003  standalone buildkitd, reached by the buildx builder stack-remote
  127.0.0.1:15004  the registry with the OCI 1.1 referrers API (a front over 15000's storage)
  the base images: busybox, and Python (Debian bookworm, made with mmdebstrap)
Profile full (the default; what npm test and npm run bench use): demo, plus
  127.0.0.1:15005  Docker Hub's stand-in, holding the SBOM generator (built from
                   test/stack/sbom-generator: about 5 minutes the first time)
  dockerd (no bridge) on /var/run/docker.sock, the buildx builder default
  /etc/hosts names for the stand-ins; tinyproxy, skopeo, oras and cosign for the tests
A demo start stops nothing: what a full start started stays up.

Idempotent: what is already up and healthy is left alone. State lives in $STACK_DIR (default
/var/tmp/ecr-bsp-stack); `source $STACK_DIR/env` gives a shell the stack's variables (its
STACK_PROFILE says whether the full stack is up). Run as root. What it changes on the machine:
README.md, "Running it locally".

Options:
  --profile=NAME  demo or full (default full)
  --check         re-run the build/push self-test even if nothing was started
  -h, --help      print this and exit
EOF
}
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
FORCE_CHECK=0
PROFILE=full
for arg in "$@"; do
  case $arg in
    --profile=*) PROFILE=${arg#--profile=}; check_profile "$PROFILE" start.sh ;;
    --check) FORCE_CHECK=1 ;;
    -h | --help) usage; exit 0 ;;
    *) echo "start.sh: unknown argument '$arg' (try --help)" >&2; exit 2 ;;
  esac
done
[ "$(id -u)" = 0 ] || die "run as root: dockerd and buildkitd need it"

bash "$STACK_ROOT/scripts/stack/install.sh" --profile="$PROFILE"
[ -x "$NODE_BIN" ] || die "Node 24 not found at $NODE_BIN (run npm ci first)"
[ -x "$BUILDKITD_BIN" ] || die "buildkitd not found at $BUILDKITD_BIN"

mkdir -p "$PID_DIR" "$LOG_DIR" "$STACK_DIR/docker-config"
# One start/stop at a time.
exec 9> "$STACK_DIR/.lock"
flock -w 600 9 || die "another start.sh or stop.sh has held $STACK_DIR/.lock for 10 minutes"

STARTED=()

# --- host names for the stand-ins that are not loopback by name (full profile) -------------------
# @actions/http-client never proxies localhost or 127.*, so the proxy tests reach the stand-ins
# as ecr.stack.test / github.stack.test (→ 127.0.0.1). Appended once, never rewritten.
hosts_named() {
  local name
  for name in "${STACK_HOSTS_NAMES[@]}"; do
    grep -qE "^127\.0\.0\.1[[:space:]](.*[[:space:]])?${name//./\\.}([[:space:]]|\$)" "$STACK_HOSTS_FILE" || return 1
  done
}
if [ "$PROFILE" = full ] && ! hosts_named; then
  echo "$STACK_HOSTS_LINE" >> "$STACK_HOSTS_FILE"
  log "added $STACK_HOSTS_LINE to $STACK_HOSTS_FILE"
fi

# spawn NAME MARKER CMD...: starts CMD detached in its own session (it outlives this script
# and the caller's job), logging to $LOG_DIR/NAME.log, and records its pid. MARKER is a
# string from the command line that stop.sh checks before it signals the pid.
spawn() {
  local name=$1 marker=$2
  shift 2
  printf '\n=== %s starting: %s\n' "$(date -Is)" "$*" >> "$LOG_DIR/$name.log"
  # The child must not inherit any lock: neither this script's own (fd 9) nor the caller's
  # (`flock /tmp/e2e.lock bash -c '…start.sh…'` holds it on fd 3), or the lock is held for as
  # long as the stand-in runs and every later flock waits for ever. So every descriptor above
  # 2 is closed before the exec.
  (
    for fd in /proc/$BASHPID/fd/*; do
      fd=${fd##*/}
      if [ "$fd" -gt 2 ]; then eval "exec $fd>&-"; fi
    done 2> /dev/null
    exec setsid "$@" >> "$LOG_DIR/$name.log" 2>&1 < /dev/null
  ) &
  echo $! > "$PID_DIR/$name.pid"
  echo "$marker" > "$PID_DIR/$name.cmd"
  STARTED+=("$name")
}

# wait_for NAME SECONDS CHECK [soft]: waits until the CHECK command succeeds. Fails (with the
# log tail) when NAME's process exits or time runs out; with "soft", returns 1 instead.
wait_for() {
  local name=$1 secs=$2 check=$3 soft=${4:-} i
  for ((i = 0; i < secs * 5; i++)); do
    if $check; then return 0; fi
    # Liveness by the recorded pid alone: right after spawn, /proc/PID/cmdline can still be the
    # forked bash subshell (before it execs setsid), so pid_of's marker check would race.
    if ! kill -0 "$(cat "$PID_DIR/$name.pid" 2>/dev/null)" 2>/dev/null; then
      [ -n "$soft" ] && return 1
      die "$name exited during startup" "$LOG_DIR/$name.log"
    fi
    sleep 0.2
  done
  [ -n "$soft" ] && return 1
  die "$name did not become healthy within ${secs}s" "$LOG_DIR/$name.log"
}

# stop_started NAME: ends a process this script started a moment ago (failed start).
stop_started() {
  local pid
  if pid=$(pid_of "$1"); then
    kill "$pid" 2> /dev/null || true
    for _ in $(seq 50); do kill -0 "$pid" 2> /dev/null || break; sleep 0.2; done
    kill -9 "$pid" 2> /dev/null || true
  fi
  rm -f "$PID_DIR/$1.pid" "$PID_DIR/$1.cmd"
}

http_code() { curl -s -o /dev/null -w '%{http_code}' --max-time 3 "$@" || true; }

# --- registry credentials: user AWS, a long random base64 password like an ECR token's -------
PASSWORD_FILE=$STACK_DIR/registry-password
if [ ! -s "$PASSWORD_FILE" ]; then
  # htpasswd refuses more than 256 characters; bcrypt itself only reads the first 72 bytes.
  (umask 077 && head -c 180 /dev/urandom | base64 -w0 > "$PASSWORD_FILE")
  rm -f "$STACK_DIR/htpasswd"
  log "generated a registry password in $PASSWORD_FILE"
fi
REGISTRY_PASSWORD=$(cat "$PASSWORD_FILE")
if [ ! -s "$STACK_DIR/htpasswd" ]; then
  htpasswd -Bin AWS < "$PASSWORD_FILE" > "$STACK_DIR/htpasswd"
fi
[ -s "$STACK_DIR/registry-http-secret" ] || (umask 077 && head -c 32 /dev/urandom | base64 -w0 > "$STACK_DIR/registry-http-secret")

# The ECR stand-in's test credentials (the access key is fixed; the secret may be overridden).
ECR_ACCESS_KEY=AKIASTANDINTEST00001
ECR_SECRET_KEY=${ECR_STANDIN_SECRET_KEY:-StandInSecretKeyForLocalTestsOnly0000001}

# --- ECR and GitHub stand-ins (started before the registry so no push event waits for them) --
STANDIN_SOURCES=$STACK_ROOT/test/stack
standin_up() { [ "$(http_code "http://$HOST:$1/_admin/health")" = 200 ]; }
ecr_up() { standin_up "$ECR_PORT"; }
github_up() { standin_up "$GITHUB_PORT"; }

# start_standin NAME PORT SCRIPT SOURCE_DIR: (re)starts a stand-in; a running one whose
# sources changed since it started is restarted, so edits take effect (its in-memory state
# is lost).
start_standin() {
  local name=$1 port=$2 script=$STANDIN_SOURCES/$3 sources=$STANDIN_SOURCES/$4 pid
  if pid=$(pid_of "$name"); then
    if [ -z "$(find "$script" "$sources" "$STANDIN_SOURCES/common" -name '*.ts' -newer "$PID_DIR/$name.pid" -print -quit 2> /dev/null)" ] \
      && standin_up "$port"; then
      log "$name: already up (pid $pid)"
      return
    fi
    log "$name: sources changed or unhealthy; restarting"
    stop_started "$name"
  elif standin_up "$port"; then
    die "something this script did not start already answers on $HOST:$port"
  fi
  spawn "$name" "$script" env \
    STANDIN_HOST="$HOST" STANDIN_PORT="$port" \
    REGISTRY_URL="http://$REGISTRY" REGISTRY_USER=AWS REGISTRY_PASSWORD_FILE="$PASSWORD_FILE" \
    ECR_STANDIN_ACCESS_KEY="$ECR_ACCESS_KEY" ECR_STANDIN_SECRET_KEY="$ECR_SECRET_KEY" \
    "$NODE_BIN" --disable-warning=ExperimentalWarning "$script"
  wait_for "$name" 20 "${name%-standin}_up"
  log "$name: started on $HOST:$port (pid $(pid_of "$name"))"
}
start_standin ecr-standin "$ECR_PORT" ecr-standin.ts ecr
start_standin github-standin "$GITHUB_PORT" github-standin.ts github

# --- docker-registry (distribution 2.8) --------------------------------------------------------
registry_up() { [ "$(http_code "http://$REGISTRY/v2/")" = 401 ]; }
REGISTRY_CONFIG=$STACK_DIR/registry-config.yml
cat > "$REGISTRY_CONFIG" << EOF
# Written by scripts/stack/start.sh.
version: 0.1
log:
  level: info
  formatter: text
storage:
  filesystem:
    rootdirectory: $STACK_DIR/registry
  delete:
    enabled: true
  maintenance:
    uploadpurging:
      enabled: false
http:
  addr: $REGISTRY
  secret: $(cat "$STACK_DIR/registry-http-secret")
  headers:
    X-Content-Type-Options: [nosniff]
auth:
  htpasswd:
    realm: ecr-standin
    path: $STACK_DIR/htpasswd
notifications:
  events:
    includereferences: true
  endpoints:
    - name: ecr-standin
      url: http://$HOST:$ECR_PORT/_registry/events
      timeout: 2s
      threshold: 3
      backoff: 250ms
      # Blob events are noise: the stand-in only records manifest pushes.
      ignoredmediatypes:
        - application/octet-stream
      ignore:
        actions:
          - pull
EOF
if pid=$(pid_of registry) && registry_up; then
  log "registry: already up (pid $pid)"
else
  [ -n "${pid:-}" ] && stop_started registry
  registry_up && die "something this script did not start already answers on $REGISTRY"
  spawn registry "$REGISTRY_CONFIG" docker-registry serve "$REGISTRY_CONFIG"
  wait_for registry 20 registry_up
  log "registry: started on $REGISTRY (pid $(pid_of registry))"
fi
unset pid

# --- the registry with the OCI 1.1 referrers API (distribution 2.8 has none) --------------------
# registry-front.ts --storage: GET /v2/<name>/referrers/<digest> answered from the registry's
# storage and OCI-Subject on manifest pushes, as ECR does; everything else goes to the registry,
# which stays the one without the API. Restarted, like the stand-ins, when its sources change.
REFERRERS_REGISTRY=$HOST:$REFERRERS_PORT
FRONT_SCRIPT=$STANDIN_SOURCES/registry-front.ts
referrers_up() { [ "$(http_code "http://$REFERRERS_REGISTRY/_front/health")" = 200 ]; }
front_changed() {
  [ -n "$(find "$FRONT_SCRIPT" "$STANDIN_SOURCES/front" "$STANDIN_SOURCES/common" -name '*.ts' \
    -newer "$PID_DIR/referrers-front.pid" -print -quit 2> /dev/null)" ]
}
if pid=$(pid_of referrers-front) && referrers_up && ! front_changed; then
  log "referrers-front: already up (pid $pid)"
else
  [ -n "${pid:-}" ] && stop_started referrers-front
  referrers_up && die "something this script did not start already answers on $REFERRERS_REGISTRY"
  spawn referrers-front "$FRONT_SCRIPT --upstream http://$REGISTRY --port $REFERRERS_PORT" \
    "$NODE_BIN" --disable-warning=ExperimentalWarning "$FRONT_SCRIPT" \
    --upstream "http://$REGISTRY" --port "$REFERRERS_PORT" --storage "$STACK_DIR/registry"
  wait_for referrers-front 20 referrers_up
  log "referrers-front: started on $REFERRERS_REGISTRY (pid $(pid_of referrers-front))"
fi
unset pid

# --- Docker Hub's stand-in: anonymous pulls, as docker.io serves public images (full profile) ----
# BuildKit resolves docker.io/docker/buildkit-syft-scanner (its default SBOM generator) through
# this mirror (buildkitd.toml) without credentials, as it pulls from Docker Hub on a runner.
# Only the SBOM generator is there, so the demo profile does not start it; buildkitd's config
# names it either way, so switching profiles never restarts buildkitd.
HUB_MIRROR=$HOST:$HUB_MIRROR_PORT
hub_mirror_up() { [ "$(http_code "http://$HUB_MIRROR/v2/")" = 200 ]; }
HUB_MIRROR_CONFIG=$STACK_DIR/hub-mirror-config.yml
cat > "$HUB_MIRROR_CONFIG" << EOF
# Written by scripts/stack/start.sh.
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $STACK_DIR/hub-mirror
  maintenance:
    uploadpurging:
      enabled: false
http:
  addr: $HUB_MIRROR
  secret: $(cat "$STACK_DIR/registry-http-secret")
EOF
if pid=$(pid_of hub-mirror) && hub_mirror_up; then
  log "hub-mirror: already up (pid $pid)"
elif [ "$PROFILE" = full ]; then
  [ -n "${pid:-}" ] && stop_started hub-mirror
  hub_mirror_up && die "something this script did not start already answers on $HUB_MIRROR"
  spawn hub-mirror "$HUB_MIRROR_CONFIG" docker-registry serve "$HUB_MIRROR_CONFIG"
  wait_for hub-mirror 20 hub_mirror_up
  log "hub-mirror: started on $HUB_MIRROR (pid $(pid_of hub-mirror))"
fi
unset pid

# --- dockerd (full profile: the demo builds with the remote builder, no engine) ----------------
dockerd_up() { timeout 10 docker -H "unix://$DOCKER_SOCK" info > /dev/null 2>&1; }
if pid=$(pid_of dockerd); then
  wait_for dockerd 60 dockerd_up
  log "dockerd: already up (pid $pid, $(cat "$STACK_DIR/docker-storage-driver" 2>/dev/null))"
elif [ "$PROFILE" != full ]; then
  :
elif dockerd_up; then
  log "WARNING: a Docker engine this script did not start answers on $DOCKER_SOCK; using it as it is"
else
  # overlay2 where the kernel and filesystem allow it; vfs (slow, but works anywhere) otherwise.
  drivers=$(cat "$STACK_DIR/docker-storage-driver" 2> /dev/null || echo "overlay2 vfs")
  # --insecure-registry for the registry only: the engine treats 127.0.0.0/8 as insecure anyway
  # (`docker info`), which covers $REFERRERS_REGISTRY and the tests' own registries.
  for driver in $drivers; do
    spawn dockerd "--data-root=$STACK_DIR/docker" env PATH="/usr/sbin:/usr/bin:/sbin:/bin:$PATH" \
      dockerd --bridge=none --iptables=false --ip-forward=false --ip-masq=false \
      --host="unix://$DOCKER_SOCK" --data-root="$STACK_DIR/docker" \
      --pidfile="$STACK_DIR/dockerd.pid" --storage-driver="$driver" \
      --insecure-registry="$REGISTRY"
    if wait_for dockerd 60 dockerd_up soft; then
      echo "$driver" > "$STACK_DIR/docker-storage-driver"
      break
    fi
    log "dockerd did not come up with storage driver $driver"
    stop_started dockerd
  done
  pid_of dockerd > /dev/null || die "dockerd failed to start with any of: $drivers" "$LOG_DIR/dockerd.log"
  log "dockerd: started (pid $(pid_of dockerd), storage driver $(cat "$STACK_DIR/docker-storage-driver"))"
fi
unset pid

# --- buildkitd (standalone, reached by the buildx "remote" driver) ------------------------------
BUILDKIT_CONFIG=$STACK_DIR/buildkitd.toml
# Written next to the running one first: a buildkitd started with another config is restarted.
cat > "$BUILDKIT_CONFIG.new" << EOF
# Written by scripts/stack/start.sh.
root = "$STACK_DIR/buildkit"
[grpc]
  address = ["tcp://$HOST:$BUILDKIT_PORT"]
[worker.oci]
  enabled = true
  snapshotter = "auto"
  gc = true
  gckeepstorage = "10GB"
[worker.containerd]
  enabled = false
# The local registry speaks plain HTTP.
[registry."$REGISTRY"]
  http = true
  insecure = true
[registry."$REFERRERS_REGISTRY"]
  http = true
  insecure = true
# No public registry is reachable: docker.io references (BuildKit's default SBOM generator,
# docker/buildkit-syft-scanner) resolve from Docker Hub's stand-in, where this script pushes one.
[registry."docker.io"]
  mirrors = ["$HUB_MIRROR"]
[registry."$HUB_MIRROR"]
  http = true
  insecure = true
EOF
buildkit_up() { (exec 3<> "/dev/tcp/$HOST/$BUILDKIT_PORT") 2> /dev/null; }
if ! cmp -s "$BUILDKIT_CONFIG.new" "$BUILDKIT_CONFIG" && pid_of buildkitd > /dev/null; then
  log "buildkitd: its configuration changed; restarting it"
  stop_started buildkitd
fi
mv "$BUILDKIT_CONFIG.new" "$BUILDKIT_CONFIG"
if pid=$(pid_of buildkitd) && buildkit_up; then
  log "buildkitd: already up (pid $pid)"
else
  [ -n "${pid:-}" ] && stop_started buildkitd
  buildkit_up && die "something this script did not start already listens on $HOST:$BUILDKIT_PORT"
  spawn buildkitd "$BUILDKIT_CONFIG" env PATH="/usr/sbin:/usr/bin:/sbin:/bin:$PATH" \
    "$BUILDKITD_BIN" --config "$BUILDKIT_CONFIG" --addr "tcp://$HOST:$BUILDKIT_PORT" \
    --oci-worker=true --containerd-worker=false --oci-worker-net=host
  wait_for buildkitd 30 buildkit_up
  log "buildkitd: started on $HOST:$BUILDKIT_PORT (pid $(pid_of buildkitd))"
fi
unset pid

# --- buildx builders ---------------------------------------------------------------------------
STACK_DOCKER_CONFIG=$STACK_DIR/docker-config
bx() { DOCKER_CONFIG=$STACK_DOCKER_CONFIG docker buildx "$@"; }
[ -s "$STACK_DOCKER_CONFIG/config.json" ] || echo '{}' > "$STACK_DOCKER_CONFIG/config.json"
if ! bx inspect stack-remote > /dev/null 2>&1; then
  bx create --name stack-remote --driver remote "tcp://$HOST:$BUILDKIT_PORT" > /dev/null
  log "buildx: created builder stack-remote (remote driver, tcp://$HOST:$BUILDKIT_PORT)"
fi
# The builders this profile uses: the engine's (`default`) only with the full profile.
BUILDERS=(stack-remote)
[ "$PROFILE" = full ] && BUILDERS+=(default)
for builder in "${BUILDERS[@]}"; do
  out=$(DOCKER_CONFIG=$STACK_DOCKER_CONFIG timeout 60 docker buildx inspect --bootstrap "$builder" 2>&1 || true)
  if ! grep -q 'Status: *running' <<< "$out"; then
    echo "$out" > "$LOG_DIR/buildx-inspect.log"
    die "buildx builder $builder is not running" "$LOG_DIR/buildx-inspect.log"
  fi
done

# --- images and checks need registry credentials: a throwaway copy of the docker config --------
WORK=$(mktemp -d "$STACK_DIR/tmp.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
login_copy() {
  mkdir -p "$WORK/config"
  cp -a "$STACK_DOCKER_CONFIG/." "$WORK/config/"
  docker --config "$WORK/config" login "$REGISTRY" -u AWS --password-stdin < "$PASSWORD_FILE" > /dev/null 2>&1 \
    || die "docker login $REGISTRY failed" "$LOG_DIR/registry.log"
}
manifest_code() {
  http_code -u "AWS:$REGISTRY_PASSWORD" \
    -H 'Accept: application/vnd.oci.image.index.v1+json, application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.list.v2+json, application/vnd.docker.distribution.manifest.v2+json' \
    "http://$REGISTRY/v2/$1/manifests/$2"
}
# build_progress LOG: the build step buildx is at (its last "#N [stage k/n] …" line).
build_progress() { grep -E '^#[0-9]+ \[' "$1" | tail -n 1 | cut -c1-80; }
# build BUILDER LOGNAME ARGS...: docker buildx build with the logged-in copy of the config; a
# progress line every 30 s if it takes that long.
build() {
  local builder=$1 logname=$2
  shift 2
  with_progress "$logname" "$LOG_DIR/$logname.log" build_progress \
    env DOCKER_CONFIG="$WORK/config" docker buildx build --builder "$builder" --progress plain "$@" \
    || die "docker buildx build --builder $builder $* failed" "$LOG_DIR/$logname.log"
}

# --- busybox base image for Dockerfiles with RUN steps ------------------------------------------
BASE_IMAGE=$REGISTRY/base/busybox:latest
if [ "$(manifest_code base/busybox latest)" = 200 ]; then
  log "base image: $BASE_IMAGE already in the registry"
else
  login_copy
  ctx=$WORK/busybox
  mkdir -p "$ctx/rootfs/bin" "$ctx/rootfs/tmp"
  cp /bin/busybox "$ctx/rootfs/bin/busybox"
  for applet in $(/bin/busybox --list); do
    [ "$applet" = busybox ] || ln -s busybox "$ctx/rootfs/bin/$applet"
  done
  cat > "$ctx/Dockerfile" << 'EOF'
FROM scratch
COPY rootfs/ /
ENV PATH=/bin
CMD ["/bin/sh"]
EOF
  : > "$LOG_DIR/base-image.log"
  build stack-remote base-image --platform "linux/$(dpkg --print-architecture)" --provenance=false \
    -t "$BASE_IMAGE" --push "$ctx"
  log "base image: pushed $BASE_IMAGE"
fi

# --- Python base image (Debian bookworm + python3) for examples/retail-api ---------------------
# No public registry is reachable, so the stack makes the base a Python service would start from
# (upstream: python:3.11-slim-bookworm) out of Debian's packages with mmdebstrap (~30 s), once.
# RUN steps on the remote builder reach the package registries over TLS through a CA that
# Debian's bundle lacks: the host's bundle is copied in (a real base has its own CAs).
PYTHON_BASE_IMAGE=$REGISTRY/base/python:3.11-bookworm
DEBIAN_MIRROR=${STACK_DEBIAN_MIRROR:-http://deb.debian.org/debian}
HOST_CA_BUNDLE=${STACK_CA_BUNDLE:-/etc/ssl/certs/ca-certificates.crt}
if [ "$(manifest_code base/python 3.11-bookworm)" = 200 ]; then
  log "python base image: $PYTHON_BASE_IMAGE already in the registry"
else
  [ -d "$WORK/config" ] || login_copy
  [ -s "$HOST_CA_BUNDLE" ] || die "no CA bundle at $HOST_CA_BUNDLE (set STACK_CA_BUNDLE)"
  ctx=$WORK/python-base
  mkdir -p "$ctx"
  : > "$LOG_DIR/python-base-image.log"
  log "python base image: mmdebstrap bookworm (python3, python3-venv, ca-certificates), about 30 s (log: $LOG_DIR/python-base-image.log)"
  # Docs, man pages and translations left out, as the slim upstream images do. The sources are
  # given on the command line: without them mmdebstrap would read its stdin (with_progress
  # gives it /dev/null). A slow mirror can make it minutes: the progress line names its stage.
  mmdebstrap_progress() { grep -E '^I: ' "$1" | tail -n 1 | cut -c4-80; }
  with_progress mmdebstrap "$LOG_DIR/python-base-image.log" mmdebstrap_progress \
    mmdebstrap --variant=minbase --include=python3,python3-venv,ca-certificates \
    --dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/doc/*' \
    --dpkgopt='path-include=/usr/share/doc/*/copyright' --dpkgopt='path-exclude=/usr/share/locale/*' \
    bookworm "$ctx/rootfs.tar" \
    "deb $DEBIAN_MIRROR bookworm main" "deb $DEBIAN_MIRROR bookworm-updates main" \
    "deb ${DEBIAN_MIRROR%/debian}/debian-security bookworm-security main" \
    || die "mmdebstrap of the python base image failed" "$LOG_DIR/python-base-image.log"
  cp "$HOST_CA_BUNDLE" "$ctx/ca-certificates.crt"
  cat > "$ctx/Dockerfile" << 'EOF'
FROM scratch
ADD rootfs.tar /
COPY ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8
CMD ["python3"]
EOF
  build stack-remote python-base-image --platform "linux/$(dpkg --print-architecture)" --provenance=false \
    --label "org.opencontainers.image.description=Debian bookworm minbase + python3 (mmdebstrap, local stack)" \
    -t "$PYTHON_BASE_IMAGE" --push "$ctx"
  rm -rf "$ctx"
  log "python base image: pushed $PYTHON_BASE_IMAGE"
fi

# --- SBOM generator image (install.sh built it), as BuildKit's default generator's name ---------
# BuildKit pulls docker/buildkit-syft-scanner:stable-1 through its docker.io mirror (buildkitd.toml),
# anonymously; the stack's registry has a copy too, for sbom-generator with credentials. Full
# profile: only the tests and the benchmark build with sbom: true.
SBOM_GENERATOR=$REGISTRY/docker/buildkit-syft-scanner:stable-1
HUB_GENERATOR=$HUB_MIRROR/docker/buildkit-syft-scanner:stable-1
SBOM_GENERATOR_BIN=$STACK_BIN_DIR/sbom-generator
if [ "$PROFILE" = full ]; then
  [ -x "$SBOM_GENERATOR_BIN" ] || die "the SBOM generator is not at $SBOM_GENERATOR_BIN (install.sh builds it)"
  generator_stamp=$(cat "$SBOM_GENERATOR_BIN.version")
  if [ "$(manifest_code docker/buildkit-syft-scanner stable-1)" = 200 ] \
    && [ "$(http_code -H 'Accept: application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json' \
      "http://$HUB_MIRROR/v2/docker/buildkit-syft-scanner/manifests/stable-1")" = 200 ] \
    && [ "$(cat "$STACK_DIR/sbom-generator.pushed" 2> /dev/null)" = "$generator_stamp" ]; then
    log "sbom generator: $SBOM_GENERATOR already in the registry"
  else
    [ -d "$WORK/config" ] || login_copy
    ctx=$WORK/sbom-generator
    mkdir -p "$ctx/tmp"
    cp "$SBOM_GENERATOR_BIN" "$ctx/sbom-generator"
    cat > "$ctx/Dockerfile" << 'EOF'
FROM scratch
COPY tmp /tmp
COPY sbom-generator /bin/syft-scanner
ENV TMPDIR=/tmp
ENTRYPOINT ["/bin/syft-scanner"]
EOF
    : > "$LOG_DIR/sbom-generator-image.log"
    build stack-remote sbom-generator-image --platform "linux/$(dpkg --print-architecture)" --provenance=false \
      --label "org.opencontainers.image.version=$generator_stamp" -t "$SBOM_GENERATOR" -t "$HUB_GENERATOR" --push "$ctx"
    rm -rf "$ctx"
    echo "$generator_stamp" > "$STACK_DIR/sbom-generator.pushed"
    log "sbom generator: pushed $SBOM_GENERATOR and $HUB_GENERATOR"
  fi
fi

# --- self-test: the profile's builders build and push; the remote one also multi-platform -------
run_checks() {
  local ctx=$WORK/check builder tag
  [ -d "$WORK/config" ] || login_copy
  : > "$LOG_DIR/check.log"
  mkdir -p "$ctx"
  echo "stack check $(date -Is)" > "$ctx/hello.txt"
  cat > "$ctx/Dockerfile.scratch" << 'EOF'
FROM scratch
COPY hello.txt /hello.txt
LABEL ecr-standin.findings="CVE-0000-0001|LOW|stack-check|1.0|1.1"
EOF
  cat > "$ctx/Dockerfile.run" << EOF
FROM $BASE_IMAGE
RUN echo built-with-run > /built.txt && cat /built.txt
EOF
  for builder in "${BUILDERS[@]}"; do
    tag=$REGISTRY/stack-check/$builder
    build "$builder" check -f "$ctx/Dockerfile.scratch" -t "$tag:scratch" --push "$ctx"
    [ "$(manifest_code "stack-check/$builder" scratch)" = 200 ] || die "$tag:scratch is not in the registry" "$LOG_DIR/check.log"
    # The engine has no bridge network, so its builder runs RUN steps only with --network
    # none or host ("network bridge not found" otherwise); the remote builder uses host.
    build "$builder" check -f "$ctx/Dockerfile.run" --network none -t "$tag:run" --push "$ctx"
    [ "$(manifest_code "stack-check/$builder" run)" = 200 ] || die "$tag:run is not in the registry" "$LOG_DIR/check.log"
  done
  build stack-remote check -f "$ctx/Dockerfile.scratch" --platform linux/amd64,linux/arm64 \
    -t "$REGISTRY/stack-check/multi:scratch" --push "$ctx"
  local platforms
  platforms=$(curl -s -u "AWS:$REGISTRY_PASSWORD" -H 'Accept: application/vnd.oci.image.index.v1+json' \
    "http://$REGISTRY/v2/stack-check/multi/manifests/scratch" \
    | jq -r '[.manifests[].platform | select(.architecture != "unknown") | .os + "/" + .architecture] | sort | join(",")')
  [ "$platforms" = "linux/amd64,linux/arm64" ] || die "multi-platform index lists '$platforms'" "$LOG_DIR/check.log"
  echo "$(date -Is) ${BUILDERS[*]}" > "$STACK_DIR/checked"
  log "check: scratch and RUN builds pushed with ${BUILDERS[*]}; linux/amd64+arm64 with stack-remote"
}
# unchecked: a builder of this profile that the last self-test did not check ($STACK_DIR/checked:
# the date, then the builders; a date alone is from before the profiles, when it checked both).
unchecked() {
  local marker b
  marker=$(cat "$STACK_DIR/checked" 2> /dev/null) || return 0
  [[ $marker == *' '* ]] || marker="$marker stack-remote default"
  for b in "${BUILDERS[@]}"; do [[ " $marker " == *" $b "* ]] || return 0; done
  return 1
}
if [ ${#STARTED[@]} -gt 0 ] || [ "$FORCE_CHECK" = 1 ] || unchecked; then
  run_checks
fi

# --- the environment the tests and the demo source ---------------------------------------------
# STACK_PROFILE: what is up, whatever this start's profile (a demo start stops nothing).
full_up() {
  hub_mirror_up && dockerd_up && hosts_named && command -v skopeo tinyproxy > /dev/null \
    && [ -x "$STACK_BIN_DIR/oras" ] && [ -x "$STACK_BIN_DIR/cosign" ] \
    && [ -s "$STACK_DIR/sbom-generator.pushed" ] \
    && [ "$(cat "$STACK_DIR/sbom-generator.pushed")" = "$(cat "$STACK_BIN_DIR/sbom-generator.version" 2> /dev/null)" ]
}
UP_PROFILE=demo
{ [ "$PROFILE" = full ] || full_up; } && UP_PROFILE=full
# Written next to it, then renamed: a test that reads it meanwhile sees the old file or the new.
cat > "$STACK_DIR/env.new" << EOF
# Written by scripts/stack/start.sh; source it.
# full: everything the tests and the benchmark use is up; demo: what the demo uses (not the
# Docker engine, Docker Hub's stand-in with the SBOM generator, oras, cosign, skopeo, tinyproxy,
# the /etc/hosts names): bash scripts/stack/start.sh adds the rest.
export STACK_PROFILE=$UP_PROFILE
export STACK_DIR=$STACK_DIR
export REGISTRY=$REGISTRY
export REFERRERS_REGISTRY=$REFERRERS_REGISTRY
export AWS_ENDPOINT_URL_ECR=http://$HOST:$ECR_PORT
# AWS KMS (the signing key: GetPublicKey, Sign) is served by the ECR stand-in on the same port.
export AWS_ENDPOINT_URL_KMS=http://$HOST:$ECR_PORT
# Amazon Inspector (ListFindings) is served by the ECR stand-in on the same port.
export AWS_ENDPOINT_URL_INSPECTOR2=http://$HOST:$ECR_PORT
export GITHUB_API_URL=http://$HOST:$GITHUB_PORT
export AWS_REGION=us-east-1
export AWS_ACCESS_KEY_ID=$ECR_ACCESS_KEY
export AWS_SECRET_ACCESS_KEY=$ECR_SECRET_KEY
export ECR_STANDIN_ADMIN=http://$HOST:$ECR_PORT/_admin
export GITHUB_STANDIN_ADMIN=http://$HOST:$GITHUB_PORT/_admin
export STACK_DOCKER_CONFIG=$STACK_DOCKER_CONFIG
export REMOTE_BUILDER=stack-remote
export BUILDKIT_ADDR=tcp://$HOST:$BUILDKIT_PORT
export BASE_IMAGE=$BASE_IMAGE
export PYTHON_BASE_IMAGE=$PYTHON_BASE_IMAGE
export SBOM_GENERATOR=$SBOM_GENERATOR
export HUB_MIRROR=$HUB_MIRROR
export ORAS=$STACK_BIN_DIR/oras
export COSIGN=$STACK_BIN_DIR/cosign
EOF
mv "$STACK_DIR/env.new" "$STACK_DIR/env"

if [ ${#STARTED[@]} -gt 0 ]; then started="started: ${STARTED[*]}"; else started="nothing to start"; fi
if [ "$UP_PROFILE" = full ]; then
  log "up (profile full; $started): registry $REGISTRY (referrers API :$REFERRERS_PORT), ECR :$ECR_PORT, GitHub :$GITHUB_PORT, buildkitd :$BUILDKIT_PORT, Docker Hub's stand-in :$HUB_MIRROR_PORT, dockerd $DOCKER_SOCK; source $STACK_DIR/env"
else
  log "up (profile demo; $started): registry $REGISTRY (referrers API :$REFERRERS_PORT), ECR :$ECR_PORT, GitHub :$GITHUB_PORT, buildkitd :$BUILDKIT_PORT; source $STACK_DIR/env"
  log "the Docker engine and the SBOM generator are not up: npm test, npm run bench or start.sh (profile full) start them"
fi
