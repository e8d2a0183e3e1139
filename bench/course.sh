#!/usr/bin/env bash
# Load benchmark of the learner's course and activity pages and of completion writes. See bench/README.md.
#
#   bench/course.sh    build (Release), fresh database, start the app, build and publish a course of
#                      BENCH_ACTIVITIES (20) Markdown page activities (~2 KB of Thai each) through the
#                      designer's pages, add BENCH_LEARNERS (1000) teachers with SQL, enrol everybody
#                      whose position is Teacher through the designer's "enrol a group" form, then:
#                      2. writes: the BENCH_LEARNERS teachers (each signed in with curl) open the page
#                         activities, every (teacher, activity) pair once, BENCH_WRITE_CONNECTIONS at
#                         a time; each of those views completes one activity;
#                      1. reads (run after 2.): BENCH_ROUNDS rounds of /health, /Learn/Course/{id}
#                         (as `teacher`) and /Learn/Activity/{id}/{activity} (the bench teachers in
#                         turn; each view is a repeated view, which still writes) under wrk;
#                      appends a section to bench/results/YYYY-MM-DD-course.md
#
# Database, BENCH_PG*, BENCH_ROUNDS, BENCH_DURATION, BENCH_WARMUP, BENCH_CONNECTIONS, BENCH_THREADS,
# BENCH_APP_PORT, BENCH_NOTE, BENCH_RESULTS, BENCH_NO_BUILD, BENCH_KEEP_DB: as in bench/dashboard.sh; BENCH_APP_ENV (extra
# NAME=value settings for the app, e.g. for profiling) as in bench/quiz.sh.
# Also: BENCH_LEARNERS (1000), BENCH_ACTIVITIES (20), BENCH_WRITE_CONNECTIONS (1000),
# BENCH_WRITE_DURATION (30s, an upper bound: the run stops when every pair has been opened).
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd -P)

ROUNDS=${BENCH_ROUNDS:-3}
DURATION=${BENCH_DURATION:-30s}
WARMUP=${BENCH_WARMUP:-5s}
CONNECTIONS=${BENCH_CONNECTIONS:-64}
THREADS=${BENCH_THREADS:-2}
APP_PORT=${BENCH_APP_PORT:-5080}
LEARNERS=${BENCH_LEARNERS:-1000}
ACTIVITIES=${BENCH_ACTIVITIES:-20}
WRITE_CONNECTIONS=${BENCH_WRITE_CONNECTIONS:-1000}
WRITE_DURATION=${BENCH_WRITE_DURATION:-30s}
BASE="http://127.0.0.1:$APP_PORT"
NOTE=${BENCH_NOTE:-}
DEMO_PASSWORD='Demo@2569'
OUT="$ROOT/bench/out"
RESULTS=${BENCH_RESULTS:-$ROOT/bench/results/$(date +%F)-course.md}
LUA="$ROOT/bench/status-check.lua"
WRITE_LUA="$ROOT/bench/completions.lua"

say() { echo "bench: $*" >&2; }
die() { echo "bench: ERROR: $*" >&2; exit 1; }

mkdir -p "$OUT"
rm -rf "$OUT"/*.txt "$OUT"/cookies "$OUT"/*.html "$OUT"/*.headers "$OUT"/jars "$OUT"/learner-cookies "$OUT"/activity-paths
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
# Security:StampValidationSeconds=3600: every cookie older than the interval is re-validated against
# the database on *each* request until the browser stores the renewed cookie. wrk keeps sending the
# cookie it was given, so a round that runs past the interval after sign-in would measure a stamp
# validation per request, which a real browser does once a minute. `teacher` signs in afresh before
# each round, but the 1,000 bench teachers sign in once, before the writes, and their cookies are used
# until the last activity round — 5 to 15 minutes later, depending on the machine's load. With the
# 300 s of dashboard.sh the activity rounds measured a stamp check on a growing share of requests
# (runs before 2026-11-25 18:40: round 2 more than round 1). An hour covers the whole run.
say "starting the app on $BASE (log: bench/out/app.log)"
ASPNETCORE_ENVIRONMENT=Staging \
ASPNETCORE_URLS="$BASE" \
ConnectionStrings__Lms="$CONNECTION" \
Seed__DemoData=true \
Seed__DemoPassword="$DEMO_PASSWORD" \
Security__HttpsOnly=false \
Security__StampValidationSeconds=3600 \
RateLimits__SignInPostsPerWindow=1000000 \
  env ${BENCH_APP_ENV:-} dotnet "$DLL" --contentRoot "$ROOT/src/Lms.Web" >"$OUT/app.log" 2>&1 &  # shellcheck disable=SC2086
APP_PID=$!

for i in $(seq 1 240); do
  kill -0 "$APP_PID" 2>/dev/null || { tail -30 "$OUT/app.log" >&2; die "the app exited during start"; }
  if [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$BASE/health" || true)" = 200 ]; then break; fi
  [ "$i" = 240 ] && { tail -30 "$OUT/app.log" >&2; die "/health did not answer 200 within 120 s"; }
  sleep 0.5
done
say "app is healthy"

# ---------------------------------------------------------------------------------------------- helpers
psql_db() {
  PGPASSWORD=$PG_PASSWORD psql -X -q -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$DB" "$@"
}
# token_in FILE: the first antiforgery token of a saved page.
token_in() {
  grep -o '<input[^>]*name="__RequestVerificationToken"[^>]*>' "$1" | awk 'NR == 1' | sed -n 's/.*value="\([^"]*\)".*/\1/p'
}
# sign_in_jar USER JAR: signs in like a browser into a cookie jar; fails unless 302 to /.
sign_in_jar() {
  local user=$1 jar=$2 page status
  page=$(mktemp); rm -f "$jar"
  curl -sS --fail -o "$page" -c "$jar" -b "$jar" "$BASE/Account/Login" || { rm -f "$page"; echo "GET /Account/Login failed" >&2; return 1; }
  local token; token=$(token_in "$page"); rm -f "$page"
  status=$(curl -sS -o /dev/null -w '%{http_code} %{redirect_url}' -c "$jar" -b "$jar" \
    --data-urlencode "Input.Login=$user" --data-urlencode "Input.Password=$DEMO_PASSWORD" \
    --data-urlencode "__RequestVerificationToken=$token" "$BASE/Account/Login")
  [ "$status" = "302 $BASE/" ] || { echo "sign-in of $user answered $status" >&2; return 1; }
}
session_of() { awk -F'\t' '$6 == "lms" { print $7 }' "$1" | tail -1; }
# browser_cookies JAR: the Cookie header value a browser would send back — the session cookie and the antiforgery
# cookie (without it every page with a form would mint a new antiforgery cookie, which no browser makes it do).
browser_cookies() { awk -F'\t' '$6 == "lms" || $6 == "lms-af" { c = c (c ? "; " : "") $6 "=" $7 } END { print c }' "$1"; }
# post JAR PATH EXPECTED_STATUS field=value...: posts a form with the token of the page at PATH (without its query).
LAST_LOCATION=""
post() {
  local jar=$1 path=$2 expected=$3; shift 3
  local page="$OUT/form.html" args=() result
  curl -sS --fail -o "$page" -c "$jar" -b "$jar" "$BASE${path%%\?*}" || die "GET ${path%%\?*} failed"
  args+=(--data-urlencode "__RequestVerificationToken=$(token_in "$page")")
  for kv in "$@"; do args+=(--data-urlencode "$kv"); done
  result=$(curl -sS -o "$OUT/post.html" -w '%{http_code} %{redirect_url}' -c "$jar" -b "$jar" "${args[@]}" "$BASE$path")
  [ "${result%% *}" = "$expected" ] || die "POST $path answered $result, expected $expected"
  LAST_LOCATION=${result#* }
}

# ---------------------------------------------------------------------------------------------- the course
# A page activity of ~2 KB (UTF-8) of realistic Thai Markdown: headings, emphasis, a list, a quote, a link.
page_body() {
  local n=$1
  cat <<EOF
# บทที่ $n การจัดการเรียนรู้เชิงรุก (Active Learning)

การจัดการเรียนรู้เชิงรุกคือการจัดการเรียนรู้ที่ให้ผู้เรียน**ลงมือทำ**และ**คิดเกี่ยวกับสิ่งที่ทำ** ครูเปลี่ยนบทบาทจากผู้บอกความรู้เป็นผู้อำนวยความสะดวก

## วัตถุประสงค์

- อธิบายหลักการของการเรียนรู้เชิงรุกได้
- เลือกกิจกรรมที่เหมาะสมกับเนื้อหาและผู้เรียนได้
- ออกแบบการวัดและประเมินผลระหว่างเรียนได้

## ขั้นตอนการจัดกิจกรรม

1. **นำเข้าสู่บทเรียน** ด้วยคำถามปลายเปิดหรือสถานการณ์ใกล้ตัวผู้เรียน
2. **ลงมือปฏิบัติ** เป็นกลุ่มย่อย 3–5 คน แบ่งบทบาทให้ชัดเจน
3. **สะท้อนคิด** ให้ผู้เรียนสรุปสิ่งที่ได้เรียนรู้ด้วยภาษาของตนเอง
4. **ประเมินผล** ด้วยแบบสังเกตพฤติกรรมและชิ้นงาน

> "การเรียนรู้ที่ดีที่สุดเกิดจากการได้ลงมือทำด้วยตนเอง"

ศึกษาเพิ่มเติมได้ที่ [คู่มือการจัดการเรียนรู้](https://example.org/active-learning) แล้วบันทึกข้อค้นพบในสมุดบันทึกการเรียนรู้ของท่าน
EOF
}

setup_course() {
  local jar="$OUT/designer.jar"
  sign_in_jar designer "$jar" || die "designer could not sign in"
  post "$jar" /Design/Courses/Edit 302 "Input.TitleTh=การจัดการเรียนรู้เชิงรุกสำหรับครู (bench)" \
    "Input.CreditHours=12" "Input.FiscalYear=2570" "Input.SelfEnrolment=true"
  local structure=${LAST_LOCATION#"$BASE"}
  COURSE_ID=${structure##*/}
  [[ $COURSE_ID =~ ^[0-9a-f-]{36}$ ]] || die "no course id in $structure"
  post "$jar" "$structure?handler=AddSection" 302 "title=หน่วยที่ 1 การเรียนรู้เชิงรุก"
  curl -sS --fail -o "$OUT/structure.html" -b "$jar" "$BASE$structure"
  local section
  section=$(grep -o 'name="sectionId" value="[^"]*"' "$OUT/structure.html" | awk 'NR == 1' | sed 's/.*value="\([^"]*\)"/\1/')
  [ -n "$section" ] || die "no section on the structure page"
  local k
  for k in $(seq 1 "$ACTIVITIES"); do
    post "$jar" "$structure?handler=AddActivity" 302 "sectionId=$section" "kind=Page" "title=บทที่ $k"
  done
  curl -sS --fail -o "$OUT/structure.html" -b "$jar" "$BASE$structure"
  mapfile -t editors < <(grep -o "/Design/Courses/Activity/$COURSE_ID/[0-9a-f-]*" "$OUT/structure.html" | awk '!seen[$0]++')
  [ "${#editors[@]}" = "$ACTIVITIES" ] || die "expected $ACTIVITIES activities on the structure page, found ${#editors[@]}"
  k=0
  for editor in "${editors[@]}"; do
    k=$((k + 1))
    post "$jar" "$editor?handler=Save" 302 "Input.Title=บทที่ $k การเรียนรู้เชิงรุก" "Input.Body=$(page_body $k)" "Input.Criterion=Viewed"
  done
  post "$jar" "$structure?handler=Publish" 302
  [ "$(psql_db -At -c "SELECT count(*) FROM course_versions WHERE course_id = '$COURSE_ID'")" = 1 ] || die "the course was not published"
  ACTIVITY_IDS=("${editors[@]##*/}")
  BODY_BYTES=$(page_body 1 | wc -c)

  # BENCH_LEARNERS more teachers, in one school, who sign in with the demo password (the demo accounts'
  # shared hash is copied; each account gets its own security stamp), all with the Learner role.
  psql_db >/dev/null <<SQL
INSERT INTO people (id, title, first_name, last_name, first_name_en, last_name_en, position, school_id, subject_area, is_active, created_at_utc)
SELECT md5('bench-person-' || n)::uuid, 'นางสาว', 'ครูทดสอบ' || n, 'ภาระงานสูง', 'Bench' || n, 'Teacher', 'Teacher',
       (SELECT school_id FROM people p JOIN users u ON u.id = p.id WHERE u.user_name = 'teacher'), 'Thai', true, now()
FROM generate_series(1, $LEARNERS) n;
INSERT INTO users (id, user_name, normalized_user_name, email, normalized_email, email_confirmed, password_hash,
                   security_stamp, concurrency_stamp, phone_number_confirmed, two_factor_enabled, lockout_enabled, access_failed_count)
SELECT md5('bench-person-' || n)::uuid, 'bench' || n, upper('bench' || n), 'bench' || n || '@bench.example',
       upper('bench' || n || '@bench.example'), true, (SELECT password_hash FROM users WHERE user_name = 'teacher'),
       upper(replace(gen_random_uuid()::text, '-', '')), gen_random_uuid()::text, false, false, true, 0
FROM generate_series(1, $LEARNERS) n;
INSERT INTO user_roles (user_id, role_id)
SELECT md5('bench-person-' || n)::uuid, (SELECT id FROM roles WHERE name = 'Learner') FROM generate_series(1, $LEARNERS) n;
SQL
  # Everybody whose position is Teacher (the demo teachers, `teacher` among them, and the new ones),
  # through the designer's "enrol a group" form.
  post "$jar" "/Design/Courses/Enrol/$COURSE_ID?handler=Group" 302 "position=Teacher"
  ENROLLED=$(psql_db -At -c "SELECT count(*) FROM enrolments WHERE course_id = '$COURSE_ID'")
  local bench_enrolled
  bench_enrolled=$(psql_db -At -c "SELECT count(*) FROM enrolments e JOIN users u ON u.id = e.person_id WHERE e.course_id = '$COURSE_ID' AND u.user_name LIKE 'bench%'")
  [ "$bench_enrolled" = "$LEARNERS" ] || die "expected $LEARNERS bench learners enrolled, found $bench_enrolled"
  say "course $COURSE_ID: $ACTIVITIES page activities of $BODY_BYTES bytes, $ENROLLED enrolled ($LEARNERS bench learners)"
}

# ---------------------------------------------------------------------------------------------- wrk
WRK_ARGS=(-t"$THREADS" -c"$CONNECTIONS" --latency -s "$LUA")
WRK_TAIL=()   # after the URL: "--" and the script's arguments
declare -A R  # R[key]=value from the last run_wrk
# run_wrk LABEL PATH DURATION [extra wrk args]: runs wrk, parses its "bench:" line into R[...].
run_wrk() {
  local label=$1 path=$2 duration=$3; shift 3
  local out="$OUT/$label.txt" line cpu0 cpu1
  R=()
  R[load]=$(cut -d' ' -f1-3 /proc/loadavg)
  cpu0=$(app_cpu_ticks); pg0=$(pg_cpu_ticks)
  if ! wrk "${WRK_ARGS[@]}" -d"$duration" "$@" "$BASE$path" "${WRK_TAIL[@]}" >"$out" 2>&1; then
    cat "$out" >&2; die "wrk on $path failed (see above)"
  fi
  cpu1=$(app_cpu_ticks); pg1=$(pg_cpu_ticks)
  line=$(grep '^bench: requests=' "$out") || { cat "$out" >&2; die "wrk printed no bench: line"; }
  for kv in ${line#bench: }; do R[${kv%%=*}]=${kv#*=}; done
  R[app_cpu_s]=$(awk -v t=$((cpu1 - cpu0)) -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.1f", t / hz }')
  R[cpu_us_per_req]=$(per_request $((cpu1 - cpu0)) "${R[requests]}")
  # A backend that exited during the run (the pool pruning idle connections, e.g. after the write run's
  # 1,000 connections) takes its ticks with it: the difference is then meaningless, often negative.
  if [ "$pg0" = n/a ] || [ "$pg1" = n/a ] || [ "$pg1" -lt "$pg0" ]; then R[pg_us_per_req]=n/a
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

# ---------------------------------------------------------------------------------------------- set-up
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
say "building the course through the designer's pages, adding $LEARNERS teachers ..."
setup_course
COURSE_PATH="/Learn/Course/$COURSE_ID"
ACTIVITY_PATH="/Learn/Activity/$COURSE_ID/${ACTIVITY_IDS[0]}"

COOKIE_HEADER=""
sign_in_teacher() {
  sign_in_jar teacher "$OUT/cookies" || die "teacher could not sign in"
  COOKIE_HEADER="Cookie: $(browser_cookies "$OUT/cookies")"
  local status
  status=$(curl -sS -o "$OUT/course.html" -w '%{http_code}' -H "$COOKIE_HEADER" "$BASE$COURSE_PATH")
  [ "$status" = 200 ] && grep -q 'การจัดการเรียนรู้เชิงรุกสำหรับครู' "$OUT/course.html" || die "GET $COURSE_PATH answered $status without the course title"
  status=$(curl -sS -o "$OUT/activity.html" -w '%{http_code}' -H "$COOKIE_HEADER" "$BASE$ACTIVITY_PATH")
  [ "$status" = 200 ] && grep -q 'ขั้นตอนการจัดกิจกรรม' "$OUT/activity.html" || die "GET $ACTIVITY_PATH answered $status without the page's text"
}

# ---------------------------------------------------------------------------------------------- 2. writes
say "signing in $LEARNERS learners (8 at a time) ..."
mkdir -p "$OUT/jars"
export BASE DEMO_PASSWORD OUT
export -f sign_in_jar token_in
SIGN_IN_START=$(date +%s.%N)
seq 1 "$LEARNERS" | xargs -P 8 -I{} bash -c 'sign_in_jar bench{} "$OUT/jars/{}"' || die "a learner could not sign in"
SIGN_IN_S=$(awk -v a="$SIGN_IN_START" -v b="$(date +%s.%N)" 'BEGIN { printf "%.0f", b - a }')
for n in $(seq 1 "$LEARNERS"); do browser_cookies "$OUT/jars/$n"; done >"$OUT/learner-cookies"
[ "$(grep -c . "$OUT/learner-cookies")" = "$LEARNERS" ] || die "not every learner has a session cookie"
for a in "${ACTIVITY_IDS[@]}"; do echo "/Learn/Activity/$COURSE_ID/$a"; done >"$OUT/activity-paths"
say "signed in $LEARNERS learners in ${SIGN_IN_S}s"

bench_progress_sql="FROM activity_progress p JOIN enrolments e ON e.id = p.enrolment_id JOIN users u ON u.id = e.person_id
                    WHERE e.course_id = '$COURSE_ID' AND u.user_name LIKE 'bench%'"
BEFORE=$(psql_db -At -c "SELECT count(*) $bench_progress_sql AND p.completed_at_utc IS NOT NULL")
[ "$BEFORE" = 0 ] || die "bench learners already have completions"
# The app has served only sign-in pages so far: warm the activity page and the progress writer up (JIT) with
# `teacher`'s repeated views of the first activity, one connection (parallel views of one enrolment would meet its
# row version), so that the writes measure a running server rather than a just-compiled one. `teacher` is not a
# bench learner: the completions counted below are not touched.
sign_in_teacher
WRK_ARGS=(-t1 -c1 --latency -s "$LUA"); WRK_TAIL=()
run_wrk warmup-writes "$ACTIVITY_PATH" "$WARMUP" -H "$COOKIE_HEADER" >/dev/null
WRK_ARGS=(-t"$THREADS" -c"$WRITE_CONNECTIONS" --latency -s "$WRITE_LUA" --timeout 10s)
WRK_TAIL=(-- "$OUT/learner-cookies" "$OUT/activity-paths" once "$THREADS")
say "completion writes: $LEARNERS learners x $ACTIVITIES activities, $WRITE_CONNECTIONS connections"
run_wrk writes /health "$WRITE_DURATION"
W_P50=${R[p50_ms]}; W_P99=${R[p99_ms]}; W_REQ=${R[requests]}; W_SENT=${R[sent]}; W_LOAD=${R[load]}
W_PG=${R[pg_us_per_req]}; W_APP=${R[cpu_us_per_req]}
WRK_ARGS=(-t"$THREADS" -c"$CONNECTIONS" --latency -s "$LUA"); WRK_TAIL=()
# Completions and the window in which they were written (the app's clock: first to last completion).
read -r DONE WINDOW_S < <(psql_db -At -F' ' -c "SELECT count(*), coalesce(extract(epoch FROM max(p.completed_at_utc) - min(p.completed_at_utc)), 0) $bench_progress_sql AND p.completed_at_utc IS NOT NULL")
COURSES_DONE=$(psql_db -At -c "SELECT count(*) FROM enrolments e JOIN users u ON u.id = e.person_id WHERE e.course_id = '$COURSE_ID' AND u.user_name LIKE 'bench%' AND e.completed_at_utc IS NOT NULL")
EXPECTED=$((LEARNERS * ACTIVITIES))
COMPLETIONS_PER_S=$(awk -v n="$DONE" -v s="$WINDOW_S" 'BEGIN { printf "%.0f", (s > 0 ? n / s : 0) }')
say "writes: $DONE of $EXPECTED activity completions in ${WINDOW_S}s = $COMPLETIONS_PER_S completions/s; $COURSES_DONE courses completed; p50 $W_P50 ms, p99 $W_P99 ms"
[ "$DONE" = "$EXPECTED" ] || say "WARNING: not every pair was completed within $WRITE_DURATION (raise BENCH_WRITE_DURATION)"

# ---------------------------------------------------------------------------------------------- 1. reads
# The activity page is opened by the bench teachers in turn (all of them have completed the course by
# now, so every view is a repeated view: it updates the enrolment's last activity and the progress
# row). One person cannot stand in for 64 connections here: 64 parallel views of one enrolment meet
# its row version and fail after the retries (see bench/README.md).
echo "$ACTIVITY_PATH" >"$OUT/read-path"
activity_wrk() {
  local saved=("${WRK_ARGS[@]}")
  WRK_ARGS=(-t"$THREADS" -c"$CONNECTIONS" --latency -s "$WRITE_LUA")
  WRK_TAIL=(-- "$OUT/learner-cookies" "$OUT/read-path" loop "$THREADS")
  run_wrk "$1" "$ACTIVITY_PATH" "$2"
  WRK_ARGS=("${saved[@]}"); WRK_TAIL=()
}
sign_in_teacher
say "warming up ($WARMUP each)"
run_wrk warmup-health /health "$WARMUP" >/dev/null
run_wrk warmup-course "$COURSE_PATH" "$WARMUP" -H "$COOKIE_HEADER" >/dev/null
activity_wrk warmup-activity "$WARMUP" >/dev/null

declare -a H_RPS C_RPS A_RPS C_RATIO A_RATIO ROWS
for round in $(seq 1 "$ROUNDS"); do
  sign_in_teacher
  run_wrk "round$round-health" /health "$DURATION"
  h_rps=${R[rps]}
  ROWS+=("| $round | /health | ${R[rps]} | ${R[p50_ms]} | ${R[p99_ms]} | ${R[non200]} | ${R[cpu_us_per_req]} | ${R[pg_us_per_req]} | ${R[load]} |")
  run_wrk "round$round-course" "$COURSE_PATH" "$DURATION" -H "$COOKIE_HEADER"
  C_RPS+=("${R[rps]}"); C_RATIO+=("$(awk -v d="${R[rps]}" -v h="$h_rps" 'BEGIN { printf "%.3f", d / h }')")
  ROWS+=("| $round | course | ${R[rps]} | ${R[p50_ms]} | ${R[p99_ms]} | ${R[non200]} | ${R[cpu_us_per_req]} | ${R[pg_us_per_req]} | ${R[load]} |")
  activity_wrk "round$round-activity" "$DURATION"
  A_RPS+=("${R[rps]}"); A_RATIO+=("$(awk -v d="${R[rps]}" -v h="$h_rps" 'BEGIN { printf "%.3f", d / h }')")
  ROWS+=("| $round | activity | ${R[rps]} | ${R[p50_ms]} | ${R[p99_ms]} | ${R[non200]} | ${R[cpu_us_per_req]} | ${R[pg_us_per_req]} | ${R[load]} |")
  H_RPS+=("$h_rps")
  say "round $round: course/health = ${C_RATIO[-1]}, activity/health = ${A_RATIO[-1]}"
done

# ---------------------------------------------------------------------------------------------- results
best() { printf '%s\n' "$@" | sort -g | tail -1; }
median() { printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END { m = NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; print m }'; }

mkdir -p "$(dirname "$RESULTS")"
COMMIT=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
git diff --quiet HEAD -- src 2>/dev/null || COMMIT="$COMMIT + uncommitted changes in src/"
CPU_MODEL=$(grep -m1 'model name' /proc/cpuinfo | sed 's/^[^:]*: *//')
MEM=$(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
RUNTIME=$(dotnet --list-runtimes | awk '/Microsoft.AspNetCore.App/ { v = $2 } END { print v }')
GC_SERVER=$(grep -o '"System.GC.Server": *[a-z]*' src/Lms.Web/bin/Release/net10.0/Lms.Web.runtimeconfig.json | sed 's/.*: *//' || echo default)

if [ ! -f "$RESULTS" ]; then
  cat >"$RESULTS" <<EOF
# Course and activity load benchmark, $(date +%F)

Written by \`bench/course.sh\` (see bench/README.md); each run appends a section. Targets: course and
activity page ≥ 4,000 requests/s with p99 < 50 ms at 64 connections; ≥ 5,000 activity completions/s
with 1,000 teachers at once. The robust numbers are the ratios page/health from the same round.

EOF
fi
{
  echo "## Run $(date '+%F %H:%M') — commit $COMMIT"
  echo
  [ -n "$NOTE" ] && { echo "$NOTE"; echo; }
  echo "- Machine: $(nproc) cores, $CPU_MODEL, $MEM; load average before the set-up: $LOAD_START"
  echo "- .NET $RUNTIME (Release build, Server GC: $GC_SERVER), ASPNETCORE_ENVIRONMENT=Staging; PostgreSQL $PG_VERSION ($PG_MODE)"
  echo "- Course: $ACTIVITIES Markdown page activities (\"viewed\" completes them) of $BODY_BYTES bytes of Thai each, built and published through the designer's pages; $ENROLLED enrolled (all teachers: the demo ones and $LEARNERS added for the bench)"
  echo
  echo "### 1. Reads (each activity view also writes: last activity of the enrolment, the progress row)"
  echo
  echo "\`wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency -s bench/status-check.lua -H \"Cookie: lms=...; lms-af=...\"\`, one round = /health, \`/Learn/Course/{id}\` signed in as \`teacher\` (session and antiforgery cookies, as a browser sends them back), \`/Learn/Activity/{id}/{first activity}\` opened by the $LEARNERS bench teachers in turn (\`-s bench/completions.lua ... loop\`; run after part 2, so every view is a repeated view), after a $WARMUP warm-up of each"
  echo
  echo "| round | endpoint | requests/s | p50 ms | p99 ms | non-200 | app CPU µs/request | PostgreSQL CPU µs/request | load avg before |"
  echo "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |"
  printf '%s\n' "${ROWS[@]}"
  echo
  echo "| | best | median |"
  echo "| --- | ---: | ---: |"
  echo "| course requests/s | $(best "${C_RPS[@]}") | $(median "${C_RPS[@]}") |"
  echo "| activity requests/s | $(best "${A_RPS[@]}") | $(median "${A_RPS[@]}") |"
  echo "| /health requests/s | $(best "${H_RPS[@]}") | $(median "${H_RPS[@]}") |"
  echo "| ratio course/health | $(best "${C_RATIO[@]}") | $(median "${C_RATIO[@]}") |"
  echo "| ratio activity/health | $(best "${A_RATIO[@]}") | $(median "${A_RATIO[@]}") |"
  echo
  echo "### 2. Completion writes"
  echo
  echo "$LEARNERS teachers signed in with curl (8 at a time, ${SIGN_IN_S}s), a $WARMUP warm-up of the activity page (\`teacher\`'s repeated views, one connection), then \`wrk -t$THREADS -c$WRITE_CONNECTIONS --latency -s bench/completions.lua\`: every (teacher, activity) pair opened once, requests in flight at the same time belong to different teachers; each view completes one activity (and the last one a teacher's course)."
  echo
  echo "| completions expected | completed | window (first → last completion) s | completions/s | courses completed | requests sent | p50 ms | p99 ms | app CPU µs/request | PostgreSQL CPU µs/request | load avg before |"
  echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |"
  echo "| $EXPECTED | $DONE | $(printf '%.2f' "$WINDOW_S") | $COMPLETIONS_PER_S | $COURSES_DONE | $W_SENT | $W_P50 | $W_P99 | $W_APP | $W_PG | $W_LOAD |"
  echo
  echo "completions/s = activity_progress rows of the bench teachers with completed_at_utc set ÷ (last − first completed_at_utc); CPU per request = the write run's CPU ÷ requests answered (a few requests after the last pair are repeated views)."
  echo
} >>"$RESULTS"
say "results appended to ${RESULTS#"$ROOT"/}"
