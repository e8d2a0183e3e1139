#!/usr/bin/env bash
# Build the solution and run every test project under tests/, against a private PostgreSQL.
#
# Installs what the tests need when it is missing (Debian's chromium for the Playwright tests, nodejs and npm
# for the web app's build (it installs the SignalR browser client from npm), Debian's redis-server, Azurite
# from npm into .tools/azurite), starts a throw-away PostgreSQL cluster, Azurite (the Azure Blob Storage
# emulator) and Redis in /tmp on free ports, builds Lms.sln in Release, runs
# each test project (a failing project does not stop the others) and ends with one line:
#   N passed, N failed[, N skipped]
# Exit status: non-zero if any test failed, a project crashed or produced no results, the build
# failed, or no test passed at all.
#
# Exported for the tests:
#   LMS_TEST_PG     Npgsql connection string of the private cluster (role lms may create databases)
#   LMS_TEST_AZURITE  Azure Storage connection string of the private Azurite (blob service only)
#   LMS_TEST_REDIS  host:port of the private Redis (the two-instance SignalR backplane tests)
#   LMS_CHROMIUM    path of the chromium binary for Playwright
#   LMS_REPO_ROOT   this folder (the E2E tests start the web app from here)
# Knobs: TEST_VERBOSITY (console logger verbosity, default minimal), LMS_TEST_HANG_TIMEOUT (a single
# test running longer than this is aborted, default 10m), TEST_FILTER (passed to dotnet test --filter).
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
ROOT=$(pwd -P)
export LMS_REPO_ROOT=$ROOT
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# On CI nothing may outlive the run: no MSBuild nodes kept for reuse (the compiler server is shut down
# in cleanup below).
if [ -n "${CI:-}" ]; then export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0; fi

say() { printf '\n=== %s\n' "$*"; }
# The closing line, also when we stop early, so that every run ends the same way.
finish() { # passed failed skipped exit-code
  local line="$1 passed, $2 failed"
  [ "$3" -gt 0 ] && line+=", $3 skipped"
  echo
  echo "$line"
  exit "$4"
}

if ! command -v dotnet >/dev/null 2>&1; then
  echo "test.sh: 'dotnet' was not found on PATH. Install the .NET 10 SDK and try again." >&2
  finish 0 0 0 1
fi

# --- (a) what the tests need from Debian -----------------------------------------------------------
apt_install() {
  if [ "$(id -u)" != 0 ]; then
    echo "test.sh: not root; please install these Debian packages: $*" >&2
    return 1
  fi
  say "installing $*"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"; } >/dev/null
}
if [ ! -x /usr/bin/chromium ]; then
  apt_install chromium || echo "test.sh: WARNING: chromium is missing; the browser tests will fail" >&2
fi
export LMS_CHROMIUM=/usr/bin/chromium
# The web app's build installs the SignalR browser client from npm (src/Lms.Web/package.json).
if ! command -v npm >/dev/null 2>&1; then
  apt_install nodejs npm || echo "test.sh: WARNING: npm is missing; building the web app will fail" >&2
fi

# --- (b) a private PostgreSQL for this run ---------------------------------------------------------
TMP=$(mktemp -d /tmp/lms-test.XXXXXX)
chmod 755 "$TMP"   # the cluster runs as user postgres, which must reach $TMP/pg
AZURITE_PID=""
REDIS_PIDFILE=""
cleanup() {
  trap - EXIT INT TERM HUP
  scripts/pg.sh stop "$TMP/pg" >/dev/null 2>&1 || true
  stop_redis
  if [ -n "$AZURITE_PID" ]; then
    kill "$AZURITE_PID" 2>/dev/null || true
    wait "$AZURITE_PID" 2>/dev/null || true
  fi
  rm -rf "$TMP"
  # On CI, stop the compiler server the build started.
  if [ -n "${CI:-}" ]; then dotnet build-server shutdown >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

say "starting PostgreSQL"
PG_PORT=$(scripts/pg.sh freeport) || finish 0 0 0 1
if ! PG_FAST=1 scripts/pg.sh start "$TMP/pg" "$PG_PORT"; then
  echo "test.sh: could not start PostgreSQL (see above)" >&2
  finish 0 0 0 1
fi
export LMS_TEST_PG="Host=127.0.0.1;Port=$PG_PORT;Username=lms;Password=lms;Database=lms"

# --- (b2) a private Azurite for the Azure Blob Storage file-store tests ---------------------------------
# Installed from npm once into .tools/ (git-ignored) and reused while the version matches. Without it the
# Azure tests fail with a message saying so: they never skip.
AZURITE_VERSION=3.35.0
AZURITE_DIR=$ROOT/.tools/azurite
AZURITE_MAIN=$AZURITE_DIR/node_modules/azurite/dist/src/blob/main.js   # the azurite-blob command
azurite_installed() {
  grep -q "\"version\": \"$AZURITE_VERSION\"" "$AZURITE_DIR/node_modules/azurite/package.json" 2>/dev/null
}
start_azurite() {
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    apt_install nodejs npm || return 1
  fi
  if ! azurite_installed; then
    say "installing azurite@$AZURITE_VERSION into .tools/azurite"
    npm install --prefix "$AZURITE_DIR" --no-audit --no-fund --loglevel=error "azurite@$AZURITE_VERSION" >/dev/null \
      && azurite_installed || return 1
  fi
  say "starting Azurite"
  local port i
  port=$(scripts/pg.sh freeport) || return 1
  mkdir -p "$TMP/azurite"
  node "$AZURITE_MAIN" --skipApiVersionCheck --disableTelemetry --silent --location "$TMP/azurite" \
    --blobHost 127.0.0.1 --blobPort "$port" >"$TMP/azurite.log" 2>&1 &
  AZURITE_PID=$!
  for i in $(seq 1 150); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      export LMS_TEST_AZURITE="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:$port/devstoreaccount1;"
      echo "Azurite blob service on 127.0.0.1:$port"
      return 0
    fi
    kill -0 "$AZURITE_PID" 2>/dev/null || break
    sleep 0.2
  done
  cat "$TMP/azurite.log" >&2
  return 1
}
if ! start_azurite; then
  echo "test.sh: WARNING: could not start Azurite; the Azure Blob Storage tests will fail" >&2
  unset LMS_TEST_AZURITE
fi

# --- (b3) a private Redis for the scale-out tests ------------------------------------------------------
# Two app instances in one test share SignalR (notifications, PLC rooms) through it. Debian's redis-server, run
# here as a throw-away daemon on a free loopback port: nothing saved to disk, stopped in cleanup. Without it the
# scale-out tests fail with a message saying so: they never skip.
start_redis() {
  if ! command -v redis-server >/dev/null 2>&1; then
    apt_install redis-server || return 1
  fi
  say "starting Redis"
  local port i
  port=$(scripts/pg.sh freeport) || return 1
  mkdir -p "$TMP/redis"
  redis-server --port "$port" --bind 127.0.0.1 --save "" --appendonly no --daemonize yes \
    --pidfile "$TMP/redis/redis.pid" --dir "$TMP/redis" --logfile "$TMP/redis/redis.log" || return 1
  REDIS_PIDFILE=$TMP/redis/redis.pid
  for i in $(seq 1 100); do
    if [ "$(redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null)" = PONG ]; then
      export LMS_TEST_REDIS="127.0.0.1:$port"
      echo "Redis on $LMS_TEST_REDIS"
      return 0
    fi
    sleep 0.1
  done
  cat "$TMP/redis/redis.log" >&2
  return 1
}
stop_redis() {
  [ -n "$REDIS_PIDFILE" ] && [ -f "$REDIS_PIDFILE" ] || return 0
  local pid i
  pid=$(cat "$REDIS_PIDFILE")
  kill "$pid" 2>/dev/null || return 0
  for i in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
}
if ! start_redis; then
  echo "test.sh: WARNING: could not start Redis; the two-instance (scale-out) tests will fail" >&2
  unset LMS_TEST_REDIS
fi

# --- (c) build --------------------------------------------------------------------------------------
say "dotnet build Lms.sln -c Release"
if ! dotnet build Lms.sln -c Release -nologo -v minimal; then
  echo
  echo "test.sh: BUILD FAILED (errors above); no tests were run." >&2
  finish 0 0 0 1
fi

# --- (d) run each test project ----------------------------------------------------------------------
RESULTS=$ROOT/test-results
rm -rf "$RESULTS"; mkdir -p "$RESULTS"

# tests/*/*.csproj, with the slow browser tests last
mapfile -t PROJECTS < <(ls tests/*/*.csproj 2>/dev/null | grep -v E2E; ls tests/*/*.csproj 2>/dev/null | grep E2E)
[ ${#PROJECTS[@]} -gt 0 ] || { echo "test.sh: no test projects under tests/" >&2; finish 0 0 0 1; }

declare -A EXIT_CODE
for proj in "${PROJECTS[@]}"; do
  name=$(basename "$proj" .csproj)
  say "$name"
  args=(test "$proj" --no-build -c Release --nologo
        --results-directory "$RESULTS"
        --logger "trx;LogFileName=$name.trx"
        --logger "console;verbosity=${TEST_VERBOSITY:-minimal}"
        --blame-hang-timeout "${LMS_TEST_HANG_TIMEOUT:-10m}" --blame-hang-dump-type none)
  [ -n "${TEST_FILTER:-}" ] && args+=(--filter "$TEST_FILTER")
  dotnet "${args[@]}"
  EXIT_CODE[$name]=$?
done

# --- (e) add up the .trx files ----------------------------------------------------------------------
# <Counters total="4" executed="3" passed="2" failed="1" error="0" timeout="0" aborted="0" ... notExecuted="0" .../>
counter() { # file attribute
  local v
  v=$(grep -o '<Counters [^>]*>' "$1" | head -n1 | grep -o " $2=\"[0-9]*\"" | grep -o '[0-9]\+')
  echo "${v:-0}"
}

PASSED=0; FAILED=0; SKIPPED=0; BROKEN=0
say "summary"
for proj in "${PROJECTS[@]}"; do
  name=$(basename "$proj" .csproj)
  trx=$RESULTS/$name.trx
  rc=${EXIT_CODE[$name]}
  if [ ! -f "$trx" ]; then
    printf '  %-22s NO RESULTS (dotnet test exited %s without writing %s)\n' "$name" "$rc" "${trx#"$ROOT"/}"
    BROKEN=$((BROKEN + 1)); FAILED=$((FAILED + 1))
    continue
  fi
  p=$(counter "$trx" passed)
  f=$(( $(counter "$trx" failed) + $(counter "$trx" error) + $(counter "$trx" timeout) + $(counter "$trx" aborted) ))
  # VSTest leaves notExecuted at 0 for skipped xunit tests; they are the ones counted but not executed
  s=$(( $(counter "$trx" total) - $(counter "$trx" executed) ))
  [ "$s" -ge 0 ] || s=0
  ns=$(counter "$trx" notExecuted); [ "$ns" -le "$s" ] || s=$ns
  note=""
  if [ "$rc" != 0 ] && [ "$f" = 0 ]; then
    # e.g. the test host crashed or a hanging test was aborted: count the project as one failure
    note="  (dotnet test exited $rc: test run aborted)"
    f=1; BROKEN=$((BROKEN + 1))
  fi
  printf '  %-22s %d passed, %d failed, %d skipped%s\n' "$name" "$p" "$f" "$s" "$note"
  PASSED=$((PASSED + p)); FAILED=$((FAILED + f)); SKIPPED=$((SKIPPED + s))
done
echo "  results: ${RESULTS#"$ROOT"/}/*.trx"

status=0
if [ "$FAILED" -gt 0 ]; then status=1; fi
if [ "$PASSED" -eq 0 ]; then
  echo "test.sh: no test passed (did any run?)" >&2
  status=1
fi
finish "$PASSED" "$FAILED" "$SKIPPED" "$status"
