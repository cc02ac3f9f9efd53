#!/usr/bin/env bash
# R7 (issue 14): mixed soak over HTTP on the production jar (docs/reliability.md).
#   bench/soak/soak.sh <jar> <minutes> [out-dir]
# Starts the jar with the demo data (default profile: H2 file database in a fresh directory) on port
# ${SOAK_PORT:-18007} (management ${SOAK_MANAGEMENT_PORT:-19007}), heap ${SOAK_XMX:-768m}, GC log; runs
# bench/soak/Soak.java for <minutes>; stops the jar; draws heap-after-GC and p95-per-minute into soak.png; prints the
# figures (lines "R7 …") and the load average. Exit code 0 only with 0 errors.
set -euo pipefail
jar=$(realpath "$1"); minutes=$2
out=$(realpath -m "${3:-/tmp/ems-soak-$(date -u +%Y%m%dT%H%M%S)}")
here=$(cd "$(dirname "$0")" && pwd)
port=${SOAK_PORT:-18007}; mport=${SOAK_MANAGEMENT_PORT:-19007}
mkdir -p "$out/app"
echo "R7 machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at start, $(date -u +%FT%TZ)"
(cd "$out/app" && exec java -Xmx"${SOAK_XMX:-768m}" -Xlog:gc:file="$out/gc.log":uptime -jar "$jar" --server.port="$port" \
    --management.server.port="$mport" > "$out/app.log" 2>&1) &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true' EXIT
ok=0
for _ in $(seq 1 900); do
  if curl -fs "http://127.0.0.1:$port/readyz" > /dev/null; then ok=1; break; fi
  kill -0 "$pid" 2> /dev/null || break
  sleep 1
done
[[ $ok == 1 ]] || { echo "application did not become ready"; tail -40 "$out/app.log"; exit 1; }
rc=0
java "$here/Soak.java" "http://127.0.0.1:$port" "$minutes" "$out" | tee "$out/soak.txt" || rc=$?
echo "R7 load average at the end $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/soak.txt"
kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
java "$here/Soak.java" plot "$out/gc.log" "$out/requests.csv" "$out/soak.png" "$minutes min, $(date -u +%F)" | tee -a "$out/soak.txt"
grep -c "ERROR" "$out/app.log" | sed 's/^/R7 ERROR lines in the application log: /' | tee -a "$out/soak.txt" || true
exit $rc
