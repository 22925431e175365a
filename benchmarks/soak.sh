#!/usr/bin/env bash
# Soak test: the sample app (sample-app/target/sample-app.jar, built by ./mvnw verify or package)
# under a steady mix of requests for SOAK_SECONDS, then checks that nothing drifted.
#
# The client (benchmarks/soak_client.py, python3, standard library only) sends about RATE requests
# per second from WORKERS threads: GET/HEAD/POST/PUT/DELETE and a made-up method (PURGE), routes
# answering 200, 400, 404, 405 and 500, an unhandled exception (/crash), an asynchronous route
# (/async/items/{id}, a DeferredResult), client aborts (a request to /two, which sleeps up to
# 0.4 s, whose connection the client closes before the answer), and a scrape of /metrics every
# second. It counts every answer per method, route template and status.
#
# Checks, after the run (each failure is a line "FAIL ..." and a non-zero exit status):
# - every counter equals the client's own count, to the unit: spring_http_request_total{method,status},
#   spring_http_request_duration_seconds_count{method,status,url_rule}, requests_by_route_total,
#   spring_http_request_exceptions_total, checkout_attempts_total, invocation_by_type_total; each
#   client abort is counted exactly once, under the status the app set;
# - the heap after a full GC (jcmd GC.run, then jstat's OU: after a full GC, G1 holds every live object
#   in old regions, so their occupancy is the live heap) at the end is at most 10 % above its value
#   after the warm-up (WARMUP_SECONDS), both taken under traffic (it may be lower: that is no leak);
# - the thread count at the end is at most 5 above the one after the warm-up (Tomcat's pool grows and
#   shrinks with concurrency; a thread per request or per scrape would add thousands);
# - the app log has no WARN or ERROR line except the expected ones: the cardinality-overflow warning
#   of prometheus-web, one "Servlet.service() ... threw exception" ERROR per /crash request, whose
#   exception is the sample's own IllegalStateException ("crashed on purpose"), and one WARN of Spring
#   MVC's DefaultHandlerExceptionResolver ("Resolved [...HttpRequestMethodNotSupportedException...]")
#   per answer 405; both counts must equal the client's.
#
# Usage: benchmarks/soak.sh      (settings from the environment, defaults below)
#   SOAK_SECONDS=600 WARMUP_SECONDS=60 RATE=400 WORKERS=8 PORT=18090
#   JAVA_OPTS="-Xms256m -Xmx256m -XX:+UseG1GC"
#   RESULTS=<a directory to keep the client's report and JSON in, and the app log (its head when passed)>
#   SAMPLE_APP_JAR=sample-app/target/sample-app.jar
# Needs java (with jcmd and jstat), python3, curl. The app listens on 127.0.0.1 only; every wait is
# bounded, the run stops itself after SOAK_SECONDS + 300 s, and the app is stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."

SOAK_SECONDS=${SOAK_SECONDS:-600}
WARMUP_SECONDS=${WARMUP_SECONDS:-$((SOAK_SECONDS / 10 > 15 ? SOAK_SECONDS / 10 : 15))}
RATE=${RATE:-400}
WORKERS=${WORKERS:-8}
PORT=${PORT:-18090}
JAVA_OPTS=${JAVA_OPTS:--Xms256m -Xmx256m -XX:+UseG1GC}
JAR=${SAMPLE_APP_JAR:-sample-app/target/sample-app.jar}
MAX_SECONDS=$((SOAK_SECONDS + 300))
WORK=$(mktemp -d /tmp/prometheus-web-soak.XXXXXX)
APP_PID=""

for tool in java jcmd jstat python3 curl; do
	command -v "$tool" >/dev/null || { echo "soak.sh: $tool is missing" >&2; exit 1; }
done
[ -f "$JAR" ] || { echo "soak.sh: $JAR is missing: build it with ./mvnw -q -DskipTests package" >&2; exit 1; }

cleanup() {
	if [ -n "$APP_PID" ]; then
		kill "$APP_PID" 2>/dev/null || true
		for _ in $(seq 1 75); do
			kill -0 "$APP_PID" 2>/dev/null || break
			sleep 0.2
		done
		kill -9 "$APP_PID" 2>/dev/null || true
	fi
	if [ -n "${WATCHDOG:-}" ]; then
		kill "$WATCHDOG" 2>/dev/null || true
	fi
	# The app log is kept whole only when the run failed (a passing run logs a stack trace per /crash).
	if [ -n "${RESULTS:-}" ]; then
		mkdir -p "$RESULTS"
		cp "$WORK/client.txt" "$WORK/soak.json" "$RESULTS"/ 2>/dev/null || true
		if [ "${status:-1}" -ne 0 ]; then
			cp "$WORK/app.log" "$RESULTS"/ 2>/dev/null || true
		else
			grep -v '^\s\+at \|^\s*\.\.\. [0-9]* more\|^Caused by' "$WORK/app.log" | head -40 >"$RESULTS/app-log-head.txt" || true
		fi
	fi
	rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
(
	sleep "$MAX_SECONDS" &
	sleeper=$!
	trap 'kill $sleeper 2>/dev/null; exit 0' TERM
	wait $sleeper && echo "soak.sh: stopped after $MAX_SECONDS s" >&2 && kill -TERM $$
) &
WATCHDOG=$!

if curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$PORT/"; then
	echo "soak.sh: port $PORT is in use" >&2
	exit 1
fi
echo "# soak.sh $(date -u +%FT%TZ): $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# $SOAK_SECONDS s (warm-up $WARMUP_SECONDS s), about $RATE requests/s from $WORKERS workers, JAVA_OPTS=$JAVA_OPTS"
# shellcheck disable=SC2086
java $JAVA_OPTS -jar "$JAR" --server.port="$PORT" --server.address=127.0.0.1 --spring.main.banner-mode=off \
	>"$WORK/app.log" 2>&1 &
APP_PID=$!
# /ping is @DoNotTrack: the readiness probe leaves the default metrics alone.
for _ in $(seq 1 450); do
	if curl -fs -o /dev/null "http://127.0.0.1:$PORT/ping"; then
		break
	fi
	kill -0 "$APP_PID" 2>/dev/null || { echo "soak.sh: the app stopped; its log:" >&2; cat "$WORK/app.log" >&2; exit 1; }
	sleep 0.2
done
curl -fs -o /dev/null "http://127.0.0.1:$PORT/ping" || { echo "soak.sh: the app did not start" >&2; exit 1; }

status=0
python3 benchmarks/soak_client.py "http://127.0.0.1:$PORT" "$APP_PID" "$SOAK_SECONDS" "$WARMUP_SECONDS" \
	"$RATE" "$WORKERS" "$WORK/soak.json" | tee "$WORK/client.txt" || status=1

# The app log: only the expected WARN and ERROR lines.
crashes=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["crashes"])' "$WORK/soak.json" 2>/dev/null ||
	echo -1)
answered_405=$(python3 -c 'import json, sys; print(sum(v for k, v in json.load(open(sys.argv[1]))["by_method_status"].items()
	if k.endswith(" 405")))' "$WORK/soak.json" 2>/dev/null || echo -1)
resolved_405=$(grep -c ' WARN .*DefaultHandlerExceptionResolver *: Resolved \[org.springframework.web.HttpRequestMethodNotSupportedException: Request method .* is not supported\]$' "$WORK/app.log" || true)
servlet_errors=$(grep -c ' ERROR .*Servlet.service() for servlet \[dispatcherServlet\].* threw exception' "$WORK/app.log" || true)
crash_causes=$(grep -c '^java.lang.IllegalStateException: the sample app crashed on purpose' "$WORK/app.log" || true)
unexpected=$(grep -E '^[0-9TZ:.+-]+ +(WARN|ERROR) ' "$WORK/app.log" |
	grep -v 'Servlet.service() for servlet \[dispatcherServlet\].* threw exception' |
	grep -v 'DefaultHandlerExceptionResolver *: Resolved \[org.springframework.web.HttpRequestMethodNotSupportedException: ' |
	grep -v 'CardinalityLimit *: Label .* of metric .* reached prometheus.web.cardinality-limit' || true)
echo "# app log: $(wc -l <"$WORK/app.log") lines, $servlet_errors ERROR lines of an exception escaping the servlet, $crash_causes of them the sample's /crash"
if [ "$servlet_errors" -ne "$crash_causes" ] || [ "$crash_causes" -ne "$crashes" ]; then
	echo "FAIL the app logged $servlet_errors exceptions escaping the servlet and $crash_causes of /crash; the client sent $crashes to /crash"
	status=1
fi
echo "# app log: $resolved_405 WARN lines of Spring MVC's 405 answers; the client got $answered_405 answers 405"
if [ "$resolved_405" -ne "$answered_405" ]; then
	echo "FAIL Spring MVC logged $resolved_405 answers 405, the client got $answered_405"
	status=1
fi
if [ -n "$unexpected" ]; then
	echo "FAIL unexpected WARN or ERROR lines in the app log:"
	echo "$unexpected" | head -20
	status=1
fi
if [ "$status" -eq 0 ]; then
	echo "soak.sh: passed"
else
	echo "soak.sh: FAILED"
fi
exit "$status"
