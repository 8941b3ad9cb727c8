#!/usr/bin/env bash
# The ledger alone: µs per customer (a claim and its result, each committed) and bytes per customer,
# embedded SQLite and PostgreSQL (when 127.0.0.1:5432 answers), 1 and 32 callers, group commit on and
# off. Not part of CI. Usage: bench/ledger.sh [customers per run, default 20000]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  -Dgateway.log.level=WARN org.customergateway.bench.LedgerBenchmark "$@" 2>&1 | grep -v " INFO "
