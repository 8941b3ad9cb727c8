#!/usr/bin/env bash
# bench/interleave.sh BEFORE_DIR AFTER_DIR [ROUNDS]: the ../shared/perf/ benchmarks on two builds of the
# gateway, interleaved (each script on BEFORE then AFTER, ROUNDS times over, 2 by default), so that the
# machine's load falls on both alike. Each DIR holds target/customer-gateway.jar and its own copies of
# routes/ and mappings/ (copies, not symbolic links: with links the jar did not serve, session 5).
# Make BEFORE from an older commit with: git worktree add /tmp/before <commit> && (cd /tmp/before &&
# mvn -q -DskipTests package). One line per run, e.g. "after startup startup median 1.61 s (...)", with
# the gateway's CPU per customer (bench/cpu-per-customer.sh) after the file drop's and the queue's.
# Knobs: PERF_ROWS (30000 here, for the file drop), and the perf scripts' own.
set -uo pipefail
perf=$(cd "$(dirname "$0")/../../shared/perf" && pwd)
before=$1 after=$2 rounds=${3:-2}
for dir in "$before" "$after"; do
    [[ -f $dir/target/customer-gateway.jar && -d $dir/routes && -d $dir/mappings ]] \
        || { echo "$dir needs target/customer-gateway.jar, routes/ and mappings/"; exit 2; }
done
run() { # run NAME SCRIPT [ENV...]: the script's result line, and the gateway's CPU per customer after it
    local name=$1 script=$2; shift 2
    for side in before after; do
        local dir=$before; [[ $side == after ]] && dir=$after
        local lines
        lines=$(env "$@" bash "$(dirname "$0")/cpu-per-customer.sh" "$script" "$dir" 2>&1 \
            | grep -E "^(http ratio|filedrop|queue|startup|gateway cpu)" | tail -n 2 | paste -sd ';')
        echo "$side $name $lines"
    done
}
for (( round = 1; round <= rounds; round++ )); do
    run http http_ratio.sh
    run filedrop filedrop_rate.sh PERF_ROWS="${PERF_ROWS:-30000}"
    run queue queue_rate.sh
    run startup startup.sh
done
