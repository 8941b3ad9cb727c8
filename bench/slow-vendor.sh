#!/usr/bin/env bash
# bench/slow-vendor.sh PROJECT_DIR slow|rate [ROWS] [N]: a file drop against a Syntch that answers every create
# N ms late (slow, 200 by default) or takes N creates a second (rate, 20 by default), as a user meets it on
# the sandbox: PROJECT_DIR's packaged jar started with `java -jar target/customer-gateway.jar` from
# PROJECT_DIR (which holds target/customer-gateway.jar, routes/ and mappings/; its data/ is emptied first),
# the simulator told through its fault API, a canonical CSV of ROWS (1,000) rows moved into inbox/syntch.
# One line: the seconds until the file is in done/, the CREATED rows of its report, the most places the
# bulk ways had in Syntch's lane (/api/v1/vendors, read every 0.5 s; 0 where the build has none), the
# simulator's rate-limit counts and the dead letters. Uses ports 8080, 8091, 8092 and 9876 (the sandbox's).
set -uo pipefail
project=$(cd "$1" && pwd) mode=$2 rows=${3:-1000}
case $mode in
    slow) n=${4:-200}; fault="{\"route\":\"POST /customers\",\"kind\":\"slow\",\"delayMs\":$n,\"times\":$((rows * 2))}" ;;
    rate) n=${4:-20}; fault="{\"route\":\"POST /customers\",\"kind\":\"rate\",\"perSecond\":$n}" ;;
    *) echo "mode is slow or rate"; exit 2 ;;
esac
cd "$project" && rm -rf data
java -jar target/customer-gateway.jar >gateway.out 2>&1 &
gateway=$!
trap 'kill $gateway 2>/dev/null; wait $gateway 2>/dev/null' EXIT
for _ in $(seq 1 120); do curl -sf -o /dev/null http://localhost:8080/api/v1/schemas/canonical && break; sleep 0.5; done
curl -sf -X POST http://127.0.0.1:8092/_sandbox/faults -d "$fault" >/dev/null || { echo "no simulator on 8092"; exit 1; }
csv=$(mktemp)
python3 - "$rows" >"$csv" <<'PY'
import sys
print("customer_id,name,email,ship_line1,ship_city,ship_region,ship_postal_code,ship_country")
for i in range(int(sys.argv[1])):
    print(f"S-{i:05d},Slow {i},s{i}@acme.test,{i} Main Street,Toronto,ON,M5V 2T6,CAN")
PY
start=$(date +%s.%N)
mv "$csv" data/filedrop/inbox/syntch/slow.csv
most=0
until [[ -f data/filedrop/done/slow.csv ]]; do
    places=$(curl -s http://localhost:8080/api/v1/vendors | python3 -c 'import json, sys
print([v["lane"].get("bulkCalls", 0) for v in json.load(sys.stdin)["vendors"] if v["vendor"] == "syntch"][0])' 2>/dev/null || echo 0)
    (( places > most )) && most=$places
    sleep 0.5
done
seconds=$(echo "$(date +%s.%N) - $start" | bc)
created=$(grep -c ",CREATED," data/filedrop/reports/slow.csv.report.csv)
limits=$(curl -s http://127.0.0.1:8092/_sandbox/faults | grep -o '"rateLimits":{"[^}]*}}')
dead=$(curl -s http://localhost:8080/api/v1/dead-letters | grep -o '"total":[0-9]*' | head -1)
printf '%s %s %s: %d rows in %.1f s, %d CREATED, bulk places up to %d; %s; dead letters %s\n' \
    "$(basename "$project")" "$mode" "$n" "$rows" "$seconds" "$created" "$most" "${limits:-no rate limit}" "${dead#*:}"
