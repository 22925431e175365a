#!/usr/bin/env bash
# Proves that the sample app works with Spring AOT: builds it with spring-boot:process-aot (profile
# "aot"), runs the jar with -Dspring.aot.enabled=true on 127.0.0.1 and checks exact metric values.
# Usage: .ci/aot.sh   Exit status 1 on any failure. The app is stopped in every case.
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -q package -Paot -pl sample-app -am -DskipTests
jar=sample-app/target/sample-app.jar
if ! unzip -l "$jar" | grep -q '__ApplicationContextInitializer.class'; then
	echo "AOT: no AOT-generated initializer in $jar" >&2
	exit 1
fi

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
log=target/aot-sample-app.log
mkdir -p target
java -Dspring.aot.enabled=true -jar "$jar" --server.port="$port" --server.address=127.0.0.1 >"$log" 2>&1 &
app=$!
trap 'kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true' EXIT

base="http://127.0.0.1:$port"
for _ in $(seq 1 120); do
	if curl -fsS -o /dev/null "$base/metrics" 2>/dev/null; then
		break
	fi
	if ! kill -0 "$app" 2>/dev/null; then
		echo "AOT: the sample app exited; its log:" >&2
		tail -n 40 "$log" >&2
		exit 1
	fi
	sleep 0.5
done

for i in 1 2 3; do curl -fsS -o /dev/null "$base/items/$i"; done
# Custom metrics: an annotation with a SpEL label, through Spring AOP proxies made at build time.
for _ in 1 2; do curl -fsS -o /dev/null "$base/types/book"; done
curl -sS -o /dev/null "$base/fail" || true
curl -sS -o /dev/null "$base/crash" || true
# No wait: a request is counted before its client has the whole response.
scrape=$(curl -fsS "$base/metrics")

failed=0
expect() {
	local series=$1 value=$2 actual
	actual=$(printf '%s\n' "$scrape" | awk -v s="$series" 'index($0, s " ") == 1 { print $2; exit }')
	if [ "$actual" = "$value" ]; then
		echo "AOT ok: $series $actual"
	else
		echo "AOT FAIL: $series is '${actual}', expected '$value'" >&2
		failed=1
	fi
}
expect 'spring_http_request_total{method="GET",status="200"}' 5.0
expect 'invocation_by_type_total{item_type="book"}' 2.0
expect 'checkout_attempts_total{channel="web"}' 0.0
expect 'spring_http_request_total{method="GET",status="500"}' 2.0
expect 'spring_http_request_duration_seconds_count{method="GET",status="200",url_rule="/items/{id}"}' 3
expect 'spring_http_request_exceptions_total{exception="IllegalStateException",method="GET",status="500"}' 1.0
if grep -q 'Starting AOT-processed' "$log"; then
	echo "AOT ok: the app ran its AOT-processed context"
else
	echo "AOT FAIL: the app did not log 'Starting AOT-processed'" >&2
	failed=1
fi
if [ $failed -ne 0 ]; then
	echo "AOT: scrape was:" >&2
	printf '%s\n' "$scrape" | grep '^spring_' >&2 || true
fi
exit $failed
