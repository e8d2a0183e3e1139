#!/usr/bin/env bash
# Quiz load benchmark (issue 5): 250 teachers start the same quiz within one second and answer 20 questions; the
# sustained rate of answer saves and of graded submissions; and a check in PostgreSQL that no answer was lost.
# See bench/README.md, "Quizzes".
#
#   bench/quiz.sh    build (Release) the app and bench/QuizLoad, fresh database, start the app (Staging, demo seed),
#                    build a course with four quiz activities (a warm-up and one per phase) of the same 20 Thai multiple-choice questions through
#                    the designer's pages (the questions themselves are inserted into the course's bank with SQL),
#                    publish it, add BENCH_TEACHERS (250) teachers with SQL and enrol them with "enrol a group",
#                    measure /health with wrk, run bench/QuizLoad (storm, flat-out and sustained phases, one quiz
#                    each), append a section to bench/results/YYYY-MM-DD-quiz.md.
#
# Knobs: BENCH_TEACHERS (250), BENCH_THINK_MS (1000: storm phase, per question), BENCH_START_WINDOW_MS (1000),
# BENCH_SUSTAIN_S (30), BENCH_PAGE_LOOP_S (10), BENCH_SUBMIT_QUIZZES (120: quizzes for the sustained submits; 0: none), BENCH_WARMUP_TEACHERS (25), BENCH_WARMUP_S (90), BENCH_CLIENT_HEALTH_S (10), BENCH_PHASES ("storm flat sustained"), BENCH_RIGHT (0.75: share
# of right answers), BENCH_HEALTH_DURATION (10s, wrk), BENCH_MAX_LOAD (6) and BENCH_QUIET_WAIT (900 s): wait for the
# 1-minute load average to drop below BENCH_MAX_LOAD, at most BENCH_QUIET_WAIT seconds, before measuring;
# BENCH_APP_PORT (5090), BENCH_APP_ENV (extra NAME=value settings for the app), BENCH_PG_LOG_STATEMENTS, BENCH_NOTE, BENCH_RESULTS, BENCH_NO_BUILD, BENCH_KEEP_DB, BENCH_PG* as in bench/dashboard.sh.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd -P)
OUT="$ROOT/bench/out/quiz"
APP_PORT=${BENCH_APP_PORT:-5090}
TEACHERS=${BENCH_TEACHERS:-250}
THINK_MS=${BENCH_THINK_MS:-1000}
START_WINDOW_MS=${BENCH_START_WINDOW_MS:-1000}
SUSTAIN_S=${BENCH_SUSTAIN_S:-30}
CLIENT_HEALTH_S=${BENCH_CLIENT_HEALTH_S:-10}
PAGE_LOOP_S=${BENCH_PAGE_LOOP_S:-10}
WARMUP_TEACHERS=${BENCH_WARMUP_TEACHERS:-25}
WARMUP_S=${BENCH_WARMUP_S:-90}
PHASES=${BENCH_PHASES:-storm flat sustained}
SUBMIT_QUIZZES=${BENCH_SUBMIT_QUIZZES:-120}
RIGHT=${BENCH_RIGHT:-0.75}
HEALTH_DURATION=${BENCH_HEALTH_DURATION:-10s}
MAX_LOAD=${BENCH_MAX_LOAD:-6}
QUIET_WAIT=${BENCH_QUIET_WAIT:-900}
NOTE=${BENCH_NOTE:-}
RESULTS=${BENCH_RESULTS:-$ROOT/bench/results/$(date +%F)-quiz.md}
CLIENT_DLL="$ROOT/bench/QuizLoad/bin/Release/net10.0/QuizLoad.dll"

mkdir -p "$OUT"
rm -rf "$OUT"/*.html "$OUT"/*.jar "$OUT"/*.txt "$OUT"/quiz.md "$OUT"/quiz.kv
# shellcheck source=bench/lib/app.sh
source "$ROOT/bench/lib/app.sh"
trap bench_cleanup EXIT INT TERM

bench_tools
bench_database
bench_build
if [ "${BENCH_NO_BUILD:-0}" != 1 ] || [ ! -f "$CLIENT_DLL" ]; then
  say "building bench/QuizLoad (Release) ..."
  dotnet build "$ROOT/bench/QuizLoad" -c Release -nologo -v q -nodeReuse:false -p:UseSharedCompilation=false \
    >"$OUT/client-build.log" 2>&1 || { tail -30 "$OUT/client-build.log" >&2; die "the load client did not build"; }
fi
# Security:StampValidationSeconds=300 as in the other benchmarks: the whole client run (sign-in to the last submit)
# stays inside it, so no phase measures the once-a-minute re-validation of all 250 cookies in the same second.
# (The client keeps renewed cookies as a browser does, so a longer run would only add those checks.)
# BENCH_PG_LOG_STATEMENTS=1: PostgreSQL logs every statement of the benchmark database with its duration (to
# bench/out/quiz/pg/log/postgres.log), for finding where PostgreSQL's time goes; it slows PostgreSQL down.
if [ "${BENCH_PG_LOG_STATEMENTS:-0}" = 1 ]; then
  # a superuser setting: the private cluster trusts local connections, so ask as "postgres"
  PGPASSWORD=$PG_PASSWORD psql -X -q -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" -U postgres -d postgres \
    -c "ALTER DATABASE \"$DB\" SET log_min_duration_statement = 0" >/dev/null || die "could not turn on statement logging"
fi
# BENCH_APP_ENV: more settings for the app, e.g. "DOTNET_PerfMapEnabled=1" to profile it with perf.
# shellcheck disable=SC2086
bench_start_app Security__StampValidationSeconds=300 ${BENCH_APP_ENV:-}

# ---------------------------------------------------------------------------------------------- the course
# The quiz questions: 20 multiple choice, one right answer each, stored first (choices are shuffled per attempt,
# so nobody sees it first; GIFT files list it first too). Moodle's defaults otherwise: one question per page.
questions_sql() {
  local course=$1
  echo "INSERT INTO question_categories (id, course_id, parent_id, name, info, id_number)"
  echo "VALUES (md5('bench-category-$course')::uuid, '$course', NULL, 'คลังข้อสอบ การจัดการเรียนรู้เชิงรุก', '', NULL);"
  echo "WITH src (n, text, a, b, c, d) AS (VALUES"
  grep -v '^#' "$ROOT/bench/quiz-questions.tsv" | awk -F'\t' '
    function q(s) { gsub(/'\''/, "'\'''\''", s); return "'\''" s "'\''" }
    { printf "%s(%d, %s, %s, %s, %s, %s)", (NR > 1 ? ",\n" : ""), NR, q($1), q($2), q($3), q($4), q($5) }'
  cat <<SQL
), content AS (
  SELECT n, md5('bench-question-$course-' || n)::uuid AS id, 'ข้อ ' || lpad(n::text, 2, '0') || ' ' || left(text, 60) AS name,
         jsonb_build_object('type', 'multichoice', 'Name', 'ข้อ ' || lpad(n::text, 2, '0') || ' ' || left(text, 60), 'Text', text,
           'Format', 0, 'GeneralFeedback', 'ทบทวนได้ในหน่วยที่ 1 การเรียนรู้เชิงรุก', 'DefaultMark', 1, 'Files', '[]'::jsonb,
           'Choices', jsonb_build_array(
             jsonb_build_object('Text', a, 'Fraction', 1, 'Feedback', 'ถูกต้อง'),
             jsonb_build_object('Text', b, 'Fraction', 0, 'Feedback', 'ยังไม่ถูก ลองทบทวนอีกครั้ง'),
             jsonb_build_object('Text', c, 'Fraction', 0, 'Feedback', 'ยังไม่ถูก ลองทบทวนอีกครั้ง'),
             jsonb_build_object('Text', d, 'Fraction', 0, 'Feedback', 'ยังไม่ถูก ลองทบทวนอีกครั้ง')),
           'Single', true, 'Shuffle', true,
           'Feedback', jsonb_build_object('Correct', 'ตอบถูก', 'PartiallyCorrect', '', 'Incorrect', 'ตอบผิด')) AS content
  FROM src
), q AS (
  INSERT INTO questions (id, category_id, type, name, current_version, tags, created_at_utc, updated_at_utc, created_by, hidden)
  SELECT id, md5('bench-category-$course')::uuid, 'MultipleChoice', name, 1, ARRAY['bench'], now(), now(), NULL, false FROM content
  RETURNING id
)
INSERT INTO question_versions (question_id, version, content, created_by, created_at_utc)
SELECT id, 1, content, NULL, now() FROM content;
SQL
}

setup_course() {
  local jar="$OUT/designer.jar"
  sign_in_jar designer "$jar" || die "designer could not sign in"
  post "$jar" /Design/Courses/Edit 302 "Input.TitleTh=การจัดการเรียนรู้เชิงรุก: แบบทดสอบ (bench)" \
    "Input.CreditHours=6" "Input.FiscalYear=2570" "Input.SelfEnrolment=true"
  local structure=${LAST_LOCATION#"$BASE"}
  COURSE_ID=${structure##*/}
  [[ $COURSE_ID =~ ^[0-9a-f-]{36}$ ]] || die "no course id in $structure"
  post "$jar" "$structure?handler=AddSection" 302 "title=หน่วยที่ 1 แบบทดสอบ"
  curl -sS --fail -o "$OUT/structure.html" -b "$jar" "$BASE$structure"
  local section
  section=$(grep -o 'name="sectionId" value="[^"]*"' "$OUT/structure.html" | awk 'NR == 1' | sed 's/.*value="\([^"]*\)"/\1/')
  [ -n "$section" ] || die "no section on the structure page"
  local titles=("แบบทดสอบก่อนเรียน (storm)" "แบบทดสอบระหว่างเรียน (flat)" "แบบทดสอบหลังเรียน (sustained)" "แบบฝึกหัดลองทำ (warm-up)") title n
  # The sustained submits' quizzes: each teacher's attempt is copied into every one of them (see QuizLoad --submit-quizzes).
  for n in $(seq 1 "$SUBMIT_QUIZZES"); do titles+=("แบบทดสอบย่อยที่ $n (sustained submits)"); done
  for title in "${titles[@]}"; do
    post "$jar" "$structure?handler=AddActivity" 302 "sectionId=$section" "kind=Quiz" "title=$title"
  done
  curl -sS --fail -o "$OUT/structure.html" -b "$jar" "$BASE$structure"
  mapfile -t QUIZ_IDS < <(grep -o "/Design/Courses/Activity/$COURSE_ID/[0-9a-f-]*" "$OUT/structure.html" | awk '!seen[$0]++' | sed 's#.*/##')
  [ "${#QUIZ_IDS[@]}" = "${#titles[@]}" ] || die "expected ${#titles[@]} quiz activities on the structure page, found ${#QUIZ_IDS[@]}"

  questions_sql "$COURSE_ID" | psql_db >/dev/null
  mapfile -t QUESTION_IDS < <(psql_db -At -c "SELECT q.id FROM questions q JOIN question_categories c ON c.id = q.category_id WHERE c.course_id = '$COURSE_ID' ORDER BY q.name")
  [ "${#QUESTION_IDS[@]}" = 20 ] || die "expected 20 questions in the course's bank, found ${#QUESTION_IDS[@]}"
  local quiz k=0 ids=()
  for id in "${QUESTION_IDS[@]}"; do ids+=("questionIds=$id"); done
  for quiz in "${QUIZ_IDS[@]}"; do
    local editor="/Design/Quizzes/Edit/$COURSE_ID/$quiz"
    post "$jar" "$editor?handler=AddQuestions" 302 "${ids[@]}" "mark=1"
    # A pre-test as a training centre sets it: 30 minutes, one attempt, one question per page, questions shuffled,
    # score and feedback after submitting, right answers only once the quiz closes.
    post "$jar" "$editor?handler=Settings" 302 "Input.Title=${titles[$k]}" \
      "Input.Intro=ตอบคำถาม 20 ข้อ ข้อละ 1 คะแนน ภายใน 30 นาที ระบบบันทึกคำตอบให้ทันทีที่เลือก" \
      "Input.OpensAtLocal=" "Input.ClosesAtLocal=" "Input.TimeLimitMinutes=30" "Input.AttemptsAllowed=1" \
      "Input.GradingMethod=Highest" "Input.PassPercent=60" "Input.ShuffleQuestions=true" "Input.QuestionsPerPage=1" \
      "Input.ShowScore=AfterSubmit" "Input.ShowFeedback=AfterSubmit" "Input.ShowRightAnswers=AfterClose" "Input.Role=Ordinary"
    k=$((k + 1))
  done
  local slots
  slots=$(psql_db -At -c "SELECT string_agg(jsonb_array_length(slots)::text || '/' || questions_per_page || '/' || attempts_allowed || '/' || coalesce(extract(epoch FROM time_limit)::int, 0), ' ') FROM quizzes WHERE course_id = '$COURSE_ID'")
  [ "$slots" = "$(printf '20/1/1/1800 %.0s' "${titles[@]}" | sed 's/ $//')" ] || die "the quizzes were not set up as expected (slots/per page/attempts/limit: $slots)"
  post "$jar" "$structure?handler=Publish" 302
  [ "$(psql_db -At -c "SELECT count(*) FROM course_versions WHERE course_id = '$COURSE_ID'")" = 1 ] || die "the course was not published"

  bench_add_teachers "$TEACHERS" bench
  post "$jar" "/Design/Courses/Enrol/$COURSE_ID?handler=Group" 302 "position=Teacher"
  ENROLLED=$(psql_db -At -c "SELECT count(*) FROM enrolments WHERE course_id = '$COURSE_ID'")
  local bench_enrolled
  bench_enrolled=$(psql_db -At -c "SELECT count(*) FROM enrolments e JOIN users u ON u.id = e.person_id WHERE e.course_id = '$COURSE_ID' AND u.user_name LIKE 'bench%'")
  [ "$bench_enrolled" = "$TEACHERS" ] || die "expected $TEACHERS bench teachers enrolled, found $bench_enrolled"
  say "course $COURSE_ID: ${#QUIZ_IDS[@]} quizzes of 20 questions (${QUIZ_IDS[*]:0:4} and $SUBMIT_QUIZZES for the sustained submits), $ENROLLED enrolled ($TEACHERS bench teachers)"
}

LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
say "building the course and its quizzes through the designer's pages ..."
setup_course

# ---------------------------------------------------------------------------------------------- measure
bench_wait_quiet "$MAX_LOAD" "$QUIET_WAIT"
say "wrk /health for $HEALTH_DURATION (64 connections)"
HEALTH_LOAD=$(cut -d' ' -f1-3 /proc/loadavg)
a0=$(app_cpu_ticks); p0=$(pg_tree_cpu_ticks)
wrk -t2 -c64 -d"$HEALTH_DURATION" --latency -s "$ROOT/bench/status-check.lua" "$BASE/health" >"$OUT/health.txt" 2>&1 \
  || { cat "$OUT/health.txt" >&2; die "wrk /health failed"; }
a1=$(app_cpu_ticks); p1=$(pg_tree_cpu_ticks)
line=$(grep '^bench: requests=' "$OUT/health.txt") || { cat "$OUT/health.txt" >&2; die "wrk printed no bench: line"; }
declare -A H=()
for kv in ${line#bench: }; do H[${kv%%=*}]=${kv#*=}; done
[ "${H[non200]}" = 0 ] || { cat "$OUT/health.txt" >&2; die "/health answered non-200"; }
H_APP=$(per_request $((a1 - a0)) "${H[requests]}")
H_PG=n/a; [ "$p0" != n/a ] && [ "$p1" != n/a ] && H_PG=$(per_request $((p1 - p0)) "${H[requests]}")
say "/health: ${H[rps]} req/s, p50 ${H[p50_ms]} ms, p99 ${H[p99_ms]} ms, CPU/request app $H_APP µs, PostgreSQL $H_PG µs"

client_args=(--base "$BASE" --pg "$CONNECTION" --course "$COURSE_ID" --teachers "$TEACHERS" --user-prefix bench
  --password "$DEMO_PASSWORD" --app-pid "$APP_PID" --pg-pid "${PG_PID:-0}" --start-window-ms "$START_WINDOW_MS"
  --think-ms "$THINK_MS" --sustain-s "$SUSTAIN_S" --health-s "$CLIENT_HEALTH_S" --right "$RIGHT"
  --page-loop-s "$PAGE_LOOP_S" --warmup "${QUIZ_IDS[3]}" --warmup-teachers "$WARMUP_TEACHERS" --warmup-s "$WARMUP_S"
  --md "$OUT/quiz.md" --kv "$OUT/quiz.kv")
for phase in $PHASES; do
  case $phase in
    storm) client_args+=(--storm "${QUIZ_IDS[0]}") ;;
    flat) client_args+=(--flat "${QUIZ_IDS[1]}") ;;
    sustained)
      client_args+=(--sustained "${QUIZ_IDS[2]}")
      if [ "$SUBMIT_QUIZZES" -gt 0 ]; then client_args+=(--submit-quizzes "$(IFS=,; echo "${QUIZ_IDS[*]:4}")"); fi
      ;;
    *) die "unknown phase $phase in BENCH_PHASES" ;;
  esac
done
say "running the load client: $TEACHERS teachers, phases: $PHASES"
CLIENT_RC=0
DOTNET_gcServer=0 dotnet "$CLIENT_DLL" "${client_args[@]}" || CLIENT_RC=$?
[ -f "$OUT/quiz.md" ] || die "the load client wrote no results (exit $CLIENT_RC)"
kv() { grep "^$1=" "$OUT/quiz.kv" | tail -1 | cut -d= -f2-; }

# ---------------------------------------------------------------------------------------------- results
bench_machine
mkdir -p "$(dirname "$RESULTS")"
if [ ! -f "$RESULTS" ]; then
  cat >"$RESULTS" <<EOF
# Quiz load benchmark, $(date +%F)

Written by \`bench/quiz.sh\` (see bench/README.md, "Quizzes"); each run appends a section. Targets (issue 5): 250
teachers start the same quiz within one second and submit 20 answers each with the p99 of a page under 100 ms and
no lost answer; at least 2,000 graded submissions/s sustained on this machine.

EOF
fi
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b == 0) print "n/a"; else printf "%.3f", a / b }'; }
SAVES=$(kv sustained_saves_per_s || true)
CLIENT_HEALTH=$(kv client_health_rps || true)
{
  FLAG=""; [ "$CLIENT_RC" = 0 ] || FLAG=" — **the client reported failures or lost answers (exit $CLIENT_RC)**"
  echo "## Run $(date '+%F %H:%M') — commit $COMMIT$FLAG"
  echo
  [ -n "$NOTE" ] && { echo "$NOTE"; echo; }
  echo "- Machine: $(nproc) cores, $CPU_MODEL, $MEM; load average before the set-up: $LOAD_START, before /health: $HEALTH_LOAD"
  echo "- .NET $RUNTIME (Release build, Server GC: $GC_SERVER), ASPNETCORE_ENVIRONMENT=Staging; PostgreSQL $PG_VERSION ($PG_MODE); the client (bench/QuizLoad) runs on the same 2 cores"
  echo "- Course built and published through the designer's pages: ${#QUIZ_IDS[@]} quiz activities (a warm-up, one per phase and $SUBMIT_QUIZZES for the sustained submits) of the same 20 Thai multiple-choice questions (4 choices, shuffled; 1 per page; 30-minute limit; 1 attempt); $ENROLLED enrolled ($TEACHERS bench teachers); answers right with probability $RIGHT"
  echo "- wrk /health (\`wrk -t2 -c64 -d$HEALTH_DURATION\`): **${H[rps]} requests/s**, p50 ${H[p50_ms]} ms, p99 ${H[p99_ms]} ms; CPU per request app $H_APP µs, PostgreSQL $H_PG µs"
  echo "- Ratios: answer saves/s ÷ wrk /health = $(ratio "$SAVES" "${H[rps]}"); ÷ /health through the load client = $(ratio "$SAVES" "$CLIENT_HEALTH")"
  echo
  cat "$OUT/quiz.md"
} >>"$RESULTS"
say "results appended to ${RESULTS#"$ROOT"/}"
[ "$CLIENT_RC" = 0 ] || die "the load client reported failures or lost answers (exit $CLIENT_RC); see the results"
