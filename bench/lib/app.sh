# Shared helpers of the load benchmarks: source it from a bench/*.sh script (bench/quiz.sh does; course.sh and
# dashboard.sh could, they carry their own copies of most of this). See bench/README.md.
#
#   ROOT=... OUT=... ; source "$ROOT/bench/lib/app.sh"
#   bench_tools                      wrk (installed with apt when missing and root), curl, dotnet, psql
#   bench_database                   private cluster (scripts/pg.sh) or external server; creates DB, sets CONNECTION, PG_*
#   bench_build                      dotnet build src/Lms.Web -c Release (unless BENCH_NO_BUILD=1)
#   bench_start_app [VAR=value ...]  the app in Staging with the demo seed on $BASE, extra settings as environment
#   bench_cleanup                    stops the app and the private cluster, drops the database (install as a trap)
#   sign_in_jar USER JAR, post JAR PATH STATUS field=value..., token_in FILE, session_of JAR
#   psql_admin, psql_db, app_cpu_ticks, pg_tree_cpu_ticks, per_request TICKS N, bench_add_teachers N PREFIX
#   bench_machine                    sets COMMIT, CPU_MODEL, MEM, RUNTIME, GC_SERVER
#   bench_wait_quiet MAX_LOAD SECONDS  waits (up to SECONDS) for the 1-minute load average to drop below MAX_LOAD
#
# Knobs (environment): BENCH_PG (auto|private|external), LMS_BENCH_PG or BENCH_PG_HOST/PORT/USER/PASSWORD,
# BENCH_KEEP_DB=1, BENCH_NO_BUILD=1, BENCH_APP_PORT, BENCH_APP_CONNECTION_EXTRA (appended to the app's connection
# string only, e.g. ";Maximum Pool Size=20"). Everything lives under $OUT (the private cluster in $OUT/pg).

: "${ROOT:?set ROOT before sourcing bench/lib/app.sh}"
: "${OUT:?set OUT before sourcing bench/lib/app.sh}"
APP_PORT=${BENCH_APP_PORT:-${APP_PORT:-5080}}
BASE="http://127.0.0.1:$APP_PORT"
DEMO_PASSWORD=${DEMO_PASSWORD:-'Demo@2569'}
DLL="$ROOT/src/Lms.Web/bin/Release/net10.0/Lms.Web.dll"
APP_PID=""
PG_MODE=""
PG_DIR="$OUT/pg"
PG_PID=""
DB=""

say() { echo "bench: $*" >&2; }
die() { echo "bench: ERROR: $*" >&2; exit 1; }

bench_tools() {
  if ! command -v wrk >/dev/null 2>&1; then
    [ "$(id -u)" = 0 ] || die "wrk is not installed (apt-get install -y wrk)"
    say "installing wrk ..."
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk; } >&2 || die "could not install wrk"
  fi
  command -v curl >/dev/null 2>&1 || die "curl is required"
  command -v dotnet >/dev/null 2>&1 || die "dotnet is required"
  command -v psql >/dev/null 2>&1 || die "psql is required (apt-get install -y postgresql-client)"
  if curl -s -o /dev/null --max-time 2 "$BASE/health"; then
    die "something already answers on $BASE (another benchmark?); set BENCH_APP_PORT"
  fi
}

bench_cleanup() {
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
  if [ "$PG_MODE" = private ] && [ "${BENCH_KEEP_DB:-0}" != 1 ]; then
    "$ROOT/scripts/pg.sh" stop "$PG_DIR" >/dev/null 2>&1 || true
  fi
  exit $rc
}

psql_admin() {
  PGPASSWORD=$PG_PASSWORD PGCONNECT_TIMEOUT=5 psql -X -q -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres "$@"
}
psql_db() {
  PGPASSWORD=$PG_PASSWORD psql -X -q -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$DB" "$@"
}

bench_database() {
  PG_MODE=${BENCH_PG:-auto}
  if [ "$PG_MODE" = auto ]; then
    if [ -x "$ROOT/scripts/pg.sh" ] && [ -z "${LMS_BENCH_PG:-}${BENCH_PG_HOST:-}${BENCH_PG_PORT:-}" ]; then PG_MODE=private; else PG_MODE=external; fi
  fi
  PG_HOST=${BENCH_PG_HOST:-127.0.0.1}
  PG_PORT=${BENCH_PG_PORT:-5544}
  PG_USER=${BENCH_PG_USER:-lms}
  PG_PASSWORD=${BENCH_PG_PASSWORD:-lms}
  case $PG_MODE in
    external)
      if [ -n "${LMS_BENCH_PG:-}" ]; then
        local parts part key value
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
      [ -x "$ROOT/scripts/pg.sh" ] || die "BENCH_PG=private needs scripts/pg.sh"
      PG_PORT=${BENCH_PG_PORT:-$("$ROOT/scripts/pg.sh" freeport)}
      PG_HOST=127.0.0.1; PG_USER=lms; PG_PASSWORD=lms
      say "starting a private PostgreSQL cluster in $PG_DIR on port $PG_PORT"
      "$ROOT/scripts/pg.sh" start "$PG_DIR" "$PG_PORT" >&2
      PG_PID=$(head -1 "$PG_DIR/pgdata/postmaster.pid" 2>/dev/null || true)
      ;;
    *) die "BENCH_PG must be auto, external or private" ;;
  esac
  PG_VERSION=$(psql_admin -At -c "SHOW server_version") || die "cannot reach PostgreSQL at $PG_HOST:$PG_PORT as $PG_USER"
  # The postmaster, when the server runs on this machine (for the CPU of the whole cluster, see pg_tree_cpu_ticks).
  if [ -z "$PG_PID" ]; then
    local dir; dir=$(psql_admin -At -c "SHOW data_directory" 2>/dev/null || true)
    [ -n "$dir" ] && [ -r "$dir/postmaster.pid" ] && PG_PID=$(head -1 "$dir/postmaster.pid")
  fi
  DB="lms_bench_$(date +%Y%m%d%H%M%S)_$$"
  psql_admin -c "CREATE DATABASE \"$DB\"" || die "cannot create database $DB"
  CONNECTION="Host=$PG_HOST;Port=$PG_PORT;Username=$PG_USER;Password=$PG_PASSWORD;Database=$DB"
  say "database $DB on $PG_HOST:$PG_PORT (PostgreSQL $PG_VERSION, $PG_MODE${PG_PID:+, postmaster $PG_PID})"
}

bench_build() {
  if [ "${BENCH_NO_BUILD:-0}" != 1 ]; then
    say "building src/Lms.Web (Release) ..."
    # No MSBuild node or compiler server is left behind to compete for the CPU during the run (and none of anyone
    # else's is shut down).
    dotnet build "$ROOT/src/Lms.Web" -c Release -nologo -v q -nodeReuse:false -p:UseSharedCompilation=false \
      >"$OUT/build.log" 2>&1 || { tail -30 "$OUT/build.log" >&2; die "build failed"; }
  fi
  [ -f "$DLL" ] || die "$DLL not found"
}

# bench_start_app [NAME=value ...]: Staging (no developer exception page or verbose logging; Production refuses the
# demo seed), the demo seed, plain http on loopback, a sign-in rate limit high enough for a thousand sign-ins.
# Extra settings are passed as environment variables (e.g. Security__StampValidationSeconds=300).
bench_start_app() {
  say "starting the app on $BASE (log: ${OUT#"$ROOT"/}/app.log)"
  env ASPNETCORE_ENVIRONMENT=Staging \
    ASPNETCORE_URLS="$BASE" \
    ConnectionStrings__Lms="$CONNECTION${BENCH_APP_CONNECTION_EXTRA:-}" \
    Seed__DemoData=true \
    Seed__DemoPassword="$DEMO_PASSWORD" \
    Security__HttpsOnly=false \
    RateLimits__SignInPostsPerWindow=1000000 \
    "$@" \
    dotnet "$DLL" --contentRoot "$ROOT/src/Lms.Web" >"$OUT/app.log" 2>&1 &
  APP_PID=$!
  local i
  for i in $(seq 1 240); do
    kill -0 "$APP_PID" 2>/dev/null || { tail -30 "$OUT/app.log" >&2; die "the app exited during start"; }
    if [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$BASE/health" || true)" = 200 ]; then break; fi
    [ "$i" = 240 ] && { tail -30 "$OUT/app.log" >&2; die "/health did not answer 200 within 120 s"; }
    sleep 0.5
  done
  say "app is healthy (pid $APP_PID)"
}

# token_in FILE: the first antiforgery token of a saved page.
token_in() {
  grep -o '<input[^>]*name="__RequestVerificationToken"[^>]*>' "$1" | awk 'NR == 1' | sed -n 's/.*value="\([^"]*\)".*/\1/p'
}
# sign_in_jar USER JAR: signs in like a browser into a cookie jar; fails unless 302 to /.
sign_in_jar() {
  local user=$1 jar=$2 page status token
  page=$(mktemp); rm -f "$jar"
  curl -sS --fail -o "$page" -c "$jar" -b "$jar" "$BASE/Account/Login" || { rm -f "$page"; echo "GET /Account/Login failed" >&2; return 1; }
  token=$(token_in "$page"); rm -f "$page"
  status=$(curl -sS -o /dev/null -w '%{http_code} %{redirect_url}' -c "$jar" -b "$jar" \
    --data-urlencode "Input.Login=$user" --data-urlencode "Input.Password=$DEMO_PASSWORD" \
    --data-urlencode "__RequestVerificationToken=$token" "$BASE/Account/Login")
  [ "$status" = "302 $BASE/" ] || { echo "sign-in of $user answered $status" >&2; return 1; }
}
session_of() { awk -F'\t' '$6 == "lms" { print $7 }' "$1" | tail -1; }
# post JAR PATH EXPECTED_STATUS field=value...: posts a form with the token of the page at PATH (without its query);
# LAST_LOCATION is the redirect's target.
LAST_LOCATION=""
post() {
  local jar=$1 path=$2 expected=$3; shift 3
  local page="$OUT/form.html" args=() result kv
  curl -sS --fail -o "$page" -c "$jar" -b "$jar" "$BASE${path%%\?*}" || die "GET ${path%%\?*} failed"
  args+=(--data-urlencode "__RequestVerificationToken=$(token_in "$page")")
  for kv in "$@"; do args+=(--data-urlencode "$kv"); done
  result=$(curl -sS -o "$OUT/post.html" -w '%{http_code} %{redirect_url}' -c "$jar" -b "$jar" "${args[@]}" "$BASE$path")
  [ "${result%% *}" = "$expected" ] || die "POST $path answered $result, expected $expected"
  LAST_LOCATION=${result#* }
}

# bench_add_teachers N PREFIX: N teachers PREFIX1..PREFIXN in `teacher`'s school, signing in with the demo password
# (the demo accounts' hash is copied; each gets its own security stamp), role Learner, position Teacher.
bench_add_teachers() {
  local n=$1 prefix=$2
  psql_db >/dev/null <<SQL
INSERT INTO people (id, title, first_name, last_name, first_name_en, last_name_en, position, school_id, subject_area, is_active, created_at_utc)
SELECT md5('$prefix-person-' || n)::uuid, 'นางสาว', 'ครูทดสอบ' || n, 'ภาระงานสูง', 'Bench' || n, 'Teacher', 'Teacher',
       (SELECT school_id FROM people p JOIN users u ON u.id = p.id WHERE u.user_name = 'teacher'), 'Thai', true, now()
FROM generate_series(1, $n) n;
INSERT INTO users (id, user_name, normalized_user_name, email, normalized_email, email_confirmed, password_hash,
                   security_stamp, concurrency_stamp, phone_number_confirmed, two_factor_enabled, lockout_enabled, access_failed_count)
SELECT md5('$prefix-person-' || n)::uuid, '$prefix' || n, upper('$prefix' || n), '$prefix' || n || '@bench.example',
       upper('$prefix' || n || '@bench.example'), true, (SELECT password_hash FROM users WHERE user_name = 'teacher'),
       upper(replace(gen_random_uuid()::text, '-', '')), gen_random_uuid()::text, false, false, true, 0
FROM generate_series(1, $n) n;
INSERT INTO user_roles (user_id, role_id)
SELECT md5('$prefix-person-' || n)::uuid, (SELECT id FROM roles WHERE name = 'Learner') FROM generate_series(1, $n) n;
SQL
}

# utime + stime of the app process, in clock ticks (fields 14 and 15 of /proc/PID/stat).
app_cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$APP_PID/stat"; }
# The whole PostgreSQL cluster in clock ticks: the postmaster with the children it reaped (fields 16 and 17: backends
# that exited during the run leave their time there) plus every live child. "n/a" when it is not on this machine.
pg_tree_cpu_ticks() {
  [ -n "$PG_PID" ] && [ -r "/proc/$PG_PID/stat" ] || { echo n/a; return; }
  local total pid
  total=$(awk '{ print $14 + $15 + $16 + $17 }' "/proc/$PG_PID/stat")
  for pid in $(ps -o pid= --ppid "$PG_PID"); do
    total=$((total + $(awk '{ print $14 + $15 }' "/proc/$pid/stat" 2>/dev/null || echo 0)))
  done
  echo "$total"
}
# per_request TICKS REQUESTS: CPU microseconds per request.
per_request() {
  awk -v t="$1" -v hz="$(getconf CLK_TCK)" -v n="$2" 'BEGIN { printf "%.0f", (n > 0 ? t / hz * 1e6 / n : 0) }'
}

bench_machine() {
  COMMIT=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
  git -C "$ROOT" diff --quiet HEAD -- src 2>/dev/null || COMMIT="$COMMIT + uncommitted changes in src/"
  CPU_MODEL=$(grep -m1 'model name' /proc/cpuinfo | sed 's/^[^:]*: *//')
  MEM=$(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
  RUNTIME=$(dotnet --list-runtimes | awk '/Microsoft.AspNetCore.App/ { v = $2 } END { print v }')
  GC_SERVER=$(grep -o '"System.GC.Server": *[a-z]*' "$ROOT/src/Lms.Web/bin/Release/net10.0/Lms.Web.runtimeconfig.json" 2>/dev/null | sed 's/.*: *//' || true)
  GC_SERVER=${GC_SERVER:-default}
}

# bench_wait_quiet MAX_LOAD SECONDS: the machine is shared; wait for other builds to calm down before a measured run.
bench_wait_quiet() {
  local max=$1 seconds=$2 waited=0 load
  while :; do
    load=$(cut -d' ' -f1 /proc/loadavg)
    awk -v l="$load" -v m="$max" 'BEGIN { exit !(l < m) }' && return 0
    [ "$waited" -ge "$seconds" ] && { say "load average still $load after ${seconds}s; going ahead"; return 0; }
    [ "$waited" = 0 ] && say "load average $load ≥ $max; waiting up to ${seconds}s for it to drop"
    sleep 10; waited=$((waited + 10))
  done
}
