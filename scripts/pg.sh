#!/usr/bin/env bash
# A private PostgreSQL 15 cluster for development (./run.sh) and tests (./test.sh).
#
#   scripts/pg.sh start DATADIR PORT   initdb if needed, start on 127.0.0.1:PORT, ensure role+db "lms"
#   scripts/pg.sh stop DATADIR         stop it (fast mode); no-op when not running
#   scripts/pg.sh status DATADIR       print the port and exit 0 when running, exit 1 otherwise
#   scripts/pg.sh freeport             print a TCP port nobody listens on
#
# DATADIR layout: pgdata/ (the cluster), run/ (unix socket), log/postgres.log.
# Auth is "trust" for the local socket and 127.0.0.1: the cluster listens on loopback only and holds
# throw-away dev/test data. Role "lms" (password "lms", CREATEDB) owns database "lms".
# As root the cluster runs as the "postgres" user (PostgreSQL refuses to run as root); as any other
# user it runs as that user.
# Env: PG_FAST=1 turns durability off (fsync, synchronous_commit, full_page_writes) for test runs.
#      PG_BIN=folder with initdb/pg_ctl/postgres/psql (found automatically otherwise).
set -euo pipefail

die() { echo "pg.sh: $*" >&2; exit 1; }

find_pg_bin() {
  if [ -n "${PG_BIN:-}" ]; then
    [ -x "$PG_BIN/initdb" ] || die "PG_BIN=$PG_BIN has no initdb"
    return
  fi
  local d
  for d in /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin /usr/local/pgsql/bin; do
    if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then PG_BIN=$d; return; fi
  done
  if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    PG_BIN=$(dirname "$(readlink -f "$(command -v initdb)")"); return
  fi
  # Not installed: install Debian's server package, without letting it create and start its own
  # system cluster (we only ever use private clusters).
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "pg.sh: PostgreSQL server not found; installing Debian's postgresql-15 ..." >&2
    mkdir -p /etc/postgresql-common
    [ -e /etc/postgresql-common/createcluster.conf ] || echo "create_main_cluster = false" > /etc/postgresql-common/createcluster.conf
    apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 >&2 \
      || die "could not install postgresql-15"
    PG_BIN=/usr/lib/postgresql/15/bin; return
  fi
  die "PostgreSQL server binaries (initdb, pg_ctl) not found; install postgresql-15 or set PG_BIN"
}

# Run a command as the cluster's owner, from a directory that user can read.
as_pg() {
  if [ "$(id -u)" = 0 ]; then
    (cd / && runuser -u postgres -- "$@")
  else
    (cd / && "$@")
  fi
}

abspath() { mkdir -p "$1" && (cd "$1" && pwd -P); }

# PostgreSQL must be able to reach DATADIR: give "others" search (x) permission on each parent folder
# that lacks it (e.g. a checkout under /root). Search-only: nothing becomes listable or readable.
make_reachable() {
  local dir=$1
  [ "$(id -u)" = 0 ] || return 0
  if runuser -u postgres -- test -x "$dir" 2>/dev/null; then return 0; fi
  # top-down, so that each test sees its parents already opened
  local p="" part parts
  IFS=/ read -ra parts <<< "${dir#/}"
  for part in "${parts[@]}"; do
    p+="/$part"
    if ! runuser -u postgres -- test -x "$p" 2>/dev/null; then
      echo "pg.sh: chmod o+x $p (so the postgres user can reach $dir)" >&2
      chmod o+x "$p"
    fi
  done
}

# A port is taken when any socket listens on it (IPv4 or IPv6, any address).
port_in_use() {
  local hex f
  hex=$(printf '%04X' "$1")
  for f in /proc/net/tcp /proc/net/tcp6; do
    [ -r "$f" ] || continue
    # column 2 is local_address (ADDR:PORT in hex), column 4 the state; 0A = LISTEN
    if awk -v p=":$hex" 'NR > 1 && $4 == "0A" && substr($2, length($2) - 4) == p { found = 1 } END { exit !found }' "$f"; then
      return 0
    fi
  done
  # Fallback where /proc/net is not readable: try to connect.
  if [ ! -r /proc/net/tcp ]; then (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; fi
  return 1
}

freeport() {
  local i p
  # Below Linux's ephemeral range (32768+), so an outgoing connection cannot grab it meanwhile.
  for i in $(seq 1 200); do
    p=$(( 20000 + (RANDOM * 32768 + RANDOM) % 12000 ))
    if ! port_in_use "$p"; then echo "$p"; return 0; fi
  done
  die "no free port found"
}

# Port of a running cluster (4th line of postmaster.pid), or fail.
running_port() {
  local pgdata=$1/pgdata
  [ -f "$pgdata/postmaster.pid" ] || return 1
  as_pg "$PG_BIN/pg_ctl" status -D "$pgdata" >/dev/null 2>&1 || return 1
  sed -n 4p "$pgdata/postmaster.pid"
}

cmd_start() {
  [ $# -eq 2 ] || die "usage: pg.sh start DATADIR PORT"
  local datadir port pgdata rundir logdir sockdir
  datadir=$(abspath "$1"); port=$2
  [[ $port =~ ^[0-9]+$ ]] || die "PORT must be a number, got '$port'"
  find_pg_bin
  pgdata=$datadir/pgdata; rundir=$datadir/run; logdir=$datadir/log

  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || die "running as root but there is no 'postgres' user"
  fi
  mkdir -p "$rundir" "$logdir"
  if [ "$(id -u)" = 0 ]; then
    chown postgres: "$datadir" "$rundir" "$logdir"
    if [ -d "$pgdata" ]; then chown -R postgres: "$pgdata"; fi
    if [ -f "$logdir/postgres.log" ]; then chown postgres: "$logdir/postgres.log"; fi
    make_reachable "$datadir"
  fi

  local running
  if running=$(running_port "$datadir"); then
    if [ "$running" = "$port" ]; then
      echo "pg.sh: cluster in $datadir already running on port $port" >&2
      ensure_lms "$port"
      return 0
    fi
    die "cluster in $datadir is already running on port $running (asked for $port); stop it first"
  fi

  if [ ! -f "$pgdata/PG_VERSION" ]; then
    echo "pg.sh: creating cluster in $pgdata" >&2
    rm -rf "$pgdata"   # a half-made cluster from an interrupted initdb
    local initlog=$logdir/initdb.log
    : > "$initlog"
    if [ "$(id -u)" = 0 ]; then chown postgres: "$initlog"; fi
    if ! as_pg "$PG_BIN/initdb" -D "$pgdata" --username=postgres --auth=trust \
          --encoding=UTF8 --locale=C.UTF-8 >"$initlog" 2>&1; then
      # Older glibc without a C.UTF-8 locale.
      rm -rf "$pgdata"
      as_pg "$PG_BIN/initdb" -D "$pgdata" --username=postgres --auth=trust \
          --encoding=UTF8 --no-locale >"$initlog" 2>&1 || { cat "$initlog" >&2; die "initdb failed"; }
    fi
    # Only the loopback interface and the socket, all trusted (see the header).
    cat > "$pgdata/pg_hba.conf" <<'HBA'
# private dev/test cluster made by scripts/pg.sh: listens on 127.0.0.1 only
local   all   all                 trust
host    all   all   127.0.0.1/32  trust
host    all   all   ::1/128       trust
HBA
    if [ "$(id -u)" = 0 ]; then chown postgres: "$pgdata/pg_hba.conf"; fi
  fi

  # Unix socket paths are limited to ~107 bytes; with a deep DATADIR use TCP only.
  sockdir=$rundir
  if [ $(( ${#rundir} + 20 )) -gt 100 ]; then sockdir=""; fi

  local opts="-c listen_addresses=127.0.0.1 -c port=$port -c max_connections=300"
  opts+=" -c unix_socket_directories='$sockdir'"
  if [ "${PG_FAST:-0}" = 1 ]; then
    opts+=" -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  fi

  if port_in_use "$port"; then die "port $port is already in use"; fi
  if ! as_pg "$PG_BIN/pg_ctl" start -w -t 60 -D "$pgdata" -l "$logdir/postgres.log" -o "$opts" >/dev/null; then
    tail -n 30 "$logdir/postgres.log" >&2 || true
    die "PostgreSQL did not start (log: $logdir/postgres.log)"
  fi
  echo "pg.sh: PostgreSQL running on 127.0.0.1:$port (data: $pgdata)" >&2
  ensure_lms "$port"
}

# Role "lms" and database "lms", created once.
ensure_lms() {
  local port=$1
  local psql=("$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres -d postgres)
  "${psql[@]}" >/dev/null <<'SQL'
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'lms') THEN
    CREATE ROLE lms LOGIN PASSWORD 'lms' CREATEDB;
  END IF;
END $$;
SELECT 'CREATE DATABASE lms OWNER lms ENCODING ''UTF8'' TEMPLATE template0'
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'lms') \gexec
SQL
}

cmd_stop() {
  [ $# -eq 1 ] || die "usage: pg.sh stop DATADIR"
  local datadir=$1 pgdata
  [ -d "$datadir" ] || { echo "pg.sh: $datadir does not exist; nothing to stop" >&2; return 0; }
  datadir=$(cd "$datadir" && pwd -P)
  pgdata=$datadir/pgdata
  find_pg_bin
  if ! running_port "$datadir" >/dev/null; then
    echo "pg.sh: no cluster running in $datadir" >&2
    return 0
  fi
  as_pg "$PG_BIN/pg_ctl" stop -D "$pgdata" -m fast -w -t 60 >/dev/null
  echo "pg.sh: PostgreSQL in $datadir stopped" >&2
}

cmd_status() {
  [ $# -eq 1 ] || die "usage: pg.sh status DATADIR"
  [ -d "$1" ] || return 1
  find_pg_bin
  running_port "$(cd "$1" && pwd -P)"
}

case "${1:-}" in
  start)    shift; cmd_start "$@" ;;
  stop)     shift; cmd_stop "$@" ;;
  status)   shift; cmd_status "$@" ;;
  freeport) freeport ;;
  *) echo "usage: $0 start DATADIR PORT | stop DATADIR | status DATADIR | freeport" >&2; exit 2 ;;
esac
