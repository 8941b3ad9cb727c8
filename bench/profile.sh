#!/usr/bin/env bash
# bench/profile.sh SCRIPT PROJECT_DIR [DELAY_S] [SECONDS]: a CPU profile of the gateway, native frames
# included, while one of the ../shared/perf/ scripts runs against PROJECT_DIR's packaged jar.
# async-profiler (tools.profiler:async-profiler, from Maven) is attached to the gateway's JVM with jcmd
# after DELAY_S (30 by default: past http_ratio.sh's start and warm-up), samples for SECONDS (20) with
# event=itimer (which sees zlib, SQLite and thread parking, as JFR's execution samples do not), and
# writes to bench/profiles/<script>-<time>: flat.txt (the hottest frames, self time) and
# collapsed.txt (whole stacks, one per line, for flame graphs or grep). The script's own output goes
# to script.txt beside them. E.g.: bench/profile.sh http_ratio.sh /tmp/after 35 20. PROFILE_EVENT=wall
# (with PROFILE_INTERVAL=5ms) samples every thread, waiting or not: where a way in waits.
set -euo pipefail
script=$1 project=$(cd "$2" && pwd) delay=${3:-30} seconds=${4:-20}
here=$(cd "$(dirname "$0")" && pwd)
perf=$(cd "$here/../../shared/perf" && pwd)
version=4.1
lib=$HOME/.cache/async-profiler-$version/libasyncProfiler.so
if [[ ! -f $lib ]]; then
    mvn -q dependency:get -Dartifact="tools.profiler:async-profiler:$version:jar:linux-x64" >/dev/null
    mkdir -p "$(dirname "$lib")"
    unzip -p "$HOME/.m2/repository/tools/profiler/async-profiler/$version/async-profiler-$version-linux-x64.jar" \
        linux-x64/libasyncProfiler.so >"$lib"
fi
out=$here/profiles/${script%.sh}-$(date -u +%Y%m%dT%H%M%S)
mkdir -p "$out"
bash "$perf/$script" "$project" >"$out/script.txt" 2>&1 &
runner=$!
sleep "$delay"
pid=$(pgrep -n -f "^[^ ]*java .*$project/target/customer-gateway.jar" || true)
[[ -n $pid ]] || { echo "no gateway running after ${delay} s; see $out/script.txt"; wait "$runner"; exit 1; }
# jcmd would read "a=b" as one of its own options: the agent's arguments go in quotes
jcmd "$pid" JVMTI.agent_load "$lib" "\"start,event=${PROFILE_EVENT:-itimer},interval=${PROFILE_INTERVAL:-1ms},threads\"" >/dev/null
sleep "$seconds"
# a run shorter than DELAY_S + SECONDS takes its samples with it: say so rather than jcmd's stack trace
kill -0 "$pid" 2>/dev/null || { echo "the gateway exited before the profile was written: lower DELAY_S or SECONDS" \
    "(or make the run longer, e.g. PERF_MESSAGES); see $out/script.txt"; wait "$runner"; exit 1; }
jcmd "$pid" JVMTI.agent_load "$lib" "\"dump,file=$out/collapsed.txt,collapsed,threads\"" >/dev/null
jcmd "$pid" JVMTI.agent_load "$lib" "\"dump,file=$out/flat.txt,flat=40,traces=0\"" >/dev/null
jcmd "$pid" JVMTI.agent_load "$lib" "stop" >/dev/null
wait "$runner" || true
echo "$out: $(tail -n 1 "$out/script.txt")"
