#!/usr/bin/env bash
# Load benchmark of the signed-in dashboard (/) next to /health, in the same run. See bench/README.md.
#
#   bench/dashboard.sh                 build (Release), fresh database, start the app, sign in,
#                                      warm up, then BENCH_ROUNDS rounds of /health and / under wrk;
#                                      appends a section to bench/results/YYYY-MM-DD-dashboard.md
#
# Database (one of):
#   BENCH_PG=external   an existing server: LMS_BENCH_PG="Host=..;Port=..;Username=..;Password=.."
#                       or BENCH_PG_HOST/BENCH_PG_PORT/BENCH_PG_USER/BENCH_PG_PASSWORD
#                       (defaults 127.0.0.1 / 5544 / lms / lms); the role needs CREATEDB
#   BENCH_PG=private    a private cluster started with scripts/pg.sh under bench/out/pg (stopped at the end)
#   BENCH_PG=auto       (default) private when scripts/pg.sh exists and no server was named, else external
# Either way the benchmark gets its own new database (lms_bench_<time>_<pid>), dropped at the end
# unless BENCH_KEEP_DB=1.
#
# Other settings: BENCH_ROUNDS (3), BENCH_DURATION (30s), BENCH_WARMUP (5s), BENCH_CONNECTIONS (64),
# BENCH_THREADS (2), BENCH_APP_PORT (5080), BENCH_NOTE (one line recorded with the run, e.g. what
# changed), BENCH_COOKIES=session|browser (session: only the "lms" session cookie, as the brief of the
# first benchmark asked; browser: also the antiforgery cookie a browser keeps after signing in),
# BENCH_RESULTS (the results file), BENCH_NO_BUILD=1 (use the existing Release build).
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd -P)

ROUNDS=${BENCH_ROUNDS:-3}
DURATION=${BENCH_DURATION:-30s}
WARMUP=${BENCH_WARMUP:-5s}
CONNECTIONS=${BENCH_CONNECTIONS:-64}
THREADS=${BENCH_THREADS:-2}
APP_PORT=${BENCH_APP_PORT:-5080}
BASE="http://127.0.0.1:$APP_PORT"
COOKIES=${BENCH_COOKIES:-session}
NOTE=${BENCH_NOTE:-}
USER_NAME=teacher
DEMO_PASSWORD='Demo@2569'
OUT="$ROOT/bench/out"
RESULTS=${BENCH_RESULTS:-$ROOT/bench/results/$(date +%F)-dashboard.md}
LUA="$ROOT/bench/status-check.lua"

say() { echo "bench: $*" >&2; }
die() { echo "bench: ERROR: $*" >&2; exit 1; }

mkdir -p "$OUT"
rm -f "$OUT"/*.txt "$OUT"/cookies "$OUT"/*.html "$OUT"/*.headers

# ---------------------------------------------------------------------------------------------- tools
if ! command -v wrk >/dev/null 2>&1; then
  [ "$(id -u)" = 0 ] || die "wrk is not installed (apt-get install -y wrk)"
  say "installing wrk ..."
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk; } >&2 || die "could not install wrk"
fi
command -v curl >/dev/null 2>&1 || die "curl is required"
command -v dotnet >/dev/null 2>&1 || die "dotnet is required"

if curl -s -o /dev/null --max-time 2 "$BASE/health"; then
  die "something already answers on $BASE (another benchmark?); set BENCH_APP_PORT"
fi

# ---------------------------------------------------------------------------------------------- cleanup
APP_PID=""
PG_MODE=""
PG_DIR="$OUT/pg"
DB=""
cleanup() {
  local rc=$?
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
    say "stopping the app (pid $APP_PID)"
    kill "$APP_PID" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$APP_PID" 2>/dev/null || true
  fi
  if [ -n "$DB" ] && [ "${BENCH_KEEP_DB:-0}" != 1 ]; then
    psql_admin -c "DROP DATABASE IF EXISTS \"$DB\" WITH (FORCE)" >/dev/null 2>&1 || true
  fi
  if [ "$PG_MODE" = private ]; then
    scripts/pg.sh stop "$PG_DIR" >/dev/null 2>&1 || true
  fi
  exit $rc
}
trap cleanup EXIT INT TERM

# ---------------------------------------------------------------------------------------------- database
PG_MODE=${BENCH_PG:-auto}
if [ "$PG_MODE" = auto ]; then
  if [ -x scripts/pg.sh ] && [ -z "${LMS_BENCH_PG:-}${BENCH_PG_HOST:-}${BENCH_PG_PORT:-}" ]; then
    PG_MODE=private
  else
    PG_MODE=external
  fi
fi

PG_HOST=${BENCH_PG_HOST:-127.0.0.1}
PG_PORT=${BENCH_PG_PORT:-5544}
PG_USER=${BENCH_PG_USER:-lms}
PG_PASSWORD=${BENCH_PG_PASSWORD:-lms}
case $PG_MODE in
  external)
    if [ -n "${LMS_BENCH_PG:-}" ]; then
      # Npgsql-style "Key=Value;..." pieces; Database is chosen here.
      IFS=';' read -ra parts <<<"$LMS_BENCH_PG"
      for part in "${parts[@]}"; do
        key=$(echo "${part%%=*}" | tr '[:upper:]' '[:lower:]' | tr -d ' ')
        value=${part#*=}
        case $key in
          host|server) PG_HOST=$value ;;
          port) PG_PORT=$value ;;
          username|userid|user) PG_USER=$value ;;
          password) PG_PASSWORD=$value ;;
        esac
      done
    fi
    ;;
  private)
    [ -x scripts/pg.sh ] || die "BENCH_PG=private needs scripts/pg.sh"
    PG_PORT=${BENCH_PG_PORT:-$(scripts/pg.sh freeport)}
    PG_HOST=127.0.0.1; PG_USER=lms; PG_PASSWORD=lms
    say "starting a private PostgreSQL cluster in $PG_DIR on port $PG_PORT"
    scripts/pg.sh start "$PG_DIR" "$PG_PORT" >&2
    ;;
  *) die "BENCH_PG must be auto, external or private" ;;
esac

psql_admin() {
  PGPASSWORD=$PG_PASSWORD PGCONNECT_TIMEOUT=5 psql -X -q -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres "$@"
}
command -v psql >/dev/null 2>&1 || die "psql is required (apt-get install -y postgresql-client)"
PG_VERSION=$(psql_admin -At -c "SHOW server_version") || die "cannot reach PostgreSQL at $PG_HOST:$PG_PORT as $PG_USER"
DB="lms_bench_$(date +%Y%m%d%H%M%S)_$$"
psql_admin -c "CREATE DATABASE \"$DB\"" || die "cannot create database $DB"
CONNECTION="Host=$PG_HOST;Port=$PG_PORT;Username=$PG_USER;Password=$PG_PASSWORD;Database=$DB"
say "database $DB on $PG_HOST:$PG_PORT (PostgreSQL $PG_VERSION, $PG_MODE)"

# ---------------------------------------------------------------------------------------------- build
if [ "${BENCH_NO_BUILD:-0}" != 1 ]; then
  say "building src/Lms.Web (Release) ..."
  # No MSBuild node or compiler server is left behind to compete for the CPU during the run (and none
  # of anyone else's is shut down).
  dotnet build src/Lms.Web -c Release -nologo -v q -nodeReuse:false -p:UseSharedCompilation=false \
    >"$OUT/build.log" 2>&1 || { tail -30 "$OUT/build.log" >&2; die "build failed"; }
fi
DLL=src/Lms.Web/bin/Release/net10.0/Lms.Web.dll
[ -f "$DLL" ] || die "$DLL not found"

# ---------------------------------------------------------------------------------------------- app
# Staging: not Development (no developer exception page, no verbose logging), not Production (which
# refuses to start with the demo seed and its published password). Plain http on loopback.
# Security:StampValidationSeconds=300: every cookie older than the interval is re-validated against
# the database on *each* request until the browser stores the renewed cookie. wrk keeps sending the
# cookie it was given, so with the default 60 s a round that runs past a minute after sign-in would
# measure a stamp validation per request, which a real browser does once a minute. Each round signs
# in afresh, and a round (warm-up + /health + /) stays well inside 300 s.
say "starting the app on $BASE (log: bench/out/app.log)"
ASPNETCORE_ENVIRONMENT=Staging \
ASPNETCORE_URLS="$BASE" \
ConnectionStrings__Lms="$CONNECTION" \
Seed__DemoData=true \
Seed__DemoPassword="$DEMO_PASSWORD" \
Security__HttpsOnly=false \
Security__StampValidationSeconds=300 \
RateLimits__SignInPostsPerWindow=1000 \
  dotnet "$DLL" --contentRoot "$ROOT/src/Lms.Web" >"$OUT/app.log" 2>&1 &
APP_PID=$!

for i in $(seq 1 240); do
  kill -0 "$APP_PID" 2>/dev/null || { tail -30 "$OUT/app.log" >&2; die "the app exited during start"; }
  if [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$BASE/health" || true)" = 200 ]; then break; fi
  [ "$i" = 240 ] && { tail -30 "$OUT/app.log" >&2; die "/health did not answer 200 within 120 s"; }
  sleep 0.5
done
say "app is healthy"

# ---------------------------------------------------------------------------------------------- sign in
COOKIE_HEADER=""
sign_in() {
  local jar="$OUT/cookies" html token status location
  rm -f "$jar"
  html=$(curl -sS --fail -c "$jar" -b "$jar" "$BASE/Account/Login") || die "GET /Account/Login failed"
  token=$(printf '%s' "$html" | grep -o '<input[^>]*name="__RequestVerificationToken"[^>]*>' | head -1 \
          | sed -n 's/.*value="\([^"]*\)".*/\1/p')
  [ -n "$token" ] || die "no __RequestVerificationToken on /Account/Login"
  status=$(curl -sS -o /dev/null -D "$OUT/login.headers" -w '%{http_code}' -c "$jar" -b "$jar" \
    --data-urlencode "Input.Login=$USER_NAME" --data-urlencode "Input.Password=$DEMO_PASSWORD" \
    --data-urlencode "__RequestVerificationToken=$token" "$BASE/Account/Login")
  location=$(grep -i '^location:' "$OUT/login.headers" | tr -d '\r' | sed 's/^[^:]*: *//')
  [ "$status" = 302 ] && [ "$location" = "/" ] || die "sign-in answered $status (Location: $location), expected 302 to /"
  # Netscape cookie jar: field 6 is the name, 7 the value (HttpOnly lines start with #HttpOnly_).
  local session af
  session=$(awk -F'\t' '$6 == "lms" { print $7 }' "$jar" | tail -1)
  af=$(awk -F'\t' '$6 == "lms-af" { print $7 }' "$jar" | tail -1)
  [ -n "$session" ] || die "no session cookie 'lms' after sign-in"
  case $COOKIES in
    session) COOKIE_HEADER="Cookie: lms=$session" ;;
    browser) [ -n "$af" ] || die "no antiforgery cookie 'lms-af'"; COOKIE_HEADER="Cookie: lms-af=$af; lms=$session" ;;
    *) die "BENCH_COOKIES must be session or browser" ;;
  esac
  # The dashboard must really be the signed-in page, not the sign-in form.
  status=$(curl -sS -o "$OUT/dashboard.html" -w '%{http_code}' -H "$COOKIE_HEADER" "$BASE/")
  [ "$status" = 200 ] || die "GET / with the session cookie answered $status, expected 200"
  grep -q 'สวัสดี' "$OUT/dashboard.html" || die "GET / did not greet (no 'สวัสดี' in the body): not signed in?"
}

# ---------------------------------------------------------------------------------------------- wrk
WRK_ARGS=(-t"$THREADS" -c"$CONNECTIONS" --latency -s "$LUA")
declare -A R  # R[key]=value from the last run_wrk
# run_wrk LABEL PATH DURATION [extra wrk args]: runs wrk, parses its "bench:" line into R[...].
run_wrk() {
  local label=$1 path=$2 duration=$3; shift 3
  local out="$OUT/$label.txt" line cpu0 cpu1
  R=()
  R[load]=$(cut -d' ' -f1-3 /proc/loadavg)
  cpu0=$(app_cpu_ticks); pg0=$(pg_cpu_ticks)
  if ! wrk "${WRK_ARGS[@]}" -d"$duration" "$@" "$BASE$path" >"$out" 2>&1; then
    cat "$out" >&2; die "wrk on $path failed (see above)"
  fi
  cpu1=$(app_cpu_ticks); pg1=$(pg_cpu_ticks)
  line=$(grep '^bench: requests=' "$out") || { cat "$out" >&2; die "wrk printed no bench: line"; }
  for kv in ${line#bench: }; do R[${kv%%=*}]=${kv#*=}; done
  R[app_cpu_s]=$(awk -v t=$((cpu1 - cpu0)) -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.1f", t / hz }')
  R[cpu_us_per_req]=$(per_request $((cpu1 - cpu0)) "${R[requests]}")
  if [ "$pg0" = n/a ] || [ "$pg1" = n/a ]; then R[pg_us_per_req]=n/a
  else R[pg_us_per_req]=$(per_request $((pg1 - pg0)) "${R[requests]}"); fi
  if [ "${R[non200]}" != 0 ] || [ "${R[err_connect]}" != 0 ] || [ "${R[err_read]}" != 0 ] \
     || [ "${R[err_write]}" != 0 ] || [ "${R[err_timeout]}" != 0 ]; then
    cat "$out" >&2; die "$label: non-200 responses or socket errors"
  fi
  say "$label: ${R[rps]} req/s, p50 ${R[p50_ms]} ms, p99 ${R[p99_ms]} ms, CPU/request app ${R[cpu_us_per_req]} µs, PostgreSQL ${R[pg_us_per_req]} µs (load before: ${R[load]})"
}
# utime + stime of the app process, in clock ticks (fields 14 and 15 of /proc/PID/stat).
app_cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$APP_PID/stat"; }
# The same for the PostgreSQL backends serving the benchmark database (only when the server runs on
# this machine; "n/a" otherwise). The app's pool keeps its connections open, so the set is stable
# during a run.
pg_cpu_ticks() {
  local pids total=0 pid t
  pids=$(psql_admin -At -c "SELECT pid FROM pg_stat_activity WHERE datname = '$DB'" 2>/dev/null) || { echo n/a; return; }
  for pid in $pids; do
    [ -r "/proc/$pid/stat" ] || { echo n/a; return; }
    t=$(awk '{ print $14 + $15 }' "/proc/$pid/stat" 2>/dev/null) || t=0
    total=$((total + t))
  done
  echo "$total"
}
# per_request TICKS REQUESTS: CPU microseconds per request.
per_request() {
  awk -v t="$1" -v hz="$(getconf CLK_TCK)" -v n="$2" 'BEGIN { printf "%.0f", (n > 0 ? t / hz * 1e6 / n : 0) }'
}

# ---------------------------------------------------------------------------------------------- runs
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
sign_in
say "warming up ($WARMUP each)"
run_wrk warmup-health /health "$WARMUP" >/dev/null
run_wrk warmup-dashboard / "$WARMUP" -H "$COOKIE_HEADER" >/dev/null

declare -a H_RPS D_RPS RATIO ROWS
for round in $(seq 1 "$ROUNDS"); do
  sign_in
  run_wrk "round$round-health" /health "$DURATION"
  h_rps=${R[rps]}
  ROW_H="| $round | /health | ${R[rps]} | ${R[p50_ms]} | ${R[p99_ms]} | ${R[non200]} | ${R[cpu_us_per_req]} | ${R[pg_us_per_req]} | ${R[load]} |"
  run_wrk "round$round-dashboard" / "$DURATION" -H "$COOKIE_HEADER"
  d_rps=${R[rps]}
  ROW_D="| $round | / | ${R[rps]} | ${R[p50_ms]} | ${R[p99_ms]} | ${R[non200]} | ${R[cpu_us_per_req]} | ${R[pg_us_per_req]} | ${R[load]} |"
  ratio=$(awk -v d="$d_rps" -v h="$h_rps" 'BEGIN { printf "%.3f", d / h }')
  say "round $round: dashboard/health = $ratio"
  H_RPS+=("$h_rps"); D_RPS+=("$d_rps"); RATIO+=("$ratio")
  ROWS+=("$ROW_H" "$ROW_D")
done

# best and median of a list of numbers
best() { printf '%s\n' "$@" | sort -g | tail -1; }
median() { printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END { m = NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; print m }'; }

# ---------------------------------------------------------------------------------------------- results
mkdir -p "$(dirname "$RESULTS")"
COMMIT=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
git diff --quiet HEAD -- src 2>/dev/null || COMMIT="$COMMIT + uncommitted changes in src/"
CPU_MODEL=$(grep -m1 'model name' /proc/cpuinfo | sed 's/^[^:]*: *//')
MEM=$(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
RUNTIME=$(dotnet --list-runtimes | awk '/Microsoft.AspNetCore.App/ { v = $2 } END { print v }')
GC_SERVER=$(grep -o '"System.GC.Server": *[a-z]*' src/Lms.Web/bin/Release/net10.0/Lms.Web.runtimeconfig.json | sed 's/.*: *//' || echo default)
WRK_CMD="wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency -s bench/status-check.lua [-H \"Cookie: lms=...\"] $BASE{/health,/}"

if [ ! -f "$RESULTS" ]; then
  cat >"$RESULTS" <<EOF
# Dashboard load benchmark, $(date +%F)

Written by \`bench/dashboard.sh\` (see bench/README.md); each run appends a section. The robust number
is the ratio dashboard/health from the same round: both share the machine's load at that moment.

EOF
fi
{
  echo "## Run $(date '+%F %H:%M') — commit $COMMIT"
  echo
  [ -n "$NOTE" ] && { echo "$NOTE"; echo; }
  echo "- Machine: $(nproc) cores, $CPU_MODEL, $MEM; load average before the warm-up: $LOAD_START"
  echo "- .NET $RUNTIME (Release build, Server GC: $GC_SERVER), ASPNETCORE_ENVIRONMENT=Staging; PostgreSQL $PG_VERSION ($PG_MODE)"
  echo "- \`$WRK_CMD\`, one round = /health then / (signed in as \`$USER_NAME\`, cookies: $COOKIES), after a $WARMUP warm-up of each"
  echo
  echo "| round | endpoint | requests/s | p50 ms | p99 ms | non-200 | app CPU µs/request | PostgreSQL CPU µs/request | load avg before |"
  echo "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |"
  printf '%s\n' "${ROWS[@]}"
  echo
  echo "| | best | median |"
  echo "| --- | ---: | ---: |"
  echo "| / requests/s | $(best "${D_RPS[@]}") | $(median "${D_RPS[@]}") |"
  echo "| /health requests/s | $(best "${H_RPS[@]}") | $(median "${H_RPS[@]}") |"
  echo "| ratio dashboard/health | $(best "${RATIO[@]}") | $(median "${RATIO[@]}") |"
  echo
} >>"$RESULTS"
say "results appended to ${RESULTS#"$ROOT"/}"
say "dashboard best $(best "${D_RPS[@]}") req/s, median $(median "${D_RPS[@]}"); ratio median $(median "${RATIO[@]}")"
