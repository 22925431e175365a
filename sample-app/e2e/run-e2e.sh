#!/usr/bin/env bash
#
# End-to-end test: two sample-app instances scraped every second by real Prometheus servers,
# with the recording rules and alerts of sample-app/prometheus/ loaded, then checked through
# Prometheus's HTTP API, including every expression of the dashboards in sample-app/grafana/.
# The apps record in the three conventions at once (prometheus.web.convention:
# flask,opentelemetry,micrometer), so every convention's rules and dashboard run on the same
# traffic: rules.yml and dashboard.json (flask), rules-opentelemetry.yml and
# dashboard-opentelemetry.json, rules-micrometer.yml and dashboard-micrometer.json.
#
#   ./mvnw -q -DskipTests package && bash sample-app/e2e/run-e2e.sh
#
# Two servers scrape the same two instances (both with native histograms on):
# - "native": started with --enable-feature=native-histograms. Prometheus 2.42 (Debian 12)
#   then stores only the native buckets of a histogram that has both kinds (its
#   `scrape_classic_histograms` option arrived in 2.45);
# - "classic": started without the feature, so it scrapes the text format and stores the
#   classic `_bucket`/`_count`/`_sum` series.
# Every check runs against both, and the native quantile is compared with the classic one.
#
# Needs java, curl, python3 (JSON only), and prometheus + promtool (the Debian package
# `prometheus` is installed when missing). Every server listens on 127.0.0.1, every wait is
# bounded, and everything started here is stopped on exit, also on failure. The last line is
# "<n> passed, <m> failed"; the exit status is non-zero on any failure.

set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
JAR="${SAMPLE_APP_JAR:-$ROOT/sample-app/target/sample-app.jar}"
CONVENTIONS=(flask opentelemetry micrometer)
declare -A RULES_OF=([flask]=rules.yml [opentelemetry]=rules-opentelemetry.yml [micrometer]=rules-micrometer.yml)
declare -A DASHBOARD_OF=([flask]=dashboard.json [opentelemetry]=dashboard-opentelemetry.json
	[micrometer]=dashboard-micrometer.json)
RULES_DIR="$ROOT/sample-app/prometheus"
DASHBOARDS_DIR="$ROOT/sample-app/grafana"
JOB=sample-app
# Concrete values for the dashboard's Grafana variables.
RATE_RANGE=1m

PASSED=0
FAILED=0
PIDS=()
WORK=""

pass() {
	PASSED=$((PASSED + 1))
	echo "PASS $*"
}

fail() {
	FAILED=$((FAILED + 1))
	echo "FAIL $*"
}

# check DESCRIPTION ACTUAL EXPECTED
check_eq() {
	if [[ "$2" == "$3" ]]; then
		pass "$1: $2"
	else
		fail "$1: expected $3, got $2"
	fi
}

die() {
	fail "$*"
	exit 1
}

cleanup() {
	local status=$?
	trap - EXIT INT TERM
	local pid
	for pid in "${PIDS[@]}"; do
		kill "$pid" 2>/dev/null
	done
	local deadline=$((SECONDS + 15))
	for pid in "${PIDS[@]}"; do
		while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do
			sleep 0.2
		done
		if kill -0 "$pid" 2>/dev/null; then
			echo "process $pid did not stop within 15 s, killing it"
			kill -9 "$pid" 2>/dev/null
		fi
		wait "$pid" 2>/dev/null
	done
	if [[ -n "$WORK" && -d "$WORK" ]]; then
		if ((FAILED > 0 || status != 0)); then
			local log
			for log in "$WORK"/*.log; do
				[[ -f "$log" ]] || continue
				echo "---- last lines of $(basename "$log")"
				tail -n 15 "$log"
			done
		fi
		rm -rf "$WORK"
	fi
	if ((status != 0 && FAILED == 0)); then
		FAILED=1
		echo "FAIL the script stopped with status $status"
	fi
	echo
	if ((FAILED == 0)); then
		echo "END-TO-END: PASS"
	else
		echo "END-TO-END: FAIL"
	fi
	echo "$PASSED passed, $FAILED failed"
	((FAILED == 0)) && exit 0
	exit 1
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# wait_until SECONDS DESCRIPTION COMMAND...: runs COMMAND until it succeeds, at most SECONDS.
wait_until() {
	local timeout=$1 description=$2
	shift 2
	local deadline=$((SECONDS + timeout))
	until "$@" >/dev/null 2>&1; do
		if ((SECONDS >= deadline)); then
			fail "$description (not within $timeout s)"
			return 1
		fi
		sleep 0.5
	done
	return 0
}

# ---------------------------------------------------------------------------------------------
# Tools and inputs

if ! command -v prometheus >/dev/null 2>&1 || ! command -v promtool >/dev/null 2>&1; then
	echo "Installing the Debian package prometheus"
	SUDO=""
	if [[ $(id -u) -ne 0 ]]; then
		SUDO=sudo
	fi
	$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq prometheus >/dev/null ||
		die "could not install the Debian package prometheus"
fi
for tool in java curl python3 prometheus promtool; do
	command -v "$tool" >/dev/null 2>&1 || die "$tool is not on the PATH"
done
[[ -f "$JAR" ]] || die "$JAR is missing: build it first with ./mvnw -q -DskipTests package"
echo "Using $(prometheus --version 2>&1 | head -n 1)"

for convention in "${CONVENTIONS[@]}"; do
	rules=${RULES_OF[$convention]}
	if promtool check rules "$RULES_DIR/$rules" >/dev/null 2>&1; then
		pass "promtool check rules $rules"
	else
		fail "promtool check rules $rules"
	fi
	if (cd "$RULES_DIR" && promtool test rules "${rules%.yml}.test.yml" >/dev/null 2>&1); then
		pass "promtool test rules ${rules%.yml}.test.yml"
	else
		fail "promtool test rules ${rules%.yml}.test.yml"
	fi
done

WORK=$(mktemp -d "${TMPDIR:-/tmp}/prometheus-web-e2e.XXXXXX")

read -r PORT_A PORT_B PORT_NATIVE PORT_CLASSIC < <(python3 -c '
import socket
sockets = [socket.socket() for _ in range(4)]
for s in sockets:
    s.bind(("127.0.0.1", 0))
print(*[s.getsockname()[1] for s in sockets])
for s in sockets:
    s.close()
')
echo "Ports: sample apps $PORT_A and $PORT_B, Prometheus native $PORT_NATIVE and classic $PORT_CLASSIC"

# ---------------------------------------------------------------------------------------------
# Servers

start_app() {
	local name=$1 port=$2
	java -Xmx256m -XX:+UseSerialGC -jar "$JAR" \
		--server.port="$port" --server.address=127.0.0.1 \
		--prometheus.web.native-histograms=true --prometheus.web.in-progress.enabled=true \
		--prometheus.web.convention=flask,opentelemetry,micrometer \
		--spring.main.banner-mode=off --logging.level.org.apache.catalina.core=off \
		>"$WORK/app-$name.log" 2>&1 &
	PIDS+=($!)
}

write_prometheus_config() {
	cat >"$1" <<EOF
global:
  scrape_interval: 1s
  scrape_timeout: 1s
  evaluation_interval: 1s
rule_files:
  - $RULES_DIR/${RULES_OF[flask]}
  - $RULES_DIR/${RULES_OF[opentelemetry]}
  - $RULES_DIR/${RULES_OF[micrometer]}
scrape_configs:
  - job_name: $JOB
    static_configs:
      - targets: ['127.0.0.1:$PORT_A', '127.0.0.1:$PORT_B']
EOF
}

start_prometheus() {
	local name=$1 port=$2
	shift 2
	write_prometheus_config "$WORK/prometheus-$name.yml"
	prometheus --config.file="$WORK/prometheus-$name.yml" --storage.tsdb.path="$WORK/data-$name" \
		--web.listen-address="127.0.0.1:$port" --log.level=warn "$@" \
		>"$WORK/prometheus-$name.log" 2>&1 &
	PIDS+=($!)
}

start_app a "$PORT_A"
start_app b "$PORT_B"
start_prometheus native "$PORT_NATIVE" --enable-feature=native-histograms
start_prometheus classic "$PORT_CLASSIC"

wait_until 180 "sample app a answers /metrics" curl -sf -o /dev/null --max-time 2 "http://127.0.0.1:$PORT_A/metrics" || exit 1
wait_until 180 "sample app b answers /metrics" curl -sf -o /dev/null --max-time 2 "http://127.0.0.1:$PORT_B/metrics" || exit 1
wait_until 30 "Prometheus native is ready" curl -sf -o /dev/null --max-time 2 "http://127.0.0.1:$PORT_NATIVE/-/ready" || exit 1
wait_until 30 "Prometheus classic is ready" curl -sf -o /dev/null --max-time 2 "http://127.0.0.1:$PORT_CLASSIC/-/ready" || exit 1

# ---------------------------------------------------------------------------------------------
# Prometheus HTTP API helpers (python3 reads the JSON)

# query PORT EXPR [TIME]: prints the API's JSON answer.
query() {
	curl -sS --max-time 10 "http://127.0.0.1:$1/api/v1/query" --data-urlencode "query=$2" ${3:+--data-urlencode "time=$3"}
}

# samples PORT EXPR LABEL...: prints one line per series, "label1,label2 value", sorted. A
# native histogram prints its count.
samples() {
	local port=$1 expr=$2
	shift 2
	query "$port" "$expr" | python3 -c '
import json, sys
answer = json.load(sys.stdin)
if answer.get("status") != "success":
    print("error: " + answer.get("error", "?"))
    sys.exit(0)
lines = []
for series in answer["data"]["result"]:
    key = ",".join(series["metric"].get(name, "") for name in sys.argv[1:])
    value = series["value"][1] if "value" in series else "histogram:" + series["histogram"][1]["count"]
    lines.append((key + " " + value).strip())
print("\n".join(sorted(lines)))
' "$@"
}

# value PORT EXPR: the value of a one-series answer, "none" for an empty one.
value() {
	local out
	out=$(samples "$1" "$2")
	echo "${out:-none}"
}

# scraped_after PORT TIME: whether every target's last scrape started after TIME (epoch s).
scraped_after() {
	local out
	out=$(value "$1" "min(timestamp(up{job=\"$JOB\"})) > $2 and count(up{job=\"$JOB\"}) == 2")
	[[ "$out" != none && "$out" != error* ]]
}

both_up() {
	[[ $(value "$1" "count(up{job=\"$JOB\"} == 1)") == 2 ]]
}

SERVERS=(native classic)
declare -A PORT_OF=([native]=$PORT_NATIVE [classic]=$PORT_CLASSIC)

for server in "${SERVERS[@]}"; do
	if wait_until 30 "both targets up on $server" both_up "${PORT_OF[$server]}"; then
		pass "both targets up on $server"
	fi
done

# ---------------------------------------------------------------------------------------------
# Traffic: a known number of requests per route and instance. Instance b gets no /three and no
# /crash. Each route first gets one request, scraped before the rest is sent, so that every
# series exists before its counter moves and `rate` sees the increase.

# /fail and /crash get enough requests for SpringHttpHighErrorRatio's traffic guard (0.1/s over
# 5 minutes, i.e. more than 30 increases within the window).
declare -A PLAN_A=([/one]=20 [/two]=12 [/three]=8 [/four]=10 [/items/{id}]=12 [/fail]=25 [/crash]=40 [none]=4)
declare -A PLAN_B=([/one]=15 [/two]=9 [/four]=6 [/items/{id}]=9 [/fail]=15 [none]=3)

path_for() {
	case "$1" in
	/items/{id}) echo "/items/$2" ;;
	none) echo "/no-such-route-$2" ;;
	*) echo "$1" ;;
	esac
}

status_for() {
	case "$1" in
	/fail | /crash) echo 500 ;;
	none) echo 404 ;;
	*) echo 200 ;;
	esac
}

# urls PORT PLAN_NAME PHASE: phase 1 is one request per route, phase 2 the rest.
urls() {
	local port=$1 phase=$3
	local -n plan=$2
	local rule i from to
	for rule in "${!plan[@]}"; do
		if [[ $phase == 1 ]]; then from=1 to=1; else from=2 to=${plan[$rule]}; fi
		for ((i = from; i <= to; i++)); do
			echo "http://127.0.0.1:$port$(path_for "$rule" "$i")"
		done
	done
}

send() {
	xargs -P 16 -n 1 curl -s -o /dev/null --max-time 10 -w '%{http_code}\n' | sort | uniq -c | awk '{print $2 "=" $1}' | sort | paste -sd' '
}

expected_statuses() {
	local -n plan=$1
	local rule
	declare -A counts=()
	for rule in "${!plan[@]}"; do
		counts[$(status_for "$rule")]=$((${counts[$(status_for "$rule")]:-0} + plan[$rule]))
	done
	for rule in "${!counts[@]}"; do echo "$rule=${counts[$rule]}"; done | sort | paste -sd' '
}

total_of() {
	local -n plan=$1
	local rule total=0
	for rule in "${!plan[@]}"; do total=$((total + plan[$rule])); done
	echo $total
}

SENT_A=$(total_of PLAN_A)
SENT_B=$(total_of PLAN_B)
SENT=$((SENT_A + SENT_B))

T1=$(date +%s.%N)
STATUSES_1=$({ urls "$PORT_A" PLAN_A 1; urls "$PORT_B" PLAN_B 1; } | send)
for server in "${SERVERS[@]}"; do
	wait_until 30 "$server scraped both targets after the first requests" scraped_after "${PORT_OF[$server]}" "$T1 + 1" || exit 1
done
STATUSES_A=$(urls "$PORT_A" PLAN_A 2 | send)
STATUSES_B=$(urls "$PORT_B" PLAN_B 2 | send)
T2=$(date +%s.%N)
echo "Sent $SENT_A requests to a and $SENT_B to b (first round: $STATUSES_1)"

# The clients saw the statuses planned: phase 1 + phase 2 per status.
merge_statuses() {
	echo "$@" | tr ' ' '\n' | grep . | awk -F= '{c[$1]+=$2} END {for (s in c) print s "=" c[s]}' | sort | paste -sd' '
}
check_eq "statuses received by the clients" \
	"$(merge_statuses "$STATUSES_1" "$STATUSES_A" "$STATUSES_B")" \
	"$(merge_statuses "$(expected_statuses PLAN_A)" "$(expected_statuses PLAN_B)")"

for server in "${SERVERS[@]}"; do
	wait_until 30 "$server scraped both targets after the traffic" scraped_after "${PORT_OF[$server]}" "$T2 + 1" || exit 1
done

# ---------------------------------------------------------------------------------------------
# Counts: exact, per server

expected_by_instance_rule() {
	local rule
	for rule in "${!PLAN_A[@]}"; do echo "127.0.0.1:$PORT_A,$rule ${PLAN_A[$rule]}"; done
	for rule in "${!PLAN_B[@]}"; do echo "127.0.0.1:$PORT_B,$rule ${PLAN_B[$rule]}"; done
}
EXPECTED_ROUTES=$(expected_by_instance_rule | sort)
EXPECTED_ACTIVE=$(echo "$EXPECTED_ROUTES" | cut -d' ' -f1 | paste -sd' ')

H=spring_http_request_duration_seconds
for server in "${SERVERS[@]}"; do
	port=${PORT_OF[$server]}
	check_eq "$server: sum(spring_http_request_total) equals the requests sent" \
		"$(value "$port" 'sum(spring_http_request_total)')" "$SENT"
	check_eq "$server: requests per instance" \
		"$(samples "$port" 'sum by (instance) (spring_http_request_total)' instance | paste -sd' ')" \
		"$(printf '%s\n' "127.0.0.1:$PORT_A $SENT_A" "127.0.0.1:$PORT_B $SENT_B" | sort | paste -sd' ')"
	check_eq "$server: exceptions counted for /crash" \
		"$(samples "$port" 'sum by (instance, exception) (spring_http_request_exceptions_total)' instance exception | paste -sd' ')" \
		"127.0.0.1:$PORT_A,IllegalStateException ${PLAN_A[/crash]}"
done
# The same counts in the opentelemetry and micrometer names. An unmatched request has no
# http_route (printed empty) and the uri NOT_FOUND.
OTEL_H=http_server_request_duration_seconds
MICROMETER_H=http_server_requests_seconds
SERVER_ERRORS=$((PLAN_A[/fail] + PLAN_B[/fail] + PLAN_A[/crash]))
# count_of SERVER METRIC SELECTOR: the count series of a histogram on that server, classic
# (_count) or native (histogram_count).
count_of() {
	if [[ $1 == classic ]]; then echo "${2}_count${3:-}"; else echo "histogram_count($2${3:-})"; fi
}
for server in "${SERVERS[@]}"; do
	port=${PORT_OF[$server]}
	check_eq "$server: opentelemetry: requests per instance and route" \
		"$(samples "$port" "sum by (instance, http_route) ($(count_of "$server" $OTEL_H))" instance http_route | paste -sd' ')" \
		"$(echo "$EXPECTED_ROUTES" | sed 's/,none /, /' | LC_ALL=C sort | paste -sd' ')"
	check_eq "$server: micrometer: requests per instance and route" \
		"$(samples "$port" "sum by (instance, uri) ($(count_of "$server" $MICROMETER_H))" instance uri | paste -sd' ')" \
		"$(echo "$EXPECTED_ROUTES" | sed 's/,none /,NOT_FOUND /' | LC_ALL=C sort | paste -sd' ')"
	check_eq "$server: opentelemetry: requests by error_type" \
		"$(samples "$port" "sum by (error_type) ($(count_of "$server" $OTEL_H))" error_type | paste -sd' ')" \
		"$(printf '%s\n' "$((SENT - SERVER_ERRORS))" "500 $SERVER_ERRORS" | LC_ALL=C sort | paste -sd' ')"
	check_eq "$server: micrometer: exceptions counted for /crash" \
		"$(samples "$port" "sum by (instance, exception) ($(count_of "$server" $MICROMETER_H '{exception!="none"}'))" instance exception | paste -sd' ')" \
		"127.0.0.1:$PORT_A,IllegalStateException ${PLAN_A[/crash]}"
done

check_eq "classic: requests per instance and route (_count)" \
	"$(samples "$PORT_CLASSIC" "sum by (instance, url_rule) (${H}_count)" instance url_rule | paste -sd' ')" \
	"$(echo "$EXPECTED_ROUTES" | paste -sd' ')"
check_eq "native: requests per instance and route (histogram_count)" \
	"$(samples "$PORT_NATIVE" "sum by (instance, url_rule) (histogram_count($H))" instance url_rule | paste -sd' ')" \
	"$(echo "$EXPECTED_ROUTES" | paste -sd' ')"
check_eq "native: no classic series stored" "$(value "$PORT_NATIVE" "count(${H}_bucket)")" none

# `rate` is non-zero exactly for the (instance, route) pairs that got traffic.
check_eq "classic: routes with a non-zero rate" \
	"$(samples "$PORT_CLASSIC" "sum by (instance, url_rule) (rate(${H}_count[$RATE_RANGE])) > 0" instance url_rule | cut -d' ' -f1 | paste -sd' ')" \
	"$EXPECTED_ACTIVE"
check_eq "native: routes with a non-zero rate" \
	"$(samples "$PORT_NATIVE" "sum by (instance, url_rule) (histogram_count(rate(${H}[$RATE_RANGE]))) > 0" instance url_rule | cut -d' ' -f1 | paste -sd' ')" \
	"$EXPECTED_ACTIVE"

# ---------------------------------------------------------------------------------------------
# Dashboard: every panel expression returns data on both servers

declare -A ROUTE_LABEL_OF=([flask]=url_rule [opentelemetry]=http_route [micrometer]=uri)
for convention in "${CONVENTIONS[@]}"; do
	DASHBOARD="$DASHBOARDS_DIR/${DASHBOARD_OF[$convention]}"
	DASHBOARD_EXPRS="$WORK/dashboard-exprs-$convention"
	python3 - "$DASHBOARD" "$RATE_RANGE" "$JOB" >"$DASHBOARD_EXPRS" <<'EOF' || die "cannot read $DASHBOARD"
import json, re, sys
path, rate_range, job = sys.argv[1:]
dashboard = json.load(open(path))
substitutions = {
    "__rate_interval": rate_range, "__interval": rate_range, "__range": rate_range,
    "job": job, "instance": ".+",
}
def concrete(expr):
    def replace(match):
        name = match.group(1) or match.group(2)
        if name not in substitutions:
            raise SystemExit("unknown variable $" + name + " in " + expr)
        return substitutions[name]
    return re.sub(r"\$\{(\w+)\}|\$(\w+)", replace, expr)
count = 0
for panel in dashboard["panels"]:
    for target in panel.get("targets", []):
        count += 1
        print(json.dumps({"name": panel["title"] + " / " + target["refId"], "expr": concrete(target["expr"])}))
for variable in dashboard["templating"]["list"]:
    if variable["type"] == "query":
        match = re.fullmatch(r"label_values\((.*),\s*(\w+)\)", variable["definition"])
        print(json.dumps({"name": "variable " + variable["name"],
                          "expr": "count by (%s) (%s)" % (match.group(2), concrete(match.group(1)))}))
if count < 10:
    raise SystemExit("expected at least 10 panel expressions, found %d" % count)
EOF

	while IFS= read -r line; do
		name=$(python3 -c 'import json, sys; print(json.loads(sys.argv[1])["name"])' "$line")
		expr=$(python3 -c 'import json, sys; print(json.loads(sys.argv[1])["expr"])' "$line")
		for server in "${SERVERS[@]}"; do
			out=$(samples "${PORT_OF[$server]}" "$expr")
			if [[ -n "$out" && "$out" != error* ]]; then
				pass "$server: ${DASHBOARD_OF[$convention]} \"$name\" returns $(echo "$out" | wc -l) series"
			else
				fail "$server: ${DASHBOARD_OF[$convention]} \"$name\" returns no data (${out:-empty}): $expr"
			fi
		done
	done <"$DASHBOARD_EXPRS"

	# The per-route panel shows exactly the routes that answered 2xx.
	REQUESTS_PER_SECOND=$(python3 -c 'import json, sys; print(json.loads(sys.stdin.readline())["expr"])' <"$DASHBOARD_EXPRS")
	for server in "${SERVERS[@]}"; do
		check_eq "$server: ${DASHBOARD_OF[$convention]} \"Requests per second\" routes" \
			"$(samples "${PORT_OF[$server]}" "$REQUESTS_PER_SECOND" "${ROUTE_LABEL_OF[$convention]}" | cut -d' ' -f1 | paste -sd' ')" \
			"/four /items/{id} /one /three /two"
done
done

# ---------------------------------------------------------------------------------------------
# Rules: every rule loaded and healthy; every recording rule returns data

rules_list() {
	curl -sS --max-time 10 "http://127.0.0.1:$1/api/v1/rules" | python3 -c '
import json, sys
for group in json.load(sys.stdin)["data"]["groups"]:
    for rule in group["rules"]:
        print(rule["type"], rule["name"], rule["health"], rule.get("lastError", "") or "-")
'
}

rules_healthy() {
	rules_list "$1" | awk 'BEGIN {n = 0; bad = 0} {n++; if ($3 != "ok") bad++} END {exit (n == 0 || bad > 0)}'
}

EXPECTED_RULE_COUNT=0
for convention in "${CONVENTIONS[@]}"; do
	EXPECTED_RULE_COUNT=$((EXPECTED_RULE_COUNT + $(promtool check rules "$RULES_DIR/${RULES_OF[$convention]}" 2>&1 |
		sed -n 's/.*SUCCESS: \([0-9]*\) rules found.*/\1/p')))
done
for server in "${SERVERS[@]}"; do
	port=${PORT_OF[$server]}
	# Rules are evaluated every second; wait until each has been evaluated without error.
	wait_until 20 "$server: every rule healthy" rules_healthy "$port"
	RULES_NOW=$(rules_list "$port")
	check_eq "$server: rules loaded" "$(echo "$RULES_NOW" | grep -c .)" "$EXPECTED_RULE_COUNT"
	while read -r type name health error; do
		if [[ $health != ok ]]; then
			fail "$server: rule $name is $health: $error"
			continue
		fi
		if [[ $type == recording ]]; then
			has_data() { local out; out=$(samples "$1" "$2"); [[ -n "$out" && "$out" != error* ]]; }
			if wait_until 20 "$server: recording rule $name returns data" has_data "$port" "$name"; then
				pass "$server: recording rule $name returns $(samples "$port" "$name" | wc -l) series"
			fi
		else
			pass "$server: alerting rule $name is healthy"
		fi
	done <<<"$RULES_NOW"
	check_eq "$server: request rate rule covers the routes with traffic" \
		"$(samples "$port" "job_url_rule:spring_http_requests:rate5m > 0" url_rule | cut -d' ' -f1 | paste -sd' ')" \
		"/crash /fail /four /items/{id} /one /three /two none"
	check_eq "$server: error ratio rule" \
		"$(samples "$port" "job_url_rule:spring_http_request_errors:ratio_rate5m" url_rule | paste -sd' ')" \
		"/crash 1 /fail 1 /four 0 /items/{id} 0 /one 0 /three 0 /two 0 none 0"
	alerts_active() {
		curl -sS --max-time 5 "http://127.0.0.1:$1/api/v1/alerts" | python3 -c '
import json, sys
name = sys.argv[1]
print(" ".join(sorted(a["labels"].get(sys.argv[2], "") for a in json.load(sys.stdin)["data"]["alerts"] if a["labels"]["alertname"] == name)))
' "$2" "$3"
	}
	alerts_are() { [[ $(alerts_active "$1" "$2" "$3") == "$4" ]]; }
	# The unmatched requests have no http_route: their series has none either.
	check_eq "$server: opentelemetry: request rate rule covers the routes with traffic" \
		"$(samples "$port" 'job_http_route:http_server_requests:rate5m{http_route!=""} > 0' http_route | cut -d' ' -f1 | paste -sd' ')" \
		"/crash /fail /four /items/{id} /one /three /two"
	check_eq "$server: opentelemetry: request rate rule covers the requests that matched no route" \
		"$(value "$port" 'count(job_http_route:http_server_requests:rate5m{http_route=""} > 0)')" 1
	check_eq "$server: opentelemetry: error ratio rule" \
		"$(samples "$port" "job_http_route:http_server_request_errors:ratio_rate5m" http_route | paste -sd' ')" \
		"/crash 1 /fail 1 /four 0 /items/{id} 0 /one 0 /three 0 /two 0 0"
	check_eq "$server: micrometer: error ratio rule" \
		"$(samples "$port" "job_uri:http_server_request_errors:ratio_rate5m" uri | paste -sd' ')" \
		"/crash 1 /fail 1 /four 0 /items/{id} 0 /one 0 /three 0 /two 0 NOT_FOUND 0"
	for alert in SpringHttpHighErrorRatio:url_rule OtelHttpHighErrorRatio:http_route MicrometerHttpHighErrorRatio:uri; do
		if wait_until 20 "$server: ${alert%%:*} active for /crash and /fail" \
			alerts_are "$port" "${alert%%:*}" "${alert#*:}" "/crash /fail"; then
			pass "$server: ${alert%%:*} active for $(alerts_active "$port" "${alert%%:*}" "${alert#*:}")"
		fi
	done
done

# ---------------------------------------------------------------------------------------------
# Native against classic: the native histogram_quantile lies in the classic estimate's bucket.
# Both servers hold the same cumulative histograms (the last scrapes came after the traffic).
# A native estimate is interpolated inside its own native bucket (about 2% wide at schema 5),
# which may straddle a classic boundary, so the bound is widened by that native bucket's width.

QUANTILE_REPORT="$WORK/quantiles"
for rule in /one /two /three /four; do
	for q in 0.5 0.9 0.99; do
		classic=$(query "$PORT_CLASSIC" "histogram_quantile($q, sum by (le) (${H}_bucket{url_rule=\"$rule\"}))")
		buckets=$(query "$PORT_CLASSIC" "sum by (le) (${H}_bucket{url_rule=\"$rule\"})")
		native=$(query "$PORT_NATIVE" "histogram_quantile($q, sum(${H}{url_rule=\"$rule\"}))")
		histogram=$(query "$PORT_NATIVE" "sum(${H}{url_rule=\"$rule\"})")
		verdict=$(python3 - "$q" "$classic" "$buckets" "$native" "$histogram" <<'EOF'
import json, math, sys
q = sys.argv[1]
classic = float(json.loads(sys.argv[2])["data"]["result"][0]["value"][1])
bounds = sorted(float(s["metric"]["le"]) for s in json.loads(sys.argv[3])["data"]["result"])
native = float(json.loads(sys.argv[4])["data"]["result"][0]["value"][1])
native_buckets = json.loads(sys.argv[5])["data"]["result"][0]["histogram"][1]["buckets"]
upper = next(b for b in bounds if classic <= b)
lower = max([b for b in bounds if b < upper], default=0.0)
width = max((float(b[2]) - float(b[1]) for b in native_buckets if float(b[1]) <= native <= float(b[2])), default=0.0)
ok = lower - width <= native <= upper + width and math.isfinite(native)
print("%s q=%s classic=%.4f in (%g, %g] native=%.4f (native bucket width %.4f)" % ("ok" if ok else "bad", q, classic, lower, upper, native, width))
EOF
		)
		if [[ $verdict == ok* ]]; then
			pass "native quantile inside the classic bucket for $rule: ${verdict#ok }"
		else
			fail "native quantile outside the classic bucket for $rule: ${verdict#bad }"
		fi
	done
	check_eq "histogram_sum (native) equals _sum (classic) for $rule" \
		"$(value "$PORT_NATIVE" "round(sum(histogram_sum(${H}{url_rule=\"$rule\"})), 0.000001)")" \
		"$(value "$PORT_CLASSIC" "round(sum(${H}_sum{url_rule=\"$rule\"}), 0.000001)")"
done

# ---------------------------------------------------------------------------------------------
# Target down: stop instance b and see the alert go pending on both servers.

kill "${PIDS[1]}" 2>/dev/null
for server in "${SERVERS[@]}"; do
	if wait_until 30 "$server: SpringTargetDown active for instance b" \
		alerts_are "${PORT_OF[$server]}" SpringTargetDown instance "127.0.0.1:$PORT_B"; then
		pass "$server: SpringTargetDown active for 127.0.0.1:$PORT_B after it stopped"
	fi
done
