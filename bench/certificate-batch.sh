#!/usr/bin/env bash
# Certificate batch benchmark (issue 6): an administrator issues certificates to BENCH_PEOPLE (1,000) people of a
# training event in one batch; measured from the moment the batch is recorded to the moment its job marks it finished
# (numbered, drawn as PDF with the Thai font, stored, all in PostgreSQL and the local file store). Then checks that
# everyone got exactly one, numbers follow without a gap, and every PDF is on disk. Appends to
# bench/results/YYYY-MM-DD-certificate-batch.md. Target: at least 100 certificates per second end to end.
#
# Knobs: BENCH_PEOPLE (1000), BENCH_HEALTH_DURATION (10s), BENCH_MAX_LOAD (6), BENCH_QUIET_WAIT (600), BENCH_NOTE,
# BENCH_APP_ENV (extra NAME=value settings), and those of bench/lib/app.sh.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd -P)
OUT="$ROOT/bench/out/certificate-batch"
APP_PORT=${BENCH_APP_PORT:-5095}
PEOPLE=${BENCH_PEOPLE:-1000}
HEALTH_DURATION=${BENCH_HEALTH_DURATION:-10s}
MAX_LOAD=${BENCH_MAX_LOAD:-6}
QUIET_WAIT=${BENCH_QUIET_WAIT:-600}
NOTE=${BENCH_NOTE:-}
RESULTS=${BENCH_RESULTS:-$ROOT/bench/results/$(date +%F)-certificate-batch.md}
FILES="$OUT/files"

mkdir -p "$OUT"
rm -rf "$FILES" "$OUT"/*.txt "$OUT"/*.html "$OUT"/*.jar
# shellcheck source=bench/lib/app.sh
source "$ROOT/bench/lib/app.sh"
trap bench_cleanup EXIT INT TERM

bench_tools
bench_database
bench_build
# The demo courses seed the office's standard certificate design (a fixed id) that the event uses.
# shellcheck disable=SC2086
bench_start_app Seed__DemoCourses=true FileStore__LocalPath="$FILES" App__PublicBaseUrl="$BASE" ${BENCH_APP_ENV:-}
bench_machine

say "adding $PEOPLE people (SQL)"
bench_add_teachers "$PEOPLE" cert
sign_in_jar admin "$OUT/admin.jar" || die "admin could not sign in"
post "$OUT/admin.jar" /Admin/Certificates/Events 302 "Input.Name=ประชุมเชิงปฏิบัติการครูทั้งเขตพื้นที่ (bench)" \
  "Input.HeldOn=2026-11-20" "Input.CreditHours=6" "Input.TemplateId=5eed0c00-0000-4000-8000-00000000c001"
EVENT=${LAST_LOCATION##*/}
LIST=$(seq -f "cert%g" 1 "$PEOPLE")

bench_wait_quiet "$MAX_LOAD" "$QUIET_WAIT"
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
say "wrk /health for $HEALTH_DURATION (64 connections)"
wrk -t2 -c64 -d"$HEALTH_DURATION" --latency -s "$ROOT/bench/status-check.lua" "$BASE/health" >"$OUT/health.txt" 2>&1 \
  || { cat "$OUT/health.txt" >&2; die "wrk /health failed"; }
HEALTH_RPS=$(grep -o 'rps=[0-9.]*' "$OUT/health.txt" | head -1 | cut -d= -f2)

APP0=$(app_cpu_ticks); PG0=$(pg_tree_cpu_ticks)
say "issuing $PEOPLE certificates in one batch"
post "$OUT/admin.jar" "/Admin/Certificates/Batch/$EVENT" 302 "People=$LIST"
BATCH=${LAST_LOCATION##*/}
for i in $(seq 1 1200); do
  done_flag=$(psql_db -Atc "SELECT finished_at_utc IS NOT NULL FROM certificate_batches WHERE id = '$BATCH'")
  [ "$done_flag" = t ] && break
  [ "$i" = 1200 ] && die "the batch did not finish within 10 minutes"
  sleep 0.5
done
APP1=$(app_cpu_ticks); PG1=$(pg_tree_cpu_ticks)

# Server-side times: recorded (the administrator's click) → finished (the job's last statement).
read -r SECONDS_TAKEN ISSUED PERSONS MIN_N MAX_N FILES_SET < <(psql_db -AtF' ' -c "
  SELECT round(extract(epoch FROM b.finished_at_utc - b.requested_at_utc)::numeric, 2),
         count(c.id), count(DISTINCT c.person_id), min(c.running_number), max(c.running_number), count(c.file_key)
  FROM certificate_batches b LEFT JOIN certificates c ON c.batch_id = b.id WHERE b.id = '$BATCH'
  GROUP BY b.finished_at_utc, b.requested_at_utc")
ON_DISK=$(find "$FILES" -type f -not -path '*/.tmp/*' -not -name '*.json' | wc -l)
PDF_BYTES=$(find "$FILES" -type f -not -path '*/.tmp/*' -not -name '*.json' -printf '%s\n' | awk '{ s += $1 } END { printf "%.0f", (NR ? s / NR : 0) }')
RATE=$(awk -v n="$ISSUED" -v s="$SECONDS_TAKEN" 'BEGIN { printf "%.1f", (s > 0 ? n / s : 0) }')
APP_CPU=$(per_request $((APP1 - APP0)) "$ISSUED")
PG_CPU=$([ "$PG0" = n/a ] && echo n/a || per_request $((PG1 - PG0)) "$ISSUED")
MET=$(awk -v r="$RATE" 'BEGIN { print (r >= 100 ? "yes" : "**no**") }')
EXACT=$([ "$ISSUED" = "$PEOPLE" ] && [ "$PERSONS" = "$PEOPLE" ] && [ "$FILES_SET" = "$PEOPLE" ] \
  && [ $((MAX_N - MIN_N + 1)) = "$PEOPLE" ] && [ "$ON_DISK" -ge "$PEOPLE" ] && echo yes || echo "**no**")
RATIO=$(awk -v r="$RATE" -v h="$HEALTH_RPS" 'BEGIN { printf "%.4f", (h > 0 ? r / h : 0) }')

mkdir -p "$(dirname "$RESULTS")"
{
  [ -s "$RESULTS" ] || printf '# Certificate batch benchmark — %s\n\nProduced by `bench/certificate-batch.sh`; each run appends a section.\n' "$(date +%F)"
  echo
  echo "## Run $(date '+%F %H:%M') — commit $COMMIT"
  [ -n "$NOTE" ] && { echo; echo "$NOTE"; }
  echo
  echo "- Machine: $(nproc) cores, $CPU_MODEL, $MEM; load average before: $LOAD_BEFORE; .NET $RUNTIME (Release, Server GC: $GC_SERVER), Staging"
  echo "- One batch of $PEOPLE people for a training event, the demo office's standard design (A4 landscape, Sarabun, two signatures, QR code), local file store"
  echo "- wrk /health (\`wrk -t2 -c64 -d$HEALTH_DURATION\`): $HEALTH_RPS requests/s"
  echo
  echo "| | measured |"
  echo "| --- | --- |"
  echo "| batch recorded → finished (server clock) | $SECONDS_TAKEN s |"
  echo "| certificates per second end to end | **$RATE** (target ≥ 100: $MET) |"
  echo "| ratio to /health requests/s | $RATIO |"
  echo "| CPU per certificate | app $APP_CPU µs, PostgreSQL $PG_CPU µs |"
  echo "| issued / people / with PDF / on disk | $ISSUED / $PERSONS / $FILES_SET / $ON_DISK |"
  echo "| running numbers | $MIN_N … $MAX_N (exactly one each, no gap: $EXACT) |"
  echo "| average PDF size | $PDF_BYTES bytes |"
} >>"$RESULTS"
say "$ISSUED certificates in $SECONDS_TAKEN s = $RATE/s (target 100/s: $MET); exact: $EXACT"
say "results appended to ${RESULTS#"$ROOT"/}"
