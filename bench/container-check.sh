#!/usr/bin/env bash
# bench/container-check.sh: builds the image from the Dockerfile and checks it as an operator would:
# the sandbox serves a create, the process runs as user 10001, data/ holds the ledger, SQLite's library
# comes from the gateway's cache, the HEALTHCHECK
# turns healthy, `docker stop` ends it within its grace period. Needs a Docker engine and the base image.
#
# Where no registry is reachable (the development machine), a stand-in for eclipse-temurin:17-jre made
# from Debian's packages serves as the base (Debian bookworm with openjdk-17-jre-headless, java on PATH):
#   debootstrap --variant=minbase --include=openjdk-17-jre-headless bookworm /tmp/rootfs http://deb.debian.org/debian
#   tar -C /tmp/rootfs -c . | docker import --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' - eclipse-temurin:17-jre
set -euo pipefail
cd "$(dirname "$0")/.."
[[ -f target/customer-gateway.jar ]] || mvn -q -B -DskipTests package
DOCKER_BUILDKIT=0 docker build -q --network host -t customer-gateway:check . >/dev/null
name=customer-gateway-check-$$
trap 'docker rm -f "$name" >/dev/null 2>&1 || true' EXIT
port=18680; mgmt=18676
docker run -d --name "$name" --network host -e CAMEL_SERVER_PORT=$port -e CAMEL_MANAGEMENT_PORT=$mgmt \
    -e GATEWAY_SANDBOX_SIMPLEPIN_PORT=18691 -e GATEWAY_SANDBOX_SYNTCH_PORT=18692 \
    -e GATEWAY_ESB_EMBEDDED_BROKER_PORT=18616 customer-gateway:check >/dev/null
for _ in $(seq 1 300); do
    [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/api/v1/schemas/canonical") == 200 ]] && break
    sleep 0.1
done
created=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H 'Content-Type: application/json' -H 'X-Gateway-Target: both' \
    --data @src/test/resources/fixtures/canonical-customer.json "http://127.0.0.1:$port/api/v1/customers")
echo "create: $created"; [[ $created == 201 ]]
user=$(docker exec "$name" id -u); echo "user: $user"; [[ $user == 10001 ]]
docker exec "$name" test -s data/ledger.db && echo "data/: ledger.db on the volume"
docker exec "$name" grep -q "/opt/customer-gateway/.cache/customer-gateway/sqlite-jdbc-" /proc/1/maps \
    && echo "SQLite's native library loaded from the gateway's cache"
for _ in $(seq 1 40); do
    health=$(docker inspect --format '{{.State.Health.Status}}' "$name")
    [[ $health == healthy ]] && break
    sleep 1
done
echo "health: $health"; [[ $health == healthy ]]
start=$EPOCHREALTIME; docker stop "$name" >/dev/null
echo "stopped in $(echo "$EPOCHREALTIME - $start" | bc) s"
docker logs "$name" 2>&1 | grep -q "is shutdown" && echo "container check passed"
