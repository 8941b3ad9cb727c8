#!/usr/bin/env bash
# bench/cpu-per-customer.sh SCRIPT PROJECT_DIR: runs one of the ../shared/perf/ scripts against
# PROJECT_DIR's jar and adds, after its last line, the gateway's CPU per customer: the gateway JVM's
# user + system time (from /proc/<pid>/stat, read every 0.2 s until it exits) divided by the customers
# the script's last line counts ("N rows", "N messages"). The time includes the gateway's start and
# JIT warm-up, so a short run reads high; compare builds within one run of bench/interleave.sh. For
# http_ratio.sh, which measures its own CPU per request in each gateway round (after its warm-up),
# the line repeats those. A slower machine shows about the same figure where req/s would fall. The line
# also says how much of that CPU the JIT's compiler threads took (their /proc/<pid>/task/<tid>/stat,
# read with the rest): in a run of 10,000 queue messages on two cores, a quarter to a third of it
# (BENCHMARKS.md, session 16).
set -uo pipefail
script=$1 project=$(cd "$2" && pwd)
perf=$(cd "$(dirname "$0")/../../shared/perf" && pwd)
hz=$(getconf CLK_TCK)
out=$(mktemp)
bash "$perf/$script" "$project" >"$out" 2>&1 &
runner=$!
declare -A ticks=() jit=()
while kill -0 "$runner" 2>/dev/null; do
    for pid in $(pgrep -f "$project/target/customer-gateway.jar"); do
        # fields 14 and 15 of /proc/<pid>/stat, after the command name in parentheses
        t=$(awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$pid/stat" 2>/dev/null) && ticks[$pid]=$t
        # the same of each of its threads named "C1 CompilerThre..." or "C2 CompilerThre..."
        t=$(cat /proc/"$pid"/task/*/stat 2>/dev/null | awk '/\(C[12] CompilerThre/ { sub(/^.*\) /, ""); n += $12 + $13 } END { print n + 0 }') \
            && (( t >= ${jit[$pid]:-0} )) && jit[$pid]=$t
    done
    sleep 0.2
done
wait "$runner"
rc=$?
cat "$out"
last=$(tail -n 1 "$out")
rounds=$(grep -E '^round .* A gateway' "$out" | grep -oE 'gateway cpu [0-9]+' | grep -oE '[0-9]+$' | paste -sd ' ')
rm -f "$out"
total=0 compilers=0
for pid in "${!ticks[@]}"; do total=$(( total + ticks[$pid] )); compilers=$(( compilers + ${jit[$pid]:-0} )); done
customers=$(grep -oE '^(filedrop|queue) [0-9]+' <<<"$last" | grep -oE '[0-9]+$')
if [[ -n $rounds ]]; then
    echo "gateway cpu per create in the measured rounds: $rounds us"
elif [[ -n $customers && $customers -gt 0 ]]; then
    awk -v t="$total" -v j="$compilers" -v hz="$hz" -v n="$customers" \
        'BEGIN { printf "gateway cpu %.1f s over the run (start included): %.0f us per customer; JIT compilers %.1f s of it\n", t / hz, t * 1e6 / hz / n, j / hz }'
fi
exit "$rc"
