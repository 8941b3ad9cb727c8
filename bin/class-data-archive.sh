#!/usr/bin/env bash
# Writes a class-data-sharing archive for the packaged jar, with which it starts in about two thirds
# of the time (BENCHMARKS.md):
#   bin/class-data-archive.sh                      # writes target/customer-gateway.jsa
#   java -XX:SharedArchiveFile=target/customer-gateway.jsa -Xshare:auto -jar target/customer-gateway.jar
# It starts the jar once on the sandbox profile (simulators, embedded ledger and broker) in a folder
# of its own, on free ports, stops it once it has run for a few seconds, and the JVM writes down the
# classes it loaded. An archive belongs to the jar and the JDK that made it: make it again after
# either changes (with -Xshare:auto the gateway still starts, without the archive, when it no longer fits).
# Usage: bin/class-data-archive.sh [JAR [ARCHIVE]]; JAVA_HOME chooses the JDK, as for the start.
set -euo pipefail

jar=$(realpath "${1:-target/customer-gateway.jar}")
archive=$(realpath -m "${2:-${jar%.jar}.jsa}")
home=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
[[ -f $jar ]] || { echo "no jar at $jar (mvn -q -DskipTests package first)" >&2; exit 1; }

# a port nobody answers on
free_port() {
    local port
    while :; do
        port=$((20000 + RANDOM % 40000))
        (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
    done
}

run=$(mktemp -d)
trap 'rm -rf "$run"' EXIT
rm -f "$archive"
if ! (cd "$run" && env CAMEL_MAIN_PROFILE=sandbox CAMEL_MAIN_DURATION_MAX_SECONDS=3 \
        CAMEL_SERVER_PORT="$(free_port)" CAMEL_MANAGEMENT_PORT="$(free_port)" \
        GATEWAY_SANDBOX_SIMPLEPIN_PORT="$(free_port)" GATEWAY_SANDBOX_SYNTCH_PORT="$(free_port)" \
        GATEWAY_ESB_EMBEDDED_BROKER_PORT="$(free_port)" \
        GATEWAY_ROUTES_DIR="$home/routes" GATEWAY_MAPPINGS_DIR="$home/mappings" \
        "$java" -XX:ArchiveClassesAtExit="$archive" -Xlog:disable -Xlog:all=error:stderr \
        -jar "$jar" >"$run/gateway.log" 2>&1) || [[ ! -s $archive ]]; then
    echo "the gateway did not run to its end, no archive written:" >&2
    tail -n 30 "$run/gateway.log" >&2
    exit 1
fi
echo "wrote $archive ($(du -h "$archive" | cut -f1)); start with:"
echo "  java -XX:SharedArchiveFile=$archive -Xshare:auto -jar $jar"
