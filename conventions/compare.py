#!/usr/bin/env python3
"""Compares the HTTP metrics of prometheus-web in each convention with the real references.

The same app (conventions/peer-app) runs with prometheus-web in the opentelemetry, micrometer and
flask,opentelemetry,micrometer conventions, with Spring Boot Actuator and Micrometer's Prometheus
registry, and with the OpenTelemetry Java agent and its Prometheus exporter; then, for the opt-in
metrics, with prometheus.web.in-progress.enabled and sizes.enabled against the agent's experimental
HTTP server metrics (otel.instrumentation.http.server.emit-experimental-telemetry). Each gets the same
request sequence twice (the first pass warms the app up); the second pass is measured as the
difference between a scrape before and a scrape after it. For the HTTP metrics (families whose
name starts with http_server_) the check compares the family names, the label sets of every
series, and every _count and _bucket difference; the differences in ALLOWED are applied first,
each with its reason. Every request waits DELAY_MILLIS inside every library's measurement, so
that each lands in the same bucket whichever library measures it.

Run by compare.sh, which builds the apps. Needs /usr/bin/python3 with prometheus_client (Debian
python3-prometheus-client) and java. Servers listen on 127.0.0.1 and are stopped on exit.
"""

import http.client
import os
import socket
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor

from prometheus_client.parser import text_string_to_metric_families

ROOT = os.path.dirname(os.path.abspath(__file__))
# Within (1.073741824, 1.431655765], a bucket of Micrometer's percentile histogram, and within
# (1, 2.5] of the OpenTelemetry and Flask buckets: room for 330 ms of the libraries' own time.
DELAY_MILLIS = 1100
# How long the references take, after the client has its answer, to record an asynchronous
# request (prometheus-web records it before).
SETTLE_SECONDS = 2
STARTUP_SECONDS = 120

# The request sequence: a handler method with an empty pattern, routes with and without a template, a handler exception answered 500 by
# Spring Boot's error handling, an exception answered 409 by an @ExceptionHandler, a 404 with no
# mapping, a 405, a made-up method, a redirect, an asynchronous answer and a request with a body.
TRAFFIC = [
    ("GET", "/", 200),
    ("GET", "/hello", 200),
    ("GET", "/hello", 200),
    ("GET", "/items/1", 200),
    ("GET", "/items/2", 200),
    ("GET", "/boom", 500),
    ("GET", "/handled", 409),
    ("GET", "/no-such-path", 404),
    ("DELETE", "/hello", 405),
    ("FOO", "/hello", 405),
    ("GET", "/redirect", 302),
    ("GET", "/async", 200),
    ("POST", "/echo", 200),
]

# The body of each POST.
BODY = "hello, peers"

OTEL_SCOPE_LABELS = ("otel_scope_name", "otel_scope_version", "otel_scope_schema_url")

# What the references write that prometheus-web does not, each with its reason. A rule is
# (description, function(family name, labels) -> labels, or None to drop the series).
ALLOWED = {
    "opentelemetry": [
        ("otel_scope_name, otel_scope_version and otel_scope_schema_url labels: the instrumentation "
         "scope of OpenTelemetry's exporter; prometheus-web has no OpenTelemetry scope",
         lambda name, labels: {k: v for k, v in labels.items() if k not in OTEL_SCOPE_LABELS}),
        ("http_route=\"/**\" on a 404 with no mapping: the agent takes the pattern of Spring's static "
         "resource handler; the semantic conventions say http.route MUST NOT be set when no route "
         "matched, so prometheus-web leaves it out",
         lambda name, labels: {k: v for k, v in labels.items() if not (
             k == "http_route" and v == "/**" and labels.get("http_response_status_code") == "404")}),
        ("http_route=\"/error\" on a 405: the agent takes the route of Spring Boot's error page, which "
         "renders the answer; no route of the application matched the request, so prometheus-web leaves "
         "http_route out",
         lambda name, labels: {k: v for k, v in labels.items() if not (
             k == "http_route" and v == "/error" and labels.get("http_response_status_code") == "405")}),
    ],
    "micrometer": [
        ("series of uri=\"/actuator/prometheus\": Actuator records its own scrapes; prometheus-web "
         "never records its metrics endpoint",
         lambda name, labels: None if labels.get("uri") == "/actuator/prometheus" else labels),
        ("uri=\"/**\" on a 404 with no mapping: Actuator reports the catch-all pattern of Boot's static "
         "resource handler; prometheus-web writes NOT_FOUND, the value of Spring's "
         "DefaultServerRequestObservationConvention when no handler matched",
         lambda name, labels: dict(labels, uri="NOT_FOUND")
         if labels.get("uri") == "/**" and labels.get("status") == "404" else labels),
    ],
}

# The HTTP families of each convention, without the opt-in ones.
FAMILIES = {
    "opentelemetry": {"http_server_request_duration_seconds"},
    "micrometer": {"http_server_requests_seconds", "http_server_requests_seconds_max"},
}

# Families of the references that are not part of the convention, each with its reason.
ALLOWED_FAMILIES = {
    "opentelemetry": {},
    "micrometer": {
        "http_server_requests_active_seconds": "Actuator's long task timer of requests in progress, whose "
        "labels are those known when the request starts (uri=\"UNKNOWN\"); not part of the convention",
        "http_server_requests_active_seconds_max": "the maximum of that long task timer",
        "http_server_requests_active_seconds_gcount": "the same timer as a gauge histogram",
        "http_server_requests_active_seconds_gsum": "the same timer as a gauge histogram",
    },
}


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class App:
    """One app started as a child process, stopped on exit."""

    def __init__(self, name, jar, args, metrics_path, jvm_args=(), metrics_port=None):
        self.name = name
        self.port = free_port()
        self.metrics_port = metrics_port or self.port
        self.metrics_path = metrics_path
        self.log = tempfile.NamedTemporaryFile(prefix=f"compare-{name}-", suffix=".log", delete=False)
        command = ["java", "-Xmx256m", *jvm_args, "-jar", jar, f"--server.port={self.port}",
                   f"--peer.delay-millis={DELAY_MILLIS}", *args]
        self.process = subprocess.Popen(command, stdout=self.log, stderr=subprocess.STDOUT)

    def wait_until_up(self):
        deadline = time.time() + STARTUP_SECONDS
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"{self.name} exited with {self.process.returncode}:\n{self.log_text()}")
            try:
                # The agent's exporter answers before the app does.
                if (request("GET", self.port, "/hello")[0] == 200
                        and request("GET", self.metrics_port, self.metrics_path)[0] == 200):
                    return
            except OSError:
                pass
            time.sleep(0.5)
        raise SystemExit(f"{self.name} did not answer within {STARTUP_SECONDS} s:\n{self.log_text()}")

    def send_traffic(self):
        for method, path, expected in TRAFFIC:
            status = request(method, self.port, path)[0]
            if status != expected:
                raise SystemExit(f"{self.name}: {method} {path} answered {status}, expected {expected}")

    def scrape(self):
        status, body = request("GET", self.metrics_port, self.metrics_path)
        if status != 200:
            raise SystemExit(f"{self.name}: scrape answered {status}")
        return body

    def log_text(self):
        with open(self.log.name, encoding="utf-8", errors="replace") as f:
            return f.read()[-4000:]

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        os.unlink(self.log.name)


def request(method, port, path):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request(method, path, body=BODY if method == "POST" else None,
                           headers={"Accept": "text/plain", "Content-Type": "text/plain"})
        response = connection.getresponse()
        return response.status, response.read().decode("utf-8")
    finally:
        connection.close()


def http_samples(text, convention=None):
    """{(sample name, frozen labels): value} and the family names of the HTTP metrics."""
    samples = {}
    families = set()
    for family in text_string_to_metric_families(text):
        if not family.name.startswith("http_server_"):
            continue
        if convention and family.name in ALLOWED_FAMILIES[convention]:
            continue
        families.add(family.name)
        for sample in family.samples:
            labels = dict(sample.labels)
            for _, rule in (ALLOWED[convention] if convention else []):
                labels = rule(family.name, labels)
                if labels is None:
                    break
            if labels is None:
                continue
            key = (sample.name, frozenset(labels.items()))
            if key in samples:
                raise SystemExit(f"two series {key} after applying the allowed differences")
            samples[key] = sample.value
    return families, samples


def differences(before, after):
    """The values of a scrape after the traffic minus those before it."""
    return {key: value - before.get(key, 0.0) for key, value in after.items()}


def describe(key):
    name, labels = key
    return name + "{" + ",".join(f'{k}="{v}"' for k, v in sorted(labels)) + "}"


def compare(convention, ours, reference):
    """Prints every difference; returns how many there are."""
    problems = []
    our_families, our_before, our_after = ours
    ref_families, ref_before, ref_after = reference
    if our_families != ref_families:
        problems.append(f"families: prometheus-web {sorted(our_families)}, reference {sorted(ref_families)}")
    our_delta = differences(our_before, our_after)
    ref_delta = differences(ref_before, ref_after)
    for key in sorted(set(our_delta) | set(ref_delta), key=describe):
        if key not in our_delta:
            problems.append(f"only in the reference: {describe(key)}")
        elif key not in ref_delta:
            problems.append(f"only in prometheus-web: {describe(key)}")
        elif key[0].endswith(("_count", "_bucket")) and our_delta[key] != ref_delta[key]:
            problems.append(f"{describe(key)}: prometheus-web {our_delta[key]}, reference {ref_delta[key]}")
    compared = sum(1 for key in our_delta if key[0].endswith(("_count", "_bucket")))
    for problem in problems:
        print(f"FAIL {convention}: {problem}")
    if not problems:
        print(f"PASS {convention}: {len(our_families)} families, {len(our_delta)} series, "
              f"{compared} _count and _bucket values equal")
    return len(problems)


def main():
    failures = run(opt_in=False) + run(opt_in=True)
    for convention, rules in ALLOWED.items():
        for description, _ in rules:
            print(f"allowed ({convention}): {description}")
        for family, reason in ALLOWED_FAMILIES[convention].items():
            print(f"allowed ({convention}): family {family}: {reason}")
    print(f"{failures} differences")
    return 1 if failures else 0


def run(opt_in):
    """Runs the apps of one comparison; returns the number of differences."""
    agent = os.path.join(ROOT, "peer-otel/target/opentelemetry-javaagent.jar")
    otel_port = free_port()
    if opt_in:
        # The opt-in metrics: prometheus.web.in-progress.enabled and sizes.enabled against the
        # agent's experimental HTTP server metrics.
        apps = {
            "opentelemetry (opt-in metrics)": App("prometheus-web-opentelemetry-optin",
                                 os.path.join(ROOT, "peer-starter/target/peer-starter.jar"),
                                 ["--prometheus.web.convention=opentelemetry", "--prometheus.web.sizes.enabled=true",
                                  "--prometheus.web.in-progress.enabled=true"], "/metrics"),
            "agent": App("opentelemetry-agent-experimental", os.path.join(ROOT, "peer-otel/target/peer-otel.jar"), [],
                         "/metrics",
                         jvm_args=[f"-javaagent:{agent}", "-Dotel.metrics.exporter=prometheus",
                                   "-Dotel.traces.exporter=none", "-Dotel.logs.exporter=none",
                                   "-Dotel.instrumentation.http.server.emit-experimental-telemetry=true",
                                   "-Dotel.exporter.prometheus.host=127.0.0.1",
                                   f"-Dotel.exporter.prometheus.port={otel_port}"],
                         metrics_port=otel_port),
        }
    else:
        apps = {
            "opentelemetry": App("prometheus-web-opentelemetry", os.path.join(ROOT, "peer-starter/target/peer-starter.jar"),
                                 ["--prometheus.web.convention=opentelemetry"], "/metrics"),
            "micrometer": App("prometheus-web-micrometer", os.path.join(ROOT, "peer-starter/target/peer-starter.jar"),
                              ["--prometheus.web.convention=micrometer"], "/metrics"),
            "list": App("prometheus-web-list", os.path.join(ROOT, "peer-starter/target/peer-starter.jar"),
                        ["--prometheus.web.convention=flask,opentelemetry,micrometer"], "/metrics"),
            "actuator": App("actuator", os.path.join(ROOT, "peer-actuator/target/peer-actuator.jar"), [],
                            "/actuator/prometheus"),
            # Actuator's defaults, without percentile histograms: a summary of _count and _sum.
            "micrometer summary": App("prometheus-web-micrometer-summary",
                                      os.path.join(ROOT, "peer-starter/target/peer-starter.jar"),
                                      ["--prometheus.web.convention=micrometer",
                                       "--prometheus.web.latency-as-histogram=false"], "/metrics"),
            "actuator summary": App("actuator-summary", os.path.join(ROOT, "peer-actuator/target/peer-actuator.jar"),
                                    ["--management.metrics.distribution.percentiles-histogram.http.server.requests="
                                     "false"], "/actuator/prometheus"),
            "agent": App("opentelemetry-agent", os.path.join(ROOT, "peer-otel/target/peer-otel.jar"), [], "/metrics",
                         jvm_args=[f"-javaagent:{agent}", "-Dotel.metrics.exporter=prometheus",
                                   "-Dotel.traces.exporter=none", "-Dotel.logs.exporter=none",
                                   "-Dotel.exporter.prometheus.host=127.0.0.1",
                                   f"-Dotel.exporter.prometheus.port={otel_port}"],
                         metrics_port=otel_port),
        }
    try:
        for app in apps.values():
            app.wait_until_up()
        scrapes = {}
        # Every app at once: they spend the time waiting in the delay filter.
        with ThreadPoolExecutor(len(apps)) as pool:
            for key, result in zip(apps, pool.map(measure, apps.values())):
                scrapes[key] = result
        failures = 0
        pairs = [("opentelemetry", "opentelemetry (opt-in metrics)", "agent")] if opt_in else [
            ("opentelemetry", "opentelemetry", "agent"),
            ("micrometer", "micrometer", "actuator"),
            ("micrometer", "micrometer summary", "actuator summary"),
            ("opentelemetry", "list", "agent"),
            ("micrometer", "list", "actuator")]
        for convention, ours, reference in pairs:
            label = {"list": f"{convention} (in the list flask,opentelemetry,micrometer)",
                     "micrometer summary": "micrometer (latency-as-histogram: false, Actuator's defaults)"}.get(ours, ours)
            our = [http_samples(text) for text in scrapes[ours]]
            ref = [http_samples(text, convention) for text in scrapes[reference]]
            if ours == "list":
                # The families of the convention compared; the list writes no other HTTP family.
                names = FAMILIES[convention]
                extra = our[1][0] - FAMILIES["opentelemetry"] - FAMILIES["micrometer"]
                if extra:
                    print(f"FAIL {ours}: families of no convention: {sorted(extra)}")
                    failures += 1
                our = [({n for n in f if n in names}, {k: v for k, v in s.items() if family_of(k[0]) in names})
                       for f, s in our]
            failures += compare(label, (our[1][0], our[0][1], our[1][1]), (ref[1][0], ref[0][1], ref[1][1]))
        return failures
    finally:
        for app in apps.values():
            app.stop()


def measure(app):
    """A warm-up pass, then the scrapes before and after the measured pass."""
    app.send_traffic()
    time.sleep(SETTLE_SECONDS)
    before = app.scrape()
    app.send_traffic()
    time.sleep(SETTLE_SECONDS)
    return before, app.scrape()


def family_of(sample_name):
    for suffix in ("_bucket", "_count", "_sum"):
        if sample_name.endswith(suffix):
            return sample_name[: -len(suffix)]
    return sample_name


if __name__ == "__main__":
    sys.exit(main())
