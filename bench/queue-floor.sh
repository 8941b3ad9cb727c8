#!/usr/bin/env bash
# bench/queue-floor.sh PROJECT_DIR [ROUNDS]: what ../shared/perf/queue_rate.sh can reach at best with the
# queue's broker and JMS consumer as they are, the gateway's own work taken out: the same packaged jar
# and settings (embedded Artemis, gateway.esb.in's 32 transacted consumers, the same STOMP driver), but
# with a routes/ in which esb-source only moves each message from customers.in to customers.out in its
# transaction (no reading, no ledger, no vendor). Alternates that floor with the real gateway, ROUNDS
# times (2 by default), each once more with the JIT's C2 compiler off (-XX:TieredStopAtLevel=1), which
# shows what the JIT's warm-up costs in a run this short. The floor's lines say "0 CREATED" and fail
# the script's own check (its results are the customers themselves, and it calls no vendor); their
# messages/s are what counts. One line per run, with the gateway's CPU per message (start included).
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
project=$(cd "$1" && pwd) rounds=${2:-2}
floor=$(mktemp -d /tmp/queue-floor.XXXXXX)
trap 'rm -rf "$floor"' EXIT
mkdir -p "$floor/target"
cp "$project/target/customer-gateway.jar" "$floor/target/"
cp -r "$project/routes" "$project/mappings" "$floor/"
cat >"$floor/routes/esb-source.camel.yaml" <<'YAML'
# bench/queue-floor.sh: the queue's consumer with nothing of the gateway between the two queues
- route:
    id: esb-source
    autoStartup: "{{gateway.esb.enabled}}"
    from:
      uri: "{{gateway.esb.in}}"
      steps:
        - to: "{{gateway.esb.out}}"
YAML
run() { # run NAME DIR [JAVA_OPTS]
    local line
    line=$(PERF_JAVA_OPTS="${3:-}" bash "$here/cpu-per-customer.sh" queue_rate.sh "$2" 2>&1 \
        | grep -E "^(queue|gateway cpu)" | tail -n 2 | paste -sd ';')
    echo "$1 $line"
}
for (( round = 1; round <= rounds; round++ )); do
    run "floor" "$floor"
    run "gateway" "$project"
    run "floor C1 only" "$floor" -XX:TieredStopAtLevel=1
    run "gateway C1 only" "$project" -XX:TieredStopAtLevel=1
done
