#!/usr/bin/env bash
# Serve the LMS on http://localhost:5000, setting up what is missing.
#
# Uses the PostgreSQL in $ConnectionStrings__Lms when that is set; otherwise starts (and on exit
# stops) a private cluster whose data lives in ./.data/pg, on port 5433 or a free one.
# The app applies migrations and seeds the demo data itself when it starts.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
ROOT=$(pwd -P)
URL=http://localhost:5000

if ! command -v dotnet >/dev/null 2>&1; then
  echo "run.sh: 'dotnet' was not found on PATH. Install the .NET 10 SDK (https://dot.net) and try again." >&2
  exit 1
fi

# The web app's build installs the SignalR browser client from npm (src/Lms.Web/package.json): no CDN at run time.
if ! command -v npm >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "run.sh: installing nodejs and npm (the build takes the SignalR browser client from npm) ..." >&2
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm; } >/dev/null
  else
    echo "run.sh: 'npm' was not found. Install Node.js and npm (Debian: sudo apt-get install nodejs npm) and try again." >&2
    exit 1
  fi
fi

if (exec 3<>/dev/tcp/127.0.0.1/5000) 2>/dev/null; then
  echo "run.sh: something is already listening on port 5000; stop it first (is another ./run.sh running?)" >&2
  exit 1
fi

export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}

PG_DIR=$ROOT/.data/pg
STARTED_PG=0
cleanup() {
  local rc=$?
  trap - EXIT INT TERM HUP
  if [ "$STARTED_PG" = 1 ]; then
    echo "run.sh: stopping PostgreSQL ..." >&2
    scripts/pg.sh stop "$PG_DIR" || true
  fi
  exit "$rc"
}

if [ -n "${ConnectionStrings__Lms:-}" ]; then
  echo "run.sh: using the PostgreSQL named by ConnectionStrings__Lms" >&2
else
  trap cleanup EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  trap 'exit 129' HUP
  mkdir -p "$ROOT/.data"
  STARTED_PG=1
  if PG_PORT=$(scripts/pg.sh status "$PG_DIR" 2>/dev/null); then
    echo "run.sh: reusing the PostgreSQL already running on port $PG_PORT" >&2
  else
    PG_PORT=5433
    if (exec 3<>"/dev/tcp/127.0.0.1/$PG_PORT") 2>/dev/null; then
      PG_PORT=$(scripts/pg.sh freeport)
      echo "run.sh: port 5433 is taken by something else; using $PG_PORT for PostgreSQL" >&2
    fi
  fi
  scripts/pg.sh start "$PG_DIR" "$PG_PORT"
  export ConnectionStrings__Lms="Host=127.0.0.1;Port=$PG_PORT;Database=lms;Username=lms;Password=lms"
fi

echo
echo "  LMS: $URL   ($ASPNETCORE_ENVIRONMENT; first start builds and seeds, give it a minute)"
echo "  demo accounts: see README"
echo "  Ctrl-C stops it."
echo

# Not exec: the trap above must run after the app exits to stop PostgreSQL.
dotnet run --project src/Lms.Web -c Release -- --urls "$URL"
