#!/usr/bin/env bash
# PLC room benchmark (issue 7): 1,000 teachers in 100 PLC groups keep their room pages open (WebSockets to /hubs/plc),
# each sends one message a second (1,000 messages/s in all) for 60 s; the delivery latency to every other member,
# then a check in PostgreSQL and on every client that no message was lost, doubled or delivered out of order; then
# idle connections are added until the app's memory per connection is clear (idle connections per GiB).
# See bench/README.md, "PLC rooms".
#
#   bench/plc.sh     build (Release) the app and bench/PlcLoad, fresh database, start the app (Staging, demo seed),
#                    add BENCH_TEACHERS (1000) teachers and BENCH_TEACHERS/BENCH_GROUP_SIZE groups of BENCH_GROUP_SIZE
#                    (10) with SQL, measure /health with wrk, run the load client, append a section to
#                    bench/results/YYYY-MM-DD-plc.md.
#
# Knobs: BENCH_TEACHERS (1000), BENCH_GROUP_SIZE (10), BENCH_RATE (1 message/s per teacher), BENCH_SECONDS (60),
# BENCH_WARMUP_S (20), BENCH_DRAIN_S (10), BENCH_IDLE (6000 idle connections; 0: none), BENCH_IDLE_STEP (1000),
# BENCH_IDLE_HUB (/hubs/plc), BENCH_PHASES ("rooms idle"), BENCH_REDIS=1 (the app with a private Redis as its SignalR
# backplane, as a scaled-out instance runs), BENCH_HEALTH_DURATION (10s, wrk), BENCH_MAX_LOAD (6) and
# BENCH_QUIET_WAIT (600 s): wait for the 1-minute load average to drop below BENCH_MAX_LOAD before measuring;
# BENCH_APP_PORT (5091), BENCH_APP_ENV (extra NAME=value settings for the app), BENCH_NOTE, BENCH_RESULTS,
# BENCH_NO_BUILD, BENCH_KEEP_DB, BENCH_PG* as in bench/dashboard.sh.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd -P)
OUT="$ROOT/bench/out/plc"
APP_PORT=${BENCH_APP_PORT:-5091}
TEACHERS=${BENCH_TEACHERS:-1000}
GROUP_SIZE=${BENCH_GROUP_SIZE:-10}
RATE=${BENCH_RATE:-1}
SECONDS_MEASURED=${BENCH_SECONDS:-60}
WARMUP_S=${BENCH_WARMUP_S:-20}
DRAIN_S=${BENCH_DRAIN_S:-10}
IDLE=${BENCH_IDLE:-6000}
IDLE_STEP=${BENCH_IDLE_STEP:-1000}
IDLE_HUB=${BENCH_IDLE_HUB:-/hubs/plc}
PHASES=${BENCH_PHASES:-rooms idle}
[ "$IDLE" = 0 ] && PHASES=${PHASES//idle/}
HEALTH_DURATION=${BENCH_HEALTH_DURATION:-10s}
MAX_LOAD=${BENCH_MAX_LOAD:-6}
QUIET_WAIT=${BENCH_QUIET_WAIT:-600}
NOTE=${BENCH_NOTE:-}
RESULTS=${BENCH_RESULTS:-$ROOT/bench/results/$(date +%F)-plc.md}
CLIENT_DLL="$ROOT/bench/PlcLoad/bin/Release/net10.0/PlcLoad.dll"
[ $((TEACHERS % GROUP_SIZE)) = 0 ] || { echo "bench: BENCH_TEACHERS must be a multiple of BENCH_GROUP_SIZE" >&2; exit 1; }
GROUPS_N=$((TEACHERS / GROUP_SIZE))

mkdir -p "$OUT"
rm -f "$OUT"/*.html "$OUT"/*.jar "$OUT"/*.txt "$OUT"/plc.md "$OUT"/plc.kv
# shellcheck source=bench/lib/app.sh
source "$ROOT/bench/lib/app.sh"

# Thousands of WebSockets on both ends (the app and the client are started from here and inherit it).
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"

REDIS_PIDFILE=""
REDIS_ADDRESS=""
plc_cleanup() {
  local rc=$?
  set +e   # a failing step here must not skip the rest (and "(exit $rc)" below must not end the trap)
  if [ -n "$REDIS_PIDFILE" ] && [ -f "$REDIS_PIDFILE" ]; then kill "$(cat "$REDIS_PIDFILE")" 2>/dev/null || true; fi
  (exit $rc); bench_cleanup
}
trap plc_cleanup EXIT INT TERM

bench_tools
bench_database
bench_build
if [ "${BENCH_NO_BUILD:-0}" != 1 ] || [ ! -f "$CLIENT_DLL" ]; then
  say "building bench/PlcLoad (Release) ..."
  dotnet build "$ROOT/bench/PlcLoad" -c Release -nologo -v q -nodeReuse:false -p:UseSharedCompilation=false \
    >"$OUT/client-build.log" 2>&1 || { tail -30 "$OUT/client-build.log" >&2; die "the load client did not build"; }
fi

# Each teacher signs in once (210,000 PBKDF2 iterations: a minute or more for 1,000 on 2 cores, not measured); the
# stamp check stays out of the run.
APP_SETTINGS=(Security__StampValidationSeconds=900)
if [ "${BENCH_REDIS:-0}" = 1 ]; then
  if ! command -v redis-server >/dev/null 2>&1; then
    [ "$(id -u)" = 0 ] || die "redis-server is not installed (apt-get install -y redis-server)"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server; } >&2 || die "could not install redis-server"
  fi
  port=$("$ROOT/scripts/pg.sh" freeport)
  mkdir -p "$OUT/redis"
  redis-server --port "$port" --bind 127.0.0.1 --save "" --appendonly no --daemonize yes \
    --pidfile "$OUT/redis/redis.pid" --dir "$OUT/redis" --logfile "$OUT/redis/redis.log" >&2
  REDIS_PIDFILE=$OUT/redis/redis.pid
  for _ in $(seq 1 50); do [ "$(redis-cli -p "$port" ping 2>/dev/null)" = PONG ] && break; sleep 0.1; done
  REDIS_ADDRESS=127.0.0.1:$port
  APP_SETTINGS+=(Redis__Connection="$REDIS_ADDRESS" Redis__ChannelPrefix=lms-bench)
  say "private Redis on $REDIS_ADDRESS (the app's SignalR backplane)"
fi
# shellcheck disable=SC2086
bench_start_app "${APP_SETTINGS[@]}" ${BENCH_APP_ENV:-}

# ---------------------------------------------------------------------------------------------- the groups
# BENCH_TEACHERS teachers plc1..plcN (the demo teacher's school, the demo password), and groups of GROUP_SIZE:
# group k holds plc((k-1)·size+1) … plc(k·size), the first one its facilitator.
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
say "adding $TEACHERS teachers and $GROUPS_N PLC groups of $GROUP_SIZE ..."
bench_add_teachers "$TEACHERS" plc
psql_db >/dev/null <<SQL
INSERT INTO plc_groups (id, name, school_id, subject_area, fiscal_year, created_by, created_at_utc, last_sequence)
SELECT md5('plc-group-' || k)::uuid, 'ชุมชนการเรียนรู้ทางวิชาชีพ กลุ่มที่ ' || k,
       (SELECT school_id FROM people p JOIN users u ON u.id = p.id WHERE u.user_name = 'teacher'), NULL, 2570,
       (SELECT id FROM users WHERE user_name = 'admin'), now(), 0
FROM generate_series(1, $GROUPS_N) k;
INSERT INTO plc_members (group_id, person_id, role, joined_at_utc, last_read_sequence)
SELECT md5('plc-group-' || ((n - 1) / $GROUP_SIZE + 1))::uuid, md5('plc-person-' || n)::uuid,
       CASE WHEN (n - 1) % $GROUP_SIZE = 0 THEN 1 ELSE 2 END, now(), 0
FROM generate_series(1, $TEACHERS) n;
SQL
MEMBERS=$(psql_db -At -c "SELECT count(*) FROM plc_members m JOIN users u ON u.id = m.person_id WHERE u.user_name LIKE 'plc%'")
[ "$MEMBERS" = "$TEACHERS" ] || die "expected $TEACHERS memberships, found $MEMBERS"

# ---------------------------------------------------------------------------------------------- measure
bench_wait_quiet "$MAX_LOAD" "$QUIET_WAIT"
# The app has just started: a 5 s round first, so /health is measured warm (JIT done), as in bench/course.sh.
wrk -t2 -c64 -d5s "$BASE/health" >/dev/null 2>&1 || true
say "wrk /health for $HEALTH_DURATION (64 connections, after a 5 s warm-up)"
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

say "running the load client: $TEACHERS teachers, phases: $PHASES"
CLIENT_RC=0
# The client stands in for 1,000 browsers in one process: its garbage collections must stay short, or they show up as
# delivery latency (a 16 MiB gen0; gen2 in the background; server GC paused longer here).
DOTNET_gcServer=0 DOTNET_gcConcurrent=1 DOTNET_GCgen0size=0x1000000 dotnet "$CLIENT_DLL" --base "$BASE" --pg "$CONNECTION" --user-prefix plc --teachers "$TEACHERS" \
  --password "$DEMO_PASSWORD" --app-pid "$APP_PID" --pg-pid "${PG_PID:-0}" --phases "$PHASES" --rate "$RATE" \
  --warmup-s "$WARMUP_S" --seconds "$SECONDS_MEASURED" --drain-s "$DRAIN_S" --idle "$IDLE" --idle-step "$IDLE_STEP" \
  --idle-hub "$IDLE_HUB" --md "$OUT/plc.md" --kv "$OUT/plc.kv" || CLIENT_RC=$?
[ -f "$OUT/plc.md" ] || die "the load client wrote no results (exit $CLIENT_RC)"
kv() { grep "^$1=" "$OUT/plc.kv" | tail -1 | cut -d= -f2-; }

# ---------------------------------------------------------------------------------------------- results
bench_machine
mkdir -p "$(dirname "$RESULTS")"
if [ ! -f "$RESULTS" ]; then
  cat >"$RESULTS" <<EOF2
# PLC room benchmark, $(date +%F)

Written by \`bench/plc.sh\` (see bench/README.md, "PLC rooms"); each run appends a section. Targets (issue 7):
1,000 connected clients in 100 rooms, 1,000 messages per second persisted and delivered for 60 s, p99 delivery
latency under 25 ms, zero lost or duplicated messages; and the count of idle connections one instance holds per GiB.

EOF2
fi
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b == 0) print "n/a"; else printf "%.3f", a / b }'; }
MSGS=$(kv messages_per_s || true)
P99=$(kv delivery_p99_ms || true)
LOST=$(kv lost || true); DOUBLED=$(kv doubled || true); OOO=$(kv out_of_order || true)
PERGIB=$(kv idle_connections_per_gib || true)
met() { awk -v v="$1" -v t="$2" -v op="$3" 'BEGIN { if (v == "") print "n/a"; else if ((op == "<" && v < t) || (op == ">=" && v >= t) || (op == "=" && v == t)) print "yes"; else print "**no**" }'; }
{
  FLAG=""; [ "$CLIENT_RC" = 0 ] || FLAG=" — **the client reported failures (exit $CLIENT_RC)**"
  echo "## Run $(date '+%F %H:%M') — commit $COMMIT$FLAG"
  echo
  [ -n "$NOTE" ] && { echo "$NOTE"; echo; }
  echo "- Machine: $(nproc) cores, $CPU_MODEL, $MEM; load average before the set-up: $LOAD_START, before /health: $HEALTH_LOAD"
  echo "- .NET $RUNTIME (Release build, Server GC: $GC_SERVER), ASPNETCORE_ENVIRONMENT=Staging; PostgreSQL $PG_VERSION ($PG_MODE); one app instance$([ -n "$REDIS_ADDRESS" ] && echo ", **with the Redis backplane** (private redis-server $(redis-server --version | grep -o 'v=[0-9.]*'))" || echo ", no Redis"); the client (bench/PlcLoad, .NET SignalR client over WebSockets) runs on the same 2 cores"
  echo "- wrk /health (\`wrk -t2 -c64 -d$HEALTH_DURATION\`): **${H[rps]} requests/s**, p50 ${H[p50_ms]} ms, p99 ${H[p99_ms]} ms; CPU per request app $H_APP µs, PostgreSQL $H_PG µs"
  echo "- Ratio: messages/s ÷ wrk /health requests/s = $(ratio "$MSGS" "${H[rps]}") (each message is also ${GROUP_SIZE} deliveries)"
  echo
  echo "| target (issue 7) | measured | met |"
  echo "| --- | --- | --- |"
  OFFERED=$(awk -v t="$TEACHERS" -v r="$RATE" 'BEGIN { printf "%d", t * r }')
  TRIAL=""; [ "$OFFERED" -lt 1000 ] || [ "$SECONDS_MEASURED" -lt 60 ] && TRIAL=" — trial: $OFFERED offered"
  echo "| 1,000 messages/s persisted and delivered for 60 s (${TEACHERS} clients, ${GROUPS_N} rooms$TRIAL) | ${MSGS:-n/a} messages/s for ${SECONDS_MEASURED} s | $( [ -n "$TRIAL" ] && echo "n/a (trial; kept up: $(met "${MSGS:-}" $((OFFERED * 975 / 1000)) ">="))" || met "${MSGS:-}" 975 ">=") |"
  echo "| p99 delivery latency < 25 ms | ${P99:-n/a} ms | $(met "${P99:-}" 25 "<") |"
  echo "| 0 lost, 0 duplicated | ${LOST:-n/a} lost, ${DOUBLED:-n/a} duplicated | $( [ "${LOST:-x}" = 0 ] && [ "${DOUBLED:-x}" = 0 ] && echo yes || echo "**no**") |"
  echo "| every member gets its room's messages in sequence order | ${OOO:-n/a} arrivals after a higher number (the page sorts by number) | $(met "${OOO:-}" 0 "=") |"
  echo "| idle connections per GiB | ${PERGIB:-n/a} | (recorded) |"
  echo
  cat "$OUT/plc.md"
} >>"$RESULTS"
say "results appended to ${RESULTS#"$ROOT"/}"
[ "$CLIENT_RC" = 0 ] || die "the load client reported failures (exit $CLIENT_RC); see the results"
