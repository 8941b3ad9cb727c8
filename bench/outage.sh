#!/usr/bin/env bash
# The HTTP entrance during a vendor outage (issue 12): the sandbox jar, its Syntch simulator told to
# answer 503 to every create, the circuit kept closed so that every customer retries (4 attempts,
# up to 10 s of backoff), 200 creates sent at once, then GET /api/v1/schemas/canonical timed five
# times while they retry. Not part of CI. Usage: bench/outage.sh [creates, default 200]
set -euo pipefail
cd "$(dirname "$0")/.."
CREATES=${1:-200}
WORK=$(mktemp -d)
trap 'kill $GATEWAY_PID 2>/dev/null || true; [ -n "${KEEP:-}" ] || rm -rf "$WORK"' EXIT
[ -f target/customer-gateway.jar ] || mvn -q -B -DskipTests package
cp -r routes mappings "$WORK"/
(cd "$WORK" && GATEWAY_CIRCUIT_BREAKER_MINIMUM_NUMBER_OF_CALLS=100000 CAMEL_SERVER_PORT=18380 \
  GATEWAY_SANDBOX_SIMPLEPIN_PORT=18391 GATEWAY_SANDBOX_SYNTCH_PORT=18392 GATEWAY_ESB_EMBEDDED_BROKER_PORT=18316 \
  CAMEL_MANAGEMENT_PORT=18376 exec java -jar "$OLDPWD/target/customer-gateway.jar" > gateway.log 2>&1) &
GATEWAY_PID=$!
until curl -sf -o /dev/null http://127.0.0.1:18380/api/v1/schemas/canonical; do sleep 0.2; done
curl -sf -X POST http://127.0.0.1:18392/_sandbox/faults -H 'Content-Type: application/json' \
  -d '{"route":"POST /customers","kind":"status","status":503,"times":100000}' > /dev/null
mkdir "$WORK/bodies"
for i in $(seq 1 "$CREATES"); do sed "s/C-1001/OUT-$i-$$/" src/test/resources/fixtures/canonical-customer.json > "$WORK/bodies/$i.json"; done
START=$(date +%s.%N)
seq 1 "$CREATES" | xargs -P "$CREATES" -I{} curl -s -o /dev/null -X POST http://127.0.0.1:18380/api/v1/customers \
  -H 'Content-Type: application/json' -H 'X-Gateway-Target: syntch' \
  --data-binary "@$WORK/bodies/{}.json" &
CREATES_PID=$!
sleep 0.5
for i in 1 2 3 4 5; do
  curl -s -o /dev/null -w "GET /api/v1/schemas/canonical while retrying: %{time_total} s (HTTP %{http_code})\n" \
    http://127.0.0.1:18380/api/v1/schemas/canonical
  sleep 0.2
done
wait $CREATES_PID
echo "the $CREATES creates took $(echo "$(date +%s.%N) - $START" | bc) s in all"
echo "outcome lines logged:"; grep -o 'at syntch: [A-Z_]* after [0-9]* attempt' "$WORK/gateway.log" | sort | uniq -c || true
