#!/usr/bin/env bash
#
# Compares the HTTP metrics of prometheus-web in the opentelemetry and micrometer conventions
# with those of the OpenTelemetry Java agent 2.31.0 and of Spring Boot Actuator with
# micrometer-registry-prometheus, for the same requests to the same app (compare.py says how).
#
#   bash conventions/compare.sh            # builds the three apps first
#   SKIP_BUILD=true bash conventions/compare.sh
#
# Needs java and /usr/bin/python3 with prometheus_client (Debian python3-prometheus-client).
# Prints PASS or FAIL per convention, the allowed differences with their reasons, and
# "<n> differences"; the exit status is non-zero on any difference.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${SKIP_BUILD:-false}" != true ]; then
	./mvnw -q -B -ntp -Ppeers package -DskipTests -am \
		-pl conventions/peer-starter,conventions/peer-actuator,conventions/peer-otel
fi
exec /usr/bin/python3 conventions/compare.py
