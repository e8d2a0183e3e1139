#!/usr/bin/env bash
# Certificate rendering speed (bench/README.md, "Certificates"): renders in process, no app or database needed.
# Usage: bench/certificates.sh [count=200]    — appends the output to bench/results/YYYY-MM-DD-certificates.md
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-200}"
out="bench/results/$(date -u +%F)-certificates.md"
dotnet build bench/CertRender -c Release -v q -nologo >/dev/null
load="$(cut -d' ' -f1-3 /proc/loadavg)"
result="$(dotnet bench/CertRender/bin/Release/net10.0/CertRender.dll "$count")"
{
  echo
  echo "## $(date -u '+%F %H:%M') UTC — $(git rev-parse --short HEAD)${BENCH_NOTE:+ — $BENCH_NOTE}"
  echo
  echo "load average before: $load"
  echo
  echo '```'
  echo "$result"
  echo '```'
} >> "$out"
echo "$result"
echo "(appended to $out)"
