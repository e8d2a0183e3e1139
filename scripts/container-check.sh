#!/usr/bin/env bash
# Prove the unchanged Dockerfile builds, starts as a non-root user, migrates and answers /health,
# on a machine with no container registry and no Docker daemon (see shared CONTAINERS.md):
# podman builds against locally made stand-ins tagged with the official .NET image names.
# Real users pull the real Microsoft images; nothing here is needed for `docker build`.
#
#   scripts/container-check.sh          (as root; ~1 min the first time, seconds afterwards)
# Env: CHECK_DIR (work folder, default /tmp/lms-container-check), KEEP=1 (leave the container running).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$(pwd -P)
CHECK_DIR=${CHECK_DIR:-/tmp/lms-container-check}
mkdir -p "$CHECK_DIR"
[ "$(id -u)" = 0 ] || { echo "container-check: run as root" >&2; exit 1; }

step() { printf '\n--- %s\n' "$*"; }

# 1. tools
if ! command -v podman >/dev/null || ! command -v buildah >/dev/null || ! command -v debootstrap >/dev/null \
   || ! command -v runc >/dev/null; then
  step "installing podman buildah runc debootstrap"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq podman buildah runc debootstrap >/dev/null
fi

# 2. settings this machine needs: runc (crun fails on this cgroup layout), ulimits it allows
cat > "$CHECK_DIR/containers.conf" <<'CONF'
[containers]
default_ulimits = ["nofile=20000:20000", "nproc=32768:32768"]
[engine]
runtime = "runc"
CONF
export CONTAINERS_CONF=$CHECK_DIR/containers.conf BUILDAH_RUNTIME=runc BUILDAH_ISOLATION=chroot

# 3. a Debian base image
if ! podman image exists localhost/debian:bookworm; then
  step "debootstrap bookworm"
  mirror=$(grep -h '^URIs:' /etc/apt/sources.list.d/* 2>/dev/null | awk '{print $2}' | grep '/debian$' | head -n1)
  mirror=${mirror:-http://deb.debian.org/debian}
  rm -rf "$CHECK_DIR/rootfs"
  debootstrap --variant=minbase bookworm "$CHECK_DIR/rootfs" "$mirror" >"$CHECK_DIR/debootstrap.log" 2>&1 \
    || { tail -20 "$CHECK_DIR/debootstrap.log"; exit 1; }
  tar -C "$CHECK_DIR/rootfs" -c . | podman import - localhost/debian:bookworm >/dev/null
  rm -rf "$CHECK_DIR/rootfs"
fi

# 4. stand-ins of the .NET images, made from this machine's /usr/share/dotnet
DOTNET_ROOT_HOST=$(dirname "$(readlink -f "$(command -v dotnet)")")
if ! podman image exists mcr.microsoft.com/dotnet/runtime-deps:10.0; then
  step "stand-in runtime-deps:10.0"
  c=$(buildah from --pull=never localhost/debian:bookworm)
  buildah run "$c" -- sh -c 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
      ca-certificates libicu72 libssl3 libstdc++6 tzdata zlib1g >/dev/null && rm -rf /var/lib/apt/lists/*'
  for crt in /usr/local/share/ca-certificates/*.crt; do
    [ -e "$crt" ] && buildah copy "$c" "$crt" /usr/local/share/ca-certificates/ >/dev/null
  done
  buildah run "$c" -- sh -c 'update-ca-certificates >/dev/null && groupadd -g 1654 app && useradd -u 1654 -g app -m app'
  buildah config --env APP_UID=1654 --env ASPNETCORE_HTTP_PORTS=8080 "$c"
  buildah commit -q "$c" mcr.microsoft.com/dotnet/runtime-deps:10.0 >/dev/null
  buildah rm "$c" >/dev/null
fi
if ! podman image exists mcr.microsoft.com/dotnet/aspnet:10.0; then
  step "stand-in aspnet:10.0"
  c=$(buildah from --pull=never mcr.microsoft.com/dotnet/runtime-deps:10.0)
  buildah copy "$c" "$DOTNET_ROOT_HOST/dotnet" /usr/share/dotnet/dotnet >/dev/null
  buildah copy "$c" "$DOTNET_ROOT_HOST/host" /usr/share/dotnet/host >/dev/null
  buildah copy "$c" "$DOTNET_ROOT_HOST/shared" /usr/share/dotnet/shared >/dev/null
  buildah run "$c" -- ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet
  buildah config --env DOTNET_RUNNING_IN_CONTAINER=true "$c"
  buildah commit -q "$c" mcr.microsoft.com/dotnet/aspnet:10.0 >/dev/null
  buildah rm "$c" >/dev/null
fi
if ! podman image exists mcr.microsoft.com/dotnet/sdk:10.0; then
  step "stand-in sdk:10.0"
  c=$(buildah from --pull=never mcr.microsoft.com/dotnet/aspnet:10.0)
  buildah copy "$c" "$DOTNET_ROOT_HOST" /usr/share/dotnet >/dev/null
  # the package mirror here is reached through an intercepting proxy: no online revocation checks
  buildah config --env NUGET_CERT_REVOCATION_MODE=offline --env DOTNET_NOLOGO=1 \
    --env DOTNET_CLI_TELEMETRY_OPTOUT=1 "$c"
  buildah commit -q "$c" mcr.microsoft.com/dotnet/sdk:10.0 >/dev/null
  buildah rm "$c" >/dev/null
fi

# 5. build the project's Dockerfile, unchanged
step "podman build -t lms:check ."
podman build --pull=never -t lms:check . 2>&1 | tail -n 25
[ "${PIPESTATUS[0]}" = 0 ] || { echo "container-check: BUILD FAILED"; exit 1; }

# 6. run it against a private PostgreSQL on the host's loopback (host network keeps it on 127.0.0.1)
step "run"
PG_DIR=$CHECK_DIR/pg
APP_PORT=$(scripts/pg.sh freeport)
PG_PORT=$(scripts/pg.sh freeport)
PG_FAST=1 scripts/pg.sh start "$PG_DIR" "$PG_PORT"
# The image runs in Production, which refuses the published development password "lms": give the role a real one.
DB_PASSWORD=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -qc "ALTER ROLE lms PASSWORD '$DB_PASSWORD'" >/dev/null
name=lms-check-$$
cleanup() {
  if [ "${KEEP:-0}" != 1 ]; then
    podman rm -f "$name" >/dev/null 2>&1 || true
    scripts/pg.sh stop "$PG_DIR" >/dev/null 2>&1 || true
  fi
}
trap cleanup EXIT
podman run -d --name "$name" --network host \
  -e ASPNETCORE_HTTP_PORTS="$APP_PORT" \
  -e ConnectionStrings__Lms="Host=127.0.0.1;Port=$PG_PORT;Database=lms;Username=lms;Password=$DB_PASSWORD;GSS Encryption Mode=Disable" \
  lms:check >/dev/null
user=$(podman exec "$name" id -un 2>/dev/null || podman inspect -f '{{.Config.User}}' "$name")
echo "container user: $user"
code=000
for _ in $(seq 1 90); do
  code=$(curl -s -o "$CHECK_DIR/health.txt" -w '%{http_code}' "http://127.0.0.1:$APP_PORT/health" || true)
  [ "$code" = 200 ] && break
  [ "$code" = 404 ] && break   # up, but no /health endpoint
  podman container exists "$name" && [ "$(podman inspect -f '{{.State.Running}}' "$name")" = true ] || break
  sleep 1
done
echo "GET /health -> $code $(head -c 200 "$CHECK_DIR/health.txt" 2>/dev/null)"
podman logs "$name" 2>&1 | tail -n 15
if [ "$code" != 200 ]; then echo "container-check: FAILED (no 200 from /health)"; exit 1; fi
if [ "$user" = root ] || [ "$user" = 0 ]; then echo "container-check: FAILED (runs as root)"; exit 1; fi
echo "container-check: OK (image lms:check builds, runs as $user, answers /health)"
