#!/usr/bin/env bash
# Load: requests per second and latency through the gateway (POST /api/v1/customers, target syntch)
# to a fast stub vendor, beside the same load through an nginx reverse proxy to the same stub: the
# cost of one proxy hop on this machine. Not part of CI. Needs wrk and nginx (apt-get install wrk nginx).
# Usage: bench/dispatch-load.sh [seconds per run, default 20] [connections, default 32]
# The ledger is a SQLite file in a temp dir, or LEDGER_URL (and LEDGER_USERNAME), e.g. a PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_RUN=${1:-20}
CONNECTIONS=${2:-32}
STUB_PORT=18081
PROXY_PORT=18082
GATEWAY_PORT=18080
WORK=$(mktemp -d)
trap 'kill $GATEWAY_PID 2>/dev/null || true; nginx -p "$WORK" -c nginx.conf -s stop 2>/dev/null || true; rm -rf "$WORK"' EXIT

[ -f target/customer-gateway.jar ] || mvn -q -B -DskipTests package

# The stub vendor answers every PostCustomer at once; the proxy is one nginx hop in front of it.
mkdir -p "$WORK/logs"
cat > "$WORK/nginx.conf" <<NGINX
worker_processes auto;
error_log $WORK/logs/error.log warn;
pid $WORK/nginx.pid;
events { worker_connections 1024; }
http {
  access_log off;
  upstream stub { server 127.0.0.1:$STUB_PORT; keepalive 64; }
  server {
    listen 127.0.0.1:$STUB_PORT;
    location = /customers {
      default_type application/json;
      return 200 '{"CustomerKey":5001,"CustomerID":"C-1001","CustomerName":"Acme Hardware Ltd","ActivationStatus":"Active","MerchantKey":4711,"CreationTimestamp":"2026-11-22T09:30:00.0000000"}';
    }
  }
  server {
    listen 127.0.0.1:$PROXY_PORT;
    location / { proxy_pass http://stub; proxy_http_version 1.1; proxy_set_header Connection ""; }
  }
}
NGINX
nginx -p "$WORK" -c nginx.conf

GATEWAY_SANDBOX_SIMULATORS=false CAMEL_SERVER_PORT=$GATEWAY_PORT CAMEL_MANAGEMENT_PORT=$((GATEWAY_PORT + 1000)) \
GATEWAY_DEFAULT_TARGET=syntch GATEWAY_LEDGER_URL="${LEDGER_URL:-jdbc:sqlite:$WORK/ledger.db}" GATEWAY_LEDGER_USERNAME="${LEDGER_USERNAME:-}" GATEWAY_FILEDROP_DIR="$WORK/drop" \
GATEWAY_ESB_EMBEDDED_BROKER_ENABLED=false GATEWAY_ESB_ENABLED=false \
GATEWAY_SYNTCH_BASE_URL=http://127.0.0.1:$STUB_PORT GATEWAY_SYNTCH_USERNAME=bench GATEWAY_SYNTCH_PASSWORD=bench \
GATEWAY_SIMPLEPIN_BASE_URL=http://127.0.0.1:$STUB_PORT \
  java -Xmx512m -jar target/customer-gateway.jar > "$WORK/gateway.log" 2>&1 &
GATEWAY_PID=$!
for _ in $(seq 1 60); do
  curl -s -o /dev/null "http://127.0.0.1:$GATEWAY_PORT/api/v1/schemas/canonical" && break
  sleep 1
done

# every request a new customer id: a repeat would be answered from the ledger without a vendor call
BODY=$(tr -d '\n' < src/test/resources/fixtures/canonical-customer.json | sed 's/"/\\"/g')
cat > "$WORK/post.lua" <<LUA
local threads = 0
local template = "$BODY"
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end
function init(args)
  counter = 0
  run = tostring(os.time())
end
function request()
  counter = counter + 1
  local body = string.gsub(template, "C%-1001", "W-" .. run .. "-" .. tid .. "-" .. counter)
  return wrk.format("POST", nil, {["Content-Type"] = "application/json"}, body)
end
LUA

run() { wrk -t2 -c"$CONNECTIONS" -d"$1"s --latency -s "$WORK/post.lua" "$2"; }
echo "warming the gateway's JVM up (10 s)"; run 10 "http://127.0.0.1:$GATEWAY_PORT/api/v1/customers" > /dev/null
echo "== through the gateway (validate, map, POST to the stub, answer the outcome)"
GATEWAY_OUT=$(run "$SECONDS_PER_RUN" "http://127.0.0.1:$GATEWAY_PORT/api/v1/customers"); echo "$GATEWAY_OUT"
echo "== through nginx as a reverse proxy to the same stub"
NGINX_OUT=$(run "$SECONDS_PER_RUN" "http://127.0.0.1:$PROXY_PORT/customers"); echo "$NGINX_OUT"

rps() { echo "$1" | awk '/Requests\/sec/ {print $2}'; }
errors() { echo "$1" | awk '/Non-2xx/ {print $NF}'; }
G=$(rps "$GATEWAY_OUT"); N=$(rps "$NGINX_OUT")
echo "gateway ${G} req/s, nginx ${N} req/s, ratio $(awk "BEGIN {printf \"%.2f\", $G / $N}") (goal: at least 0.50)"
echo "non-2xx answers (none is good): gateway [$(errors "$GATEWAY_OUT")], nginx [$(errors "$NGINX_OUT")]"
