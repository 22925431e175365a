#!/usr/bin/env bash
# Load test: the same small app without metrics (bare), with prometheus-web (starter), and
# with Spring Boot Actuator + micrometer-registry-prometheus and
# percentiles-histogram.http.server.requests=true (actuator), on 127.0.0.1, driven by wrk in
# interleaved rounds (bare starter actuator bare starter actuator ...). For each round it
# reports requests/s, p50 and p99 latency and server CPU time per request of each app as a
# ratio to the bare app of the same round, then the median of each ratio over the rounds.
# Then it times a scrape of SERIES synthetic counter series on /metrics and on
# /actuator/prometheus (median of SCRAPES scrapes, per series).
#
# Usage: benchmarks/load.sh        (settings from the environment, defaults below)
#   ROUNDS=5 DURATION=10 WARMUP=15 CONNECTIONS=16 WRK_THREADS=2 SERIES=10000 SCRAPES=30
#   SKIP_BUILD=true reuses the jars of the last build. Needs java, wrk, curl.
# Bounded: every wait has a limit, the whole run stops after MAX_SECONDS, and the servers
# are stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."

ROUNDS=${ROUNDS:-5}
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-15}
CONNECTIONS=${CONNECTIONS:-16}
WRK_THREADS=${WRK_THREADS:-2}
SERIES=${SERIES:-10000}
SCRAPES=${SCRAPES:-30}
MAX_SECONDS=${MAX_SECONDS:-900}
JAVA_OPTS=${JAVA_OPTS:--Xms512m -Xmx512m -XX:+UseG1GC}
URL_PATH=/items/42
VARIANTS=(bare starter actuator)
declare -A PORTS=([bare]=18081 [starter]=18082 [actuator]=18083)
declare -A PIDS=()
WORK=$(mktemp -d /tmp/prometheus-web-load.XXXXXX)

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }

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
	[ -n "${WATCHDOG:-}" ] && kill "$WATCHDOG" 2>/dev/null || true
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
	./mvnw -q -B -Pload-apps package -DskipTests -am \
		-pl benchmarks/load-app-bare,benchmarks/load-app-starter,benchmarks/load-app-actuator
fi

# start VARIANT [extra args...]: starts the app and waits (at most 90 s) until it answers.
start() {
	local v=$1
	shift
	local args=(--server.port="${PORTS[$v]}")
	if [ "$v" = actuator ]; then
		args+=(--management.endpoints.web.exposure.include=prometheus
			--management.metrics.distribution.percentiles-histogram.http.server.requests=true)
	fi
	# shellcheck disable=SC2086
	java $JAVA_OPTS -jar "benchmarks/load-app-$v/target/load-app-$v.jar" "${args[@]}" "$@" \
		>"$WORK/$v.log" 2>&1 &
	PIDS[$v]=$!
	for _ in $(seq 1 450); do
		if curl -fs -o /dev/null "http://127.0.0.1:${PORTS[$v]}$URL_PATH"; then
			return 0
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

# measure VARIANT: runs wrk for DURATION seconds, prints "rps p50_ms p99_ms cpu_us_per_request".
measure() {
	local v=$1 url="http://127.0.0.1:${PORTS[$v]}$URL_PATH"
	local ticks_before ticks_after out requests rps p50 p99
	ticks_before=$(cpu_ticks "${PIDS[$v]}")
	out=$(wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "$url")
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
		'BEGIN { printf "%s %s %s %.2f\n", rps, p50, p99, (t / hz) * 1e6 / r }'
}

median() {
	sort -g | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else printf "%.4f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}

echo "# load.sh $(date -u +%FT%TZ): $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# wrk -t$WRK_THREADS -c$CONNECTIONS -d${DURATION}s (warm-up ${WARMUP}s) GET $URL_PATH, $ROUNDS rounds, JAVA_OPTS=$JAVA_OPTS"
for v in "${VARIANTS[@]}"; do
	start "$v"
	wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" "http://127.0.0.1:${PORTS[$v]}$URL_PATH" >/dev/null
done

printf '%-5s %-8s %10s %9s %9s %12s | %6s %6s %6s %6s\n' round app 'req/s' 'p50 ms' 'p99 ms' 'cpu us/req' \
	'rps/b' 'p50/b' 'p99/b' 'cpu/b'
for round in $(seq 1 "$ROUNDS"); do
	declare -A RESULT=()
	for v in "${VARIANTS[@]}"; do
		RESULT[$v]=$(measure "$v")
	done
	read -r brps bp50 bp99 bcpu <<<"${RESULT[bare]}"
	for v in "${VARIANTS[@]}"; do
		read -r rps p50 p99 cpu <<<"${RESULT[$v]}"
		ratios=$(awk -v a="$rps" -v b="$brps" -v c="$p50" -v d="$bp50" -v e="$p99" -v f="$bp99" -v g="$cpu" -v h="$bcpu" \
			'BEGIN { printf "%.3f %.3f %.3f %.3f", a / b, c / d, e / f, g / h }')
		echo "$v $ratios" >>"$WORK/ratios"
		printf '%-5s %-8s %10s %9s %9s %12s | %6s %6s %6s %6s\n' "$round" "$v" "$rps" "$p50" "$p99" "$cpu" $ratios
	done
done

echo
echo "# median over $ROUNDS rounds of the ratio to the bare app of the same round"
printf '%-8s %6s %6s %6s %6s\n' app 'rps/b' 'p50/b' 'p99/b' 'cpu/b'
for v in starter actuator; do
	cols=()
	for c in 2 3 4 5; do
		cols+=("$(awk -v v="$v" -v c="$c" '$1 == v { print $c }' "$WORK/ratios" | median)")
	done
	printf '%-8s %6s %6s %6s %6s\n' "$v" "${cols[@]}"
done

# The scrape: both apps again, each with SERIES synthetic counter series.
stop_all
echo
echo "# scrape of $SERIES synthetic counter series (plus each app's own metrics), median of $SCRAPES, after 20 warm-up scrapes"
declare -A SCRAPE_URL=([starter]=/metrics [actuator]=/actuator/prometheus)
for v in starter actuator; do
	start "$v" --load.synthetic-series="$SERIES"
	for _ in $(seq 1 20); do
		curl -fs -o /dev/null "http://127.0.0.1:${PORTS[$v]}${SCRAPE_URL[$v]}"
	done
done
for _ in $(seq 1 "$SCRAPES"); do
	for v in starter actuator; do
		curl -fs -o /dev/null -w '%{time_total}\n' "http://127.0.0.1:${PORTS[$v]}${SCRAPE_URL[$v]}" >>"$WORK/scrape-$v"
	done
done
printf '%-8s %-22s %8s %12s %14s\n' app path series 'median ms' 'us per series'
for v in starter actuator; do
	lines=$(curl -fs "http://127.0.0.1:${PORTS[$v]}${SCRAPE_URL[$v]}" | grep -vc '^#')
	ms=$(awk '{ print $1 * 1000 }' "$WORK/scrape-$v" | median)
	printf '%-8s %-22s %8s %12.2f %14.3f\n' "$v" "${SCRAPE_URL[$v]}" "$lines" "$ms" \
		"$(awk -v m="$ms" -v l="$lines" 'BEGIN { print m * 1000 / l }')"
done
