#!/usr/bin/env bash
# Builds the JMH benchmarks and runs them; arguments go to JMH, for example
#   benchmarks/jmh.sh -f 1 -wi 3 -w 2s -i 5 -r 2s -prof gc RecordingPathBenchmark
# SKIP_BUILD=true runs what was built last.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${SKIP_BUILD:-false}" != true ]; then
	./mvnw -q -B package -pl benchmarks/jmh -am -DskipTests
fi
exec java -cp "benchmarks/jmh/target/classes:$(cat benchmarks/jmh/target/classpath.txt)" org.openjdk.jmh.Main "$@"
