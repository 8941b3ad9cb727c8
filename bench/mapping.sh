#!/usr/bin/env bash
# JMH: mapping (canonical JSON -> Syntch JSON, SimplePin XML -> Syntch JSON) against the bare Jackson
# read+write of the same documents. Not part of CI. Usage: bench/mapping.sh [extra JMH options]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" org.openjdk.jmh.Main \
  -rf json -rff target/jmh-mapping.json "MappingBenchmark" "$@"
