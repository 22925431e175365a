#!/usr/bin/env bash
# Startup time and heap, on 127.0.0.1:
#  a. Startup time, median of STARTS starts, of the load app without metrics (bare) and with
#     prometheus-web (starter), and of the sample app with --prometheus.web.enabled=false
#     (sample-off) and with its defaults (sample): A and B of Spring Boot's own log line
#     "Started X in A seconds (process running for B)". The variants start in turn
#     (bare starter sample-off sample bare ...), each on a free port, with the same JAVA_OPTS.
#  b. Heap after startup: after each start, one request to /items/42, then jcmd GC.run twice
#     and the heap used (jcmd GC.heap_info), and the resident set size; medians over the starts.
#  c. Retained heap per label set of the default metrics: the starter with
#     --prometheus.web.group-by=path and a cardinality limit above N, heap used after full GCs
#     before (after N warm-up requests to /items/0) and after N requests to the distinct paths
#     /items/1../items/N (one curl connection per 1000 requests), checked to give N
#     more path series of spring_http_request_duration_seconds_count; reported per label set
#     and per sample line of the scrape. The bare app goes through the same requests as a
#     control (what Spring MVC and Tomcat keep), and starter - bare is the metrics' own share.
#
# Usage: benchmarks/startup.sh     (settings from the environment, defaults below)
#   STARTS=10 N=10000 JAVA_OPTS='-Xms512m -Xmx512m -XX:+UseG1GC' APP_CPUS= (e.g. 0: apps pinned
#   with taskset; empty: unpinned) SKIP_BUILD=true reuses the jars of the last build.
#   STARTS=0 leaves out a and b, N=0 leaves out c. Needs java, jcmd, curl.
# Bounded: every wait has a limit, the whole run stops after MAX_SECONDS, and the servers
# are stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."

STARTS=${STARTS:-10}
N=${N:-10000}
MAX_SECONDS=${MAX_SECONDS:-1200}
JAVA_OPTS=${JAVA_OPTS:--Xms512m -Xmx512m -XX:+UseG1GC}
APP_CPUS=${APP_CPUS:-}
URL_PATH=/items/42
VARIANTS=(bare starter sample-off sample)
declare -A JARS=([bare]=benchmarks/load-app-bare/target/load-app-bare.jar
	[starter]=benchmarks/load-app-starter/target/load-app-starter.jar
	[sample-off]=sample-app/target/sample-app.jar
	[sample]=sample-app/target/sample-app.jar)
# The logger of "Started X in ..." is the main class's; the load apps log at warn otherwise.
declare -A ARGS=([bare]=--logging.level.io.github.prometheusweb.loadapp=info
	[starter]=--logging.level.io.github.prometheusweb.loadapp=info
	[sample-off]=--prometheus.web.enabled=false
	[sample]="")
PID=
WORK=$(mktemp -d /tmp/prometheus-web-startup.XXXXXX)

for tool in java jcmd curl; do
	command -v "$tool" >/dev/null || { echo "startup.sh: $tool is missing" >&2; exit 1; }
done
APP_PIN=()
if [ -n "$APP_CPUS" ]; then
	command -v taskset >/dev/null || { echo "taskset is missing: apt-get install -y util-linux" >&2; exit 1; }
	APP_PIN=(taskset -c "$APP_CPUS")
fi

# stop: stops the running app, if any (TERM, then KILL after 10 s).
stop() {
	[ -n "$PID" ] || return 0
	kill "$PID" 2>/dev/null || true
	for _ in $(seq 1 50); do
		kill -0 "$PID" 2>/dev/null || break
		sleep 0.2
	done
	kill -9 "$PID" 2>/dev/null || true
	wait "$PID" 2>/dev/null || true
	PID=
}
cleanup() {
	stop
	if [ -n "${WATCHDOG:-}" ]; then
		kill "$WATCHDOG" 2>/dev/null || true
	fi
	rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
# The watchdog ends the run (and so, through the trap, its server) after MAX_SECONDS; if the
# run has not ended 30 s later, it kills the server ($WORK/pid) and the run.
(
	sleep "$MAX_SECONDS" &
	sleeper=$!
	trap 'kill $sleeper 2>/dev/null; exit 0' TERM
	wait $sleeper || exit 0
	echo "startup.sh: stopped after $MAX_SECONDS s" >&2
	kill -TERM $$
	sleep 30 &
	sleeper=$!
	wait $sleeper || exit 0
	kill -9 "$(cat "$WORK/pid" 2>/dev/null)" $$ 2>/dev/null
	rm -rf "$WORK"
) &
WATCHDOG=$!

if [ "${SKIP_BUILD:-false}" != true ]; then
	./mvnw -q -B -ntp -Pload-apps package -DskipTests -am \
		-pl benchmarks/load-app-bare,benchmarks/load-app-starter,sample-app
fi

# free_port: a port on 127.0.0.1 that nothing answers on (curl exits 7 when refused).
free_port() {
	local port rc
	for _ in $(seq 1 50); do
		port=$((20000 + RANDOM % 20000))
		rc=0
		curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$port/" || rc=$?
		if [ "$rc" -eq 7 ]; then
			echo "$port"
			return 0
		fi
	done
	echo "startup.sh: no free port found" >&2
	return 1
}

# start VARIANT [extra args...]: starts the app on a free port (PORT) and waits (at most
# 90 s) for its "Started" line; sets PID, PORT and LOG.
start() {
	local v=$1
	shift
	PORT=$(free_port)
	LOG="$WORK/$v.log"
	# shellcheck disable=SC2086
	"${APP_PIN[@]}" java $JAVA_OPTS -jar "${JARS[$v]}" --server.port="$PORT" --server.address=127.0.0.1 \
		${ARGS[$v]} "$@" </dev/null >"$LOG" 2>&1 &
	PID=$!
	echo "$PID" >"$WORK/pid"
	for _ in $(seq 1 450); do
		if grep -q 'Started .* in .* seconds (process running for ' "$LOG"; then
			return 0
		fi
		kill -0 "$PID" 2>/dev/null || break
		sleep 0.2
	done
	echo "startup.sh: $v did not start; its log:" >&2
	cat "$LOG" >&2
	exit 1
}

# get PATH: one request to the running app, which must answer 200.
get() {
	curl -fs --max-time 10 -o /dev/null "http://127.0.0.1:$PORT$1"
}

# heap_kib: full GC twice, then the heap used in KiB (the sum over the heap's generations).
heap_kib() {
	printf 'GC.run\nGC.run\nGC.heap_info\n' >"$WORK/jcmd"
	timeout 60 jcmd "$PID" -f "$WORK/jcmd" >"$WORK/heap" 2>&1 || {
		echo "startup.sh: jcmd failed:" >&2
		cat "$WORK/heap" >&2
		exit 1
	}
	awk 'match($0, /total [0-9]+K, used [0-9]+K/) {
			split(substr($0, RSTART, RLENGTH), f, /[ ,K]+/); s += f[4]; n++ }
		END { if (n) print s; else exit 1 }' "$WORK/heap" || {
		echo "startup.sh: no heap usage in:" >&2
		cat "$WORK/heap" >&2
		exit 1
	}
}

# rss_kib: the resident set size of the running app in KiB.
rss_kib() {
	awk '$1 == "VmRSS:" { print $2 }' "/proc/$PID/status"
}

# scrape FILE: the starter's /metrics into FILE.
scrape() {
	curl -fs --max-time 30 "http://127.0.0.1:$PORT/metrics" >"$1"
}

# path_series FILE: the path series of the request duration histogram in FILE.
path_series() {
	grep -c '^spring_http_request_duration_seconds_count{.*path="/items/' "$1" || true
}

# sample_lines FILE: the lines of FILE that are neither comments nor empty.
sample_lines() {
	grep -c '^[^#]' "$1" || true
}

# paths FROM TO [ID]: one request to each of /items/FROM../items/TO, or as many to /items/ID,
# 1000 per curl (one connection); fails unless all answer 200.
paths() {
	local from=$1 to=$2 id=${3:-} i end ok
	for ((i = from; i <= to; i += 1000)); do
		end=$((i + 999 < to ? i + 999 : to))
		awk -v a="$i" -v b="$end" -v id="$id" -v p="$PORT" 'BEGIN { for (k = a; k <= b; k++)
			printf "url = \"http://127.0.0.1:%s/items/%s\"\noutput = \"/dev/null\"\n", p, (id == "" ? k : id) }' \
			>"$WORK/urls"
		ok=$(timeout 120 curl -s --max-time 10 -w '%{http_code}\n' --config "$WORK/urls" | grep -c '^200$' || true)
		if [ "$ok" -ne $((end - i + 1)) ]; then
			echo "startup.sh: $ok of $((end - i + 1)) requests to /items/${id:-$i..$end} answered 200" >&2
			exit 1
		fi
	done
}

median() {
	sort -g | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else printf "%.4f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}

echo "# startup.sh $(date -u +%FT%TZ): $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), JAVA_OPTS=$JAVA_OPTS, apps on CPUs ${APP_CPUS:-any}"

# a. and b. (STARTS=0 leaves them out)
if [ "$STARTS" -gt 0 ]; then
	for _ in $(seq 1 "$STARTS"); do
		for v in "${VARIANTS[@]}"; do
			start "$v"
			sed -n 's/.*Started .* in \([0-9.]*\) seconds (process running for \([0-9.]*\)).*/\1 \2/p' "$LOG" \
				| head -1 >>"$WORK/started-$v"
			get "$URL_PATH"
			echo "$(heap_kib) $(rss_kib)" >>"$WORK/heap-$v"
			stop
		done
	done
	echo "# a, b: median of $STARTS starts: Spring Boot's \"Started ... in A seconds (process running for B)\";"
	echo "# heap used and RSS after one request to $URL_PATH and two full GCs (jcmd GC.run)"
	printf '%-17s %10s %10s %10s %10s\n' variant 'started s' 'process s' 'heap KiB' 'rss MiB'
	declare -A MED=()
	for v in "${VARIANTS[@]}"; do
		MED[$v.a]=$(awk '{ print $1 }' "$WORK/started-$v" | median)
		MED[$v.b]=$(awk '{ print $2 }' "$WORK/started-$v" | median)
		MED[$v.heap]=$(awk '{ print $1 }' "$WORK/heap-$v" | median)
		MED[$v.rss]=$(awk '{ print $2 / 1024 }' "$WORK/heap-$v" | median)
		printf '%-17s %10.3f %10.3f %10.0f %10.1f\n' "$v" "${MED[$v.a]}" "${MED[$v.b]}" "${MED[$v.heap]}" "${MED[$v.rss]}"
	done
	# The differences of the medians, with prometheus-web minus without.
	for pair in starter:bare sample:sample-off; do
		with=${pair%%:*}
		without=${pair##*:}
		printf '%-17s %+10.3f %+10.3f %+10.0f %+10.1f\n' "$with-$without" \
			"$(awk -v a="${MED[$with.a]}" -v b="${MED[$without.a]}" 'BEGIN { print a - b }')" \
			"$(awk -v a="${MED[$with.b]}" -v b="${MED[$without.b]}" 'BEGIN { print a - b }')" \
			"$(awk -v a="${MED[$with.heap]}" -v b="${MED[$without.heap]}" 'BEGIN { print a - b }')" \
			"$(awk -v a="${MED[$with.rss]}" -v b="${MED[$without.rss]}" 'BEGIN { print a - b }')"
	done
fi

# c. (N=0 leaves it out)
if [ "$N" -gt 0 ]; then
	echo
	echo "# c: heap used after two full GCs before (after $N requests to /items/0) and after one request"
	echo "# to each of /items/1../items/$N;"
	echo "# starter with --prometheus.web.group-by=path --prometheus.web.cardinality-limit=$((N + 1000))"
	printf '%-12s %8s %11s %11s %11s %11s %12s %12s\n' app series 'lines bef' 'lines aft' 'heap bef' 'heap aft' \
		'B/label set' 'B/line'
	declare -A DELTA=()
	for v in bare starter; do
		if [ "$v" = starter ]; then
			start starter --prometheus.web.group-by=path --prometheus.web.cardinality-limit=$((N + 1000))
		else
			start bare
		fi
		# Every code path before the first measurement: as many requests, to the one path
		# /items/0, full GCs (which add the JVM's series of them), and a scrape.
		paths 1 "$N" 0
		heap_kib >/dev/null
		series=- lines_before=- lines_after=-
		if [ "$v" = starter ]; then
			scrape "$WORK/before"
			lines_before=$(sample_lines "$WORK/before")
			series_before=$(path_series "$WORK/before")
		fi
		before=$(heap_kib)
		paths 1 "$N"
		after=$(heap_kib)
		if [ "$v" = starter ]; then
			scrape "$WORK/after"
			lines_after=$(sample_lines "$WORK/after")
			series=$(($(path_series "$WORK/after") - series_before))
			if [ "$series" -ne "$N" ]; then
				echo "startup.sh: the scrape shows $series new path series, not $N" >&2
				exit 1
			fi
			if grep -q '^spring_exporter_label_overflow_total{.*} [1-9]' "$WORK/after"; then
				echo "startup.sh: the cardinality limit was reached:" >&2
				grep '^spring_exporter_label_overflow_total' "$WORK/after" >&2
				exit 1
			fi
		fi
		DELTA[$v]=$(((after - before) * 1024))
		per_line=-
		if [ "$v" = starter ]; then
			per_line=$(awk -v d="${DELTA[$v]}" -v l=$((lines_after - lines_before)) 'BEGIN { printf "%.1f", d / l }')
		fi
		printf '%-12s %8s %11s %11s %11s %11s %12.1f %12s\n' "$v" "$series" "$lines_before" "$lines_after" \
			"${before}K" "${after}K" "$(awk -v d="${DELTA[$v]}" -v n="$N" 'BEGIN { print d / n }')" "$per_line"
		stop
	done
	printf '%-12s %8s %11s %11s %11s %11s %12.1f %12.1f\n' starter-bare "$N" - - - - \
		"$(awk -v s="${DELTA[starter]}" -v b="${DELTA[bare]}" -v n="$N" 'BEGIN { print (s - b) / n }')" \
		"$(awk -v s="${DELTA[starter]}" -v b="${DELTA[bare]}" -v l=$((lines_after - lines_before)) \
			'BEGIN { print (s - b) / l }')"
fi
