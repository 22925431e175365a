#!/usr/bin/env bash
# Load test: the same small app without metrics (bare), with prometheus-web (starter), with
# Spring Boot Actuator + micrometer-registry-prometheus and
# percentiles-histogram.http.server.requests=true (actuator), and the bare app's jar run with
# the OpenTelemetry Java agent and its Prometheus exporter (otel), on 127.0.0.1, driven by wrk
# in interleaved rounds (bare starter actuator otel bare starter actuator otel ...). For each
# round it reports requests/s, p50 and p99 latency and server CPU time per request of each app
# as a ratio to the bare app of the same round, then the median of each ratio over the rounds,
# and checks that each app with metrics recorded the requests wrk counted.
# Then it times a scrape of SERIES synthetic counter series on the starter's /metrics, on
# /actuator/prometheus and on the agent's exporter (OTEL_PORT), whose app creates the series
# through the OpenTelemetry API (load-app-otel) (median of SCRAPES scrapes, per sample line).
#
# Pinning: every app JVM runs on the CPUs APP_CPUS (default 0) and wrk and the scraping curl on
# WRK_CPUS (default 1), with taskset, so that the server CPU time measured is the app's alone
# and the load generator does not compete with it. An app JVM so pinned sees one CPU (GC and
# compiler threads, Tomcat and the JDK size themselves for it). APP_CPUS= WRK_CPUS= (empty)
# runs unpinned.
#
# The agent (benchmarks/load-app-otel/target/opentelemetry-javaagent.jar, from Maven) runs with
#   -Dotel.metrics.exporter=prometheus -Dotel.traces.exporter=none -Dotel.logs.exporter=none
#   -Dotel.exporter.prometheus.host=127.0.0.1 -Dotel.exporter.prometheus.port=$OTEL_PORT
# plus OTEL_EXTRA_OPTS (e.g. -Dotel.traces.sampler=always_off: with the traces exporter none
# the agent still creates a span per request), and for the scrape test
# -Dotel.java.metrics.cardinality.limit=SERIES+1000 (the SDK keeps 2000 series per instrument
# by default). The export interval does not apply to the Prometheus exporter, which is pulled.
#
# Usage: benchmarks/load.sh        (settings from the environment, defaults below)
#   ROUNDS=5 DURATION=10 WARMUP=60 CONNECTIONS=16 WRK_THREADS=2 SERIES=10000 SCRAPES=30 SCRAPE_WARMUP=100
#   APP_CPUS=0 WRK_CPUS=1 OTEL_PORT=19464 OTEL_EXTRA_OPTS=
#   SKIP_BUILD=true reuses the jars of the last build. Needs java, wrk, curl, taskset.
# Bounded: every wait has a limit, the whole run stops after MAX_SECONDS, and the servers
# are stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."

ROUNDS=${ROUNDS:-5}
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-60}
CONNECTIONS=${CONNECTIONS:-16}
WRK_THREADS=${WRK_THREADS:-2}
SERIES=${SERIES:-10000}
SCRAPES=${SCRAPES:-30}
SCRAPE_WARMUP=${SCRAPE_WARMUP:-100}
MAX_SECONDS=${MAX_SECONDS:-900}
JAVA_OPTS=${JAVA_OPTS:--Xms512m -Xmx512m -XX:+UseG1GC}
APP_CPUS=${APP_CPUS-0}
WRK_CPUS=${WRK_CPUS-1}
OTEL_PORT=${OTEL_PORT:-19464}
OTEL_EXTRA_OPTS=${OTEL_EXTRA_OPTS:-}
URL_PATH=/items/42
VARIANTS=(bare starter actuator otel)
declare -A PORTS=([bare]=18081 [starter]=18082 [actuator]=18083 [otel]=18084)
# The otel app of the load rounds is the bare app's jar; the scrape test uses load-app-otel's.
declare -A JARS=([bare]=benchmarks/load-app-bare/target/load-app-bare.jar
	[starter]=benchmarks/load-app-starter/target/load-app-starter.jar
	[actuator]=benchmarks/load-app-actuator/target/load-app-actuator.jar
	[otel]=benchmarks/load-app-bare/target/load-app-bare.jar)
OTEL_AGENT=benchmarks/load-app-otel/target/opentelemetry-javaagent.jar
# shellcheck disable=SC2206
OTEL_OPTS=("-javaagent:$OTEL_AGENT" -Dotel.metrics.exporter=prometheus -Dotel.traces.exporter=none
	-Dotel.logs.exporter=none -Dotel.exporter.prometheus.host=127.0.0.1
	"-Dotel.exporter.prometheus.port=$OTEL_PORT" $OTEL_EXTRA_OPTS)
declare -A PIDS=()
WORK=$(mktemp -d /tmp/prometheus-web-load.XXXXXX)

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
# APP_PIN and WRK_PIN prefix the commands of the apps and of wrk and curl.
APP_PIN=()
WRK_PIN=()
if [ -n "$APP_CPUS" ] || [ -n "$WRK_CPUS" ]; then
	command -v taskset >/dev/null || { echo "taskset is missing: apt-get install -y util-linux" >&2; exit 1; }
fi
if [ -n "$APP_CPUS" ]; then
	APP_PIN=(taskset -c "$APP_CPUS")
fi
if [ -n "$WRK_CPUS" ]; then
	WRK_PIN=(taskset -c "$WRK_CPUS")
fi

stop_all() {
	for v in "${!PIDS[@]}"; do
		kill "${PIDS[$v]}" 2>/dev/null || true
	done
	for v in "${!PIDS[@]}"; do
		for _ in $(seq 1 50); do
			kill -0 "${PIDS[$v]}" 2>/dev/null || break
			sleep 0.2
		done
		kill -9 "${PIDS[$v]}" 2>/dev/null || true
		unset "PIDS[$v]"
	done
}
cleanup() {
	stop_all
	if [ -n "${WATCHDOG:-}" ]; then
		kill "$WATCHDOG" 2>/dev/null || true
	fi
	rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
# The watchdog ends the run (and so, through the trap, its servers) after MAX_SECONDS.
(
	sleep "$MAX_SECONDS" &
	sleeper=$!
	trap 'kill $sleeper 2>/dev/null; exit 0' TERM
	wait $sleeper && echo "load.sh: stopped after $MAX_SECONDS s" >&2 && kill -TERM $$
) &
WATCHDOG=$!

if [ "${SKIP_BUILD:-false}" != true ]; then
	./mvnw -q -B -ntp -Pload-apps package -DskipTests -am \
		-pl benchmarks/load-app-bare,benchmarks/load-app-starter,benchmarks/load-app-actuator,benchmarks/load-app-otel
fi

# in_use PORT: whether something answers on 127.0.0.1:PORT (curl exits 7 when refused).
in_use() {
	local rc=0
	curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$1/" || rc=$?
	[ "$rc" -ne 7 ]
}

# start VARIANT [extra args...]: starts the app and waits (at most 90 s) until it answers.
# The JVM options of the otel app are JAVA_OPTS, OTEL_OPTS and OTEL_SCRAPE_OPTS.
start() {
	local v=$1
	shift
	local args=(--server.port="${PORTS[$v]}")
	# shellcheck disable=SC2206
	local jvm=($JAVA_OPTS)
	local ports=("${PORTS[$v]}") p
	if [ "$v" = actuator ]; then
		args+=(--management.endpoints.web.exposure.include=prometheus
			--management.metrics.distribution.percentiles-histogram.http.server.requests=true)
	fi
	if [ "$v" = otel ]; then
		jvm+=("${OTEL_OPTS[@]}" "${OTEL_SCRAPE_OPTS[@]}")
		ports+=("$OTEL_PORT")
	fi
	for p in "${ports[@]}"; do
		if in_use "$p"; then
			echo "load.sh: port $p of $v is in use" >&2
			exit 1
		fi
	done
	"${APP_PIN[@]}" java "${jvm[@]}" -jar "${JARS[$v]}" "${args[@]}" "$@" >"$WORK/$v.log" 2>&1 &
	PIDS[$v]=$!
	for _ in $(seq 1 450); do
		if curl -fs -o /dev/null "http://127.0.0.1:${PORTS[$v]}$URL_PATH"; then
			if [ "$v" != otel ] || curl -fs -o /dev/null "http://127.0.0.1:$OTEL_PORT/metrics"; then
				return 0
			fi
		fi
		kill -0 "${PIDS[$v]}" 2>/dev/null || break
		sleep 0.2
	done
	echo "load.sh: $v did not start; its log:" >&2
	cat "$WORK/$v.log" >&2
	exit 1
}

# cpu_ticks PID: user + system CPU time of the process, in clock ticks.
cpu_ticks() {
	awk '{ print $14 + $15 }' "/proc/$1/stat"
}

# to_ms VALUE: a wrk latency (e.g. 512.00us, 1.20ms, 1.01s) in milliseconds.
to_ms() {
	awk -v v="$1" 'BEGIN {
		n = v + 0; u = v; sub(/^[0-9.]+/, "", u);
		if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000;
		printf "%.4f", n }'
}

# measure VARIANT: runs wrk for DURATION seconds, prints
# "rps p50_ms p99_ms cpu_us_per_request requests".
measure() {
	local v=$1
	local url="http://127.0.0.1:${PORTS[$v]}$URL_PATH"
	local ticks_before ticks_after out requests rps p50 p99
	ticks_before=$(cpu_ticks "${PIDS[$v]}")
	out=$("${WRK_PIN[@]}" wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "$url")
	ticks_after=$(cpu_ticks "${PIDS[$v]}")
	requests=$(awk '/requests in/ { print $1 }' <<<"$out")
	rps=$(awk '/^Requests\/sec:/ { print $2 }' <<<"$out")
	p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' <<<"$out")")
	p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")
	if grep -q 'Non-2xx\|Socket errors' <<<"$out"; then
		echo "load.sh: errors in the run of $v:" >&2
		echo "$out" >&2
	fi
	awk -v r="$requests" -v t=$((ticks_after - ticks_before)) -v hz="$(getconf CLK_TCK)" \
		-v rps="$rps" -v p50="$p50" -v p99="$p99" \
		'BEGIN { printf "%s %s %s %.2f %d\n", rps, p50, p99, (t / hz) * 1e6 / r, r }'
}

# recorded VARIANT: the requests to /items/{id} that the app's metrics counted.
recorded() {
	local url name label
	case $1 in
		starter) url="http://127.0.0.1:${PORTS[starter]}/metrics"
			name=spring_http_request_duration_seconds_count label='url_rule="/items/{id}"' ;;
		actuator) url="http://127.0.0.1:${PORTS[actuator]}/actuator/prometheus"
			name=http_server_requests_seconds_count label='uri="/items/{id}"' ;;
		otel) url="http://127.0.0.1:$OTEL_PORT/metrics"
			name=http_server_request_duration_seconds_count label='http_route="/items/{id}"' ;;
	esac
	curl -fs "$url" | awk -v n="$name{" -v l="$label" \
		'index($0, n) == 1 && index($0, l) > 0 { s += $NF } END { printf "%d\n", s }'
}

median() {
	sort -g | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else printf "%.4f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}

echo "# load.sh $(date -u +%FT%TZ): $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# wrk -t$WRK_THREADS -c$CONNECTIONS -d${DURATION}s (warm-up ${WARMUP}s) GET $URL_PATH, $ROUNDS rounds, JAVA_OPTS=$JAVA_OPTS"
echo "# apps on CPUs ${APP_CPUS:-any}, wrk and curl on CPUs ${WRK_CPUS:-any}; otel: ${OTEL_OPTS[*]}"
OTEL_SCRAPE_OPTS=()
# SENT[v]: the requests wrk completed against v, its first answered readiness probe included.
declare -A SENT=()
for v in "${VARIANTS[@]}"; do
	start "$v"
	out=$("${WRK_PIN[@]}" wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" "http://127.0.0.1:${PORTS[$v]}$URL_PATH")
	SENT[$v]=$((1 + $(awk '/requests in/ { print $1 }' <<<"$out")))
done

printf '%-5s %-8s %10s %9s %9s %12s | %6s %6s %6s %6s\n' round app 'req/s' 'p50 ms' 'p99 ms' 'cpu us/req' \
	'rps/b' 'p50/b' 'p99/b' 'cpu/b'
for round in $(seq 1 "$ROUNDS"); do
	declare -A RESULT=()
	for v in "${VARIANTS[@]}"; do
		RESULT[$v]=$(measure "$v")
	done
	read -r brps bp50 bp99 bcpu _ <<<"${RESULT[bare]}"
	for v in "${VARIANTS[@]}"; do
		read -r rps p50 p99 cpu requests <<<"${RESULT[$v]}"
		SENT[$v]=$((${SENT[$v]} + requests))
		ratios=$(awk -v a="$rps" -v b="$brps" -v c="$p50" -v d="$bp50" -v e="$p99" -v f="$bp99" -v g="$cpu" -v h="$bcpu" \
			'BEGIN { printf "%.3f %.3f %.3f %.3f", a / b, c / d, e / f, g / h }')
		echo "$v $ratios" >>"$WORK/ratios"
		read -ra ratio <<<"$ratios"
		printf '%-5s %-8s %10s %9s %9s %12s | %6s %6s %6s %6s\n' "$round" "$v" "$rps" "$p50" "$p99" "$cpu" "${ratio[@]}"
	done
done

echo
echo "# median over $ROUNDS rounds of the ratio to the bare app of the same round"
printf '%-8s %6s %6s %6s %6s\n' app 'rps/b' 'p50/b' 'p99/b' 'cpu/b'
for v in starter actuator otel; do
	cols=()
	for c in 2 3 4 5; do
		cols+=("$(awk -v v="$v" -v c="$c" '$1 == v { print $c }' "$WORK/ratios" | median)")
	done
	printf '%-8s %6s %6s %6s %6s\n' "$v" "${cols[@]}"
done

echo
echo "# requests to /items/{id} that each app's metrics counted / requests wrk completed (wrk leaves"
echo "# up to $CONNECTIONS unfinished at the end of each run, which the app may count: at least 1)"
for v in starter actuator otel; do
	count=$(recorded "$v")
	printf '%-8s %10s / %10s = %.4f\n' "$v" "$count" "${SENT[$v]}" "$(awk -v a="$count" -v b="${SENT[$v]}" 'BEGIN { print a / b }')"
	if [ "$count" -lt "${SENT[$v]}" ]; then
		echo "load.sh: $v counted fewer requests than wrk completed" >&2
	fi
done

# The scrape: the three apps with metrics again, each with SERIES synthetic counter series.
stop_all
echo
echo "# scrape of $SERIES synthetic counter series (plus each app's own metrics), median of $SCRAPES, after $SCRAPE_WARMUP warm-up scrapes"
JARS[otel]=benchmarks/load-app-otel/target/load-app-otel.jar
OTEL_SCRAPE_OPTS=("-Dotel.java.metrics.cardinality.limit=$((SERIES + 1000))")
SCRAPED=(starter actuator otel)
declare -A SCRAPE_PATH=([starter]=/metrics [actuator]=/actuator/prometheus [otel]=":$OTEL_PORT/metrics")
declare -A SCRAPE_URL=([starter]="http://127.0.0.1:${PORTS[starter]}/metrics"
	[actuator]="http://127.0.0.1:${PORTS[actuator]}/actuator/prometheus"
	[otel]="http://127.0.0.1:$OTEL_PORT/metrics")
for v in "${SCRAPED[@]}"; do
	start "$v" --load.synthetic-series="$SERIES"
done
# Warm-up in turn, once all three run: each JIT compiles while the others are idle.
for _ in $(seq 1 "$SCRAPE_WARMUP"); do
	for v in "${SCRAPED[@]}"; do
		"${WRK_PIN[@]}" curl -fs -o /dev/null "${SCRAPE_URL[$v]}"
	done
done
for _ in $(seq 1 "$SCRAPES"); do
	for v in "${SCRAPED[@]}"; do
		"${WRK_PIN[@]}" curl -fs -o /dev/null -w '%{time_total}\n' "${SCRAPE_URL[$v]}" >>"$WORK/scrape-$v"
	done
done
printf '%-8s %-22s %8s %12s %14s %10s\n' app path series 'median ms' 'us per series' bytes
for v in "${SCRAPED[@]}"; do
	curl -fs "${SCRAPE_URL[$v]}" >"$WORK/body-$v"
	# Sample lines: every line that is neither a comment nor empty.
	lines=$(grep -c '^[^#]' "$WORK/body-$v")
	synthetic=$(grep -c '^load_synthetic_total{' "$WORK/body-$v" || true)
	if [ "$synthetic" -ne "$SERIES" ]; then
		echo "load.sh: $v shows $synthetic synthetic series, not $SERIES" >&2
		exit 1
	fi
	ms=$(awk '{ print $1 * 1000 }' "$WORK/scrape-$v" | median)
	printf '%-8s %-22s %8s %12.2f %14.3f %10s\n' "$v" "${SCRAPE_PATH[$v]}" "$lines" "$ms" \
		"$(awk -v m="$ms" -v l="$lines" 'BEGIN { print m * 1000 / l }')" "$(wc -c <"$WORK/body-$v")"
done
