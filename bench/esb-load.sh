#!/usr/bin/env bash
# Queue throughput: N customers through customers.in to a fast stub Syntch (nginx answering at once),
# results counted on customers.out; the gateway's embedded Artemis broker. Not part of CI.
# Usage: bench/esb-load.sh [messages, default 20000]     needs: apt-get install nginx
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT=${1:-20000}
STUB_PORT=18093
GATEWAY_PORT=18092
BROKER_PORT=18616
WORK=$(mktemp -d)
trap 'kill $GATEWAY_PID 2>/dev/null || true; nginx -p "$WORK" -c nginx.conf -s stop 2>/dev/null || true; rm -rf "$WORK"' EXIT
mvn -q -B -DskipTests package test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath

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

GATEWAY_SANDBOX_SIMULATORS=false CAMEL_SERVER_PORT=$GATEWAY_PORT CAMEL_MANAGEMENT_PORT=$((GATEWAY_PORT + 1000)) \
GATEWAY_DEFAULT_TARGET=syntch GATEWAY_SYNTCH_BASE_URL=http://127.0.0.1:$STUB_PORT \
GATEWAY_SYNTCH_USERNAME=bench GATEWAY_SYNTCH_PASSWORD=bench GATEWAY_SIMPLEPIN_BASE_URL=http://127.0.0.1:$STUB_PORT \
GATEWAY_ESB_EMBEDDED_BROKER_PORT=$BROKER_PORT GATEWAY_ESB_EMBEDDED_BROKER_DATA_DIR="$WORK/broker" \
GATEWAY_ESB_BROKER_URL=tcp://localhost:$BROKER_PORT GATEWAY_LEDGER_URL="jdbc:sqlite:$WORK/ledger.db" \
GATEWAY_FILEDROP_DIR="$WORK/drop" \
  java -Xmx512m -jar target/customer-gateway.jar > "$WORK/gateway.log" 2>&1 &
GATEWAY_PID=$!
for _ in $(seq 1 60); do curl -s -o /dev/null "http://127.0.0.1:$GATEWAY_PORT/api/v1/openapi.json" && break; sleep 1; done

java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" org.customergateway.bench.QueueLoad \
  "tcp://localhost:$BROKER_PORT" "$COUNT" 2>&1 | grep -v " INFO \| WARN "
