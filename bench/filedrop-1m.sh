#!/usr/bin/env bash
# File drop benchmark: a canonical CSV of N rows (default 1,000,000) dropped into inbox/syntch, read by
# the packaged gateway under -Xmx256m against a fast stub Syntch (nginx answering at once). Reports
# records per second, the JVM's peak heap (jstat) and peak RSS (VmHWM). Not part of CI.
# Usage: bench/filedrop-1m.sh [rows] [parallelism]     needs: apt-get install nginx
# The ledger is a SQLite file in a temp dir, or LEDGER_URL (and LEDGER_USERNAME), e.g. a PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${1:-1000000}
PARALLELISM=${2:-8}
STUB_PORT=18091
GATEWAY_PORT=18090
WORK=$(mktemp -d)
trap 'kill $GATEWAY_PID $JSTAT_PID 2>/dev/null || true; nginx -p "$WORK" -c nginx.conf -s stop 2>/dev/null || true; rm -rf "$WORK"' EXIT
[ -f target/customer-gateway.jar ] || mvn -q -B -DskipTests package

mkdir -p "$WORK/logs"
cat > "$WORK/nginx.conf" <<NGINX
worker_processes 1;
error_log $WORK/logs/error.log warn;
pid $WORK/nginx.pid;
events { worker_connections 1024; }
http {
  access_log off;
  server {
    listen 127.0.0.1:$STUB_PORT;
    location = /customers { default_type application/json; return 200 '{"CustomerKey":5001,"CustomerID":"X"}'; }
  }
}
NGINX
nginx -p "$WORK" -c nginx.conf

echo "writing $ROWS rows"
python3 - "$WORK/big.csv" "$ROWS" <<'PY'
import sys
path, rows = sys.argv[1], int(sys.argv[2])
cols = "customer_id,name,status,since,locale,merchant_key,first_name,last_name,job_title,department,email,phone,evening_phone,mobile,fax,ship_line1,ship_line2,ship_line3,ship_city,ship_region,ship_postal_code,ship_country,bill_line1,bill_line2,bill_line3,bill_city,bill_region,bill_postal_code,bill_country"
with open(path, "w") as f:
    f.write(cols + "\n")
    for i in range(rows):
        f.write(f'B-{i},"Bench Customer {i}, Ltd",ACTIVE,2024-03-01T09:30:00.000Z,en,4711,Ada,Lovelace,CFO,Finance,ada{i}@acme.test,+1 416 555 0100,,,,{i} Main Street,Suite 4,,Toronto,ON,M5V 2T6,CAN,,,,,,,\n')
PY
ls -la "$WORK/big.csv"

GATEWAY_SANDBOX_SIMULATORS=false CAMEL_SERVER_PORT=$GATEWAY_PORT \
GATEWAY_SYNTCH_BASE_URL=http://127.0.0.1:$STUB_PORT GATEWAY_SYNTCH_USERNAME=bench GATEWAY_SYNTCH_PASSWORD=bench \
GATEWAY_SIMPLEPIN_BASE_URL=http://127.0.0.1:$STUB_PORT GATEWAY_FILEDROP_DIR="$WORK/drop" \
GATEWAY_LEDGER_URL="${LEDGER_URL:-jdbc:sqlite:$WORK/ledger.db}" GATEWAY_LEDGER_USERNAME="${LEDGER_USERNAME:-}" GATEWAY_FILEDROP_PARALLELISM=$PARALLELISM \
  java -Xmx256m ${JAVA_OPTS:-} -jar target/customer-gateway.jar > "$WORK/gateway.log" 2>&1 &
GATEWAY_PID=$!
for _ in $(seq 1 60); do curl -s -o /dev/null "http://127.0.0.1:$GATEWAY_PORT/api/v1/filedrop/status" && break; sleep 1; done
jstat -gc "$GATEWAY_PID" 1000 > "$WORK/jstat.txt" &
JSTAT_PID=$!

START=$(date +%s.%N)
mv "$WORK/big.csv" "$WORK/drop/inbox/syntch/big.csv"
while [ ! -f "$WORK/drop/done/big.csv" ]; do
  kill -0 "$GATEWAY_PID" 2>/dev/null || { echo "the gateway stopped:"; tail -20 "$WORK/gateway.log"; exit 1; }
  sleep 1
done
LEDGER_BYTES=$( (du -cb "$WORK"/ledger* 2>/dev/null || true) | tail -1 | cut -f1); LEDGER_BYTES=${LEDGER_BYTES:-0}
END=$(date +%s.%N)

RSS_KB=$(awk '/VmHWM/ {print $2}' /proc/$GATEWAY_PID/status)
HEAP_KB=$(awk 'NR > 1 && $1 != "S0C" {used = $3 + $4 + $6 + $8; if (used > max) max = used} END {printf "%d", max}' "$WORK/jstat.txt")
LINES=$(($(wc -l < "$WORK/drop/reports/big.csv.report.csv") - 1))
CREATED=$(grep -c ',CREATED,' "$WORK/drop/reports/big.csv.report.csv" || true)
grep "file drop progress" "$WORK/gateway.log" | tail -3
awk -v s="$START" -v e="$END" -v n="$ROWS" -v h="$HEAP_KB" -v r="$RSS_KB" -v l="$LINES" -v c="$CREATED" -v lb="$LEDGER_BYTES" 'BEGIN {
  printf "rows %d, report lines %d, created %d, ledger file %.0f MiB\n", n, l, c, lb / 1048576;
  printf "%.1f s, %.0f records/s, peak heap %.0f MiB (-Xmx256m), peak RSS %.0f MiB\n", e - s, n / (e - s), h / 1024, r / 1024 }'
