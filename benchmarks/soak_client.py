#!/usr/bin/env python3
# Copyright 2026 the prometheus-web authors.
#
# Licensed under the Apache License, Version 2.0 (the "License");
# you may not use this file except in compliance with the License.
# You may obtain a copy of the License at
#
#      https://www.apache.org/licenses/LICENSE-2.0
#
# Unless required by applicable law or agreed to in writing, software
# distributed under the License is distributed on an "AS IS" BASIS,
# WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
# See the License for the specific language governing permissions and
# limitations under the License.
"""The client of benchmarks/soak.sh.

Sends a steady mix of requests to the sample app for a given time (routes, statuses, methods,
an asynchronous route, client aborts) and scrapes /metrics every second. It counts every
request per method, route template and status it received. After the warm-up and at the end
it takes the app's heap after a full GC (jcmd GC.run + GC.heap_info), its thread count
(/proc/PID/status) and its GC time (jstat). Then it stops, scrapes once more and checks that
every counter of the app equals its own count, to the unit.

Usage: soak_client.py BASE_URL PID SECONDS WARMUP_SECONDS RATE WORKERS RESULT_JSON
Prints a report; exits 1 when a check fails. Only the standard library.
"""
import http.client
import json
import random
import re
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from urllib.parse import urlsplit

STANDARD_METHODS = {"GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT", "QUERY"}
# The app answers these without a route template (no mapping, wrong method).
UNMATCHED_STATUSES = {404, 405, 501}
ABORT_ROUTE = "/two"
HEAP_SLACK = 0.10
THREAD_SLACK = 5

# (weight, method, path factory, route template when matched, custom metric key or None)
MIX = [
    (30, "GET", lambda r: "/items/%d" % r.randint(1, 500), "/items/{id}", None),
    (15, "GET", lambda r: "/async/items/%d" % r.randint(1, 500), "/async/items/{id}", None),
    (4, "HEAD", lambda r: "/items/%d" % r.randint(1, 500), "/items/{id}", None),
    (6, "GET", lambda r: "/fail", "/fail", None),
    (3, "GET", lambda r: "/crash", "/crash", "crash"),
    (5, "GET", lambda r: "/no/such/route/%d" % r.randint(1, 200), None, None),
    (3, "GET", lambda r: "/search", "/search", None),
    (4, "GET", lambda r: "/search?q=%d" % r.randint(1, 50), "/search", None),
    (4, "POST", lambda r: "/checkout?item=%d" % r.randint(1, 50), "/checkout", "checkout"),
    (3, "PUT", lambda r: "/items/%d" % r.randint(1, 500), "/items/{id}", None),
    (2, "PURGE", lambda r: "/items/%d" % r.randint(1, 500), "/items/{id}", None),
    (4, "GET", lambda r: "/types/%s" % r.choice(["book", "film", "game"]), "/types/{type}", "type"),
    (2, "GET", lambda r: "/one", "/one", None),
    (2, "DELETE", lambda r: "/fail", "/fail", None),
]
ABORT_WEIGHT = 3
TOTAL_WEIGHT = sum(m[0] for m in MIX) + ABORT_WEIGHT


def method_label(method):
    return method if method in STANDARD_METHODS else "_OTHER"


class Tally:
    """What the client sent and got, shared by the workers."""

    def __init__(self):
        self.lock = threading.Lock()
        self.by_method_status = Counter()  # (method label, status)
        self.by_route = Counter()  # (method label, route, status)
        self.by_route_only = Counter()  # (route, status), the sample's requests_by_route
        self.crashes = 0
        self.checkouts = 0
        self.types = Counter()
        self.aborts = 0
        self.requests = 0
        self.errors = []
        self.scrapes = 0

    def answered(self, method, path, template, extra, status):
        label = method_label(method)
        route = "none" if (template is None or status in UNMATCHED_STATUSES) else template
        with self.lock:
            self.requests += 1
            self.by_method_status[(label, str(status))] += 1
            self.by_route[(label, route, str(status))] += 1
            self.by_route_only[(route, str(status))] += 1
            if extra == "crash" and status == 500:
                self.crashes += 1
            if extra == "checkout" and status == 200:
                self.checkouts += 1
            if extra == "type" and status == 200:
                self.types[path.rsplit("/", 1)[1]] += 1

    def error(self, text):
        with self.lock:
            if len(self.errors) < 20:
                self.errors.append(text)


def worker(host, port, stop, tally, seed, interval):
    rnd = random.Random(seed)
    conn = http.client.HTTPConnection(host, port, timeout=30)
    next_at = time.monotonic()
    while not stop.is_set():
        pick = rnd.randrange(TOTAL_WEIGHT)
        if pick < ABORT_WEIGHT:
            abort(host, port, rnd, tally)
        else:
            pick -= ABORT_WEIGHT
            for weight, method, path_of, template, extra in MIX:
                if pick < weight:
                    path = path_of(rnd)
                    try:
                        conn.request(method, path, headers={"Accept": "text/plain, application/json"})
                        response = conn.getresponse()
                        response.read()
                        tally.answered(method, path.split("?")[0], template, extra, response.status)
                        if response.will_close:
                            conn.close()
                    except (OSError, http.client.HTTPException) as ex:
                        tally.error("%s %s: %r" % (method, path, ex))
                        conn.close()
                        conn = http.client.HTTPConnection(host, port, timeout=30)
                    break
                pick -= weight
        next_at += interval
        delay = next_at - time.monotonic()
        if delay > 0:
            stop.wait(delay)
        else:
            next_at = time.monotonic()
    conn.close()


def abort(host, port, rnd, tally):
    """Sends a request to a slow route and closes the connection before the answer."""
    try:
        with socket.create_connection((host, port), timeout=10) as sock:
            sock.sendall(("GET %s HTTP/1.1\r\nHost: %s\r\n\r\n" % (ABORT_ROUTE, host)).encode("ascii"))
            time.sleep(rnd.uniform(0.005, 0.03))
        with tally.lock:
            tally.aborts += 1
    except OSError as ex:
        tally.error("abort: %r" % ex)


def scraper(base, stop, tally):
    """Scrapes once a second, on a schedule (a slow scrape does not push the next ones back)."""
    next_at = time.monotonic() + 1.0
    while not stop.wait(max(0.0, next_at - time.monotonic())):
        next_at += 1.0
        try:
            status, _ = get(base + "/metrics")
            if status != 200:
                tally.error("scrape answered %d" % status)
            with tally.lock:
                tally.scrapes += 1
        except OSError as ex:
            tally.error("scrape: %r" % ex)


def get(url):
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    try:
        conn.request("GET", parts.path)
        response = conn.getresponse()
        return response.status, response.read().decode("utf-8")
    finally:
        conn.close()


SAMPLE = re.compile(r'^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)')
LABEL = re.compile(r'([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"')


def parse(text):
    """Prometheus text format: {(name, frozenset(labels)): value}."""
    samples = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        m = SAMPLE.match(line)
        if not m:
            continue
        labels = frozenset(LABEL.findall(m.group(2) or ""))
        samples[(m.group(1), labels)] = float(m.group(3))
    return samples


def select(samples, name, **fixed):
    """The samples of one metric whose labels include the given ones: {labels dict: value}."""
    out = {}
    for (n, labels), value in samples.items():
        if n != name:
            continue
        d = dict(labels)
        if all(d.get(k) == v for k, v in fixed.items()):
            out[tuple(sorted(d.items()))] = value
    return out


def jstat_gc(pid):
    """jstat -gc of the JVM: {column: value}."""
    lines = subprocess.run(["jstat", "-gc", str(pid)], check=True, capture_output=True, text=True,
                           timeout=60).stdout.split("\n")
    return dict(zip(lines[0].split(), (float(v) for v in lines[1].split())))


def jvm_state(pid):
    """The heap after a full GC (bytes), threads, GC seconds so far.

    After jcmd GC.run (a full GC: G1 compacts every live object into old regions) the old
    generation's occupancy (jstat OU) is the live heap; GC.heap_info's "used", also kept, adds the
    young regions the traffic allocated between the two commands.
    """
    subprocess.run(["jcmd", str(pid), "GC.run"], check=True, capture_output=True, timeout=60)
    gc = jstat_gc(pid)
    info = subprocess.run(["jcmd", str(pid), "GC.heap_info"], check=True, capture_output=True, text=True,
                          timeout=60).stdout
    used = int(re.search(r"total (\d+)K, used (\d+)K", info).group(2)) * 1024
    with open("/proc/%d/status" % pid) as f:
        threads = int(re.search(r"^Threads:\s+(\d+)", f.read(), re.M).group(1))
    return {"heap_bytes": int(gc["OU"] * 1024), "heap_used_bytes": used, "threads": threads,
            "gc_seconds": gc["GCT"], "full_gcs": int(gc["FGC"]), "heap_info": info.strip()}


def main():
    base, pid, seconds, warmup, rate, workers, result_path = sys.argv[1:8]
    pid, seconds, warmup, rate, workers = int(pid), float(seconds), float(warmup), float(rate), int(workers)
    parts = urlsplit(base)
    tally = Tally()
    stop = threading.Event()
    interval = workers / rate
    threads = [threading.Thread(target=worker, args=(parts.hostname, parts.port, stop, tally, i, interval), daemon=True)
               for i in range(workers)]
    threads.append(threading.Thread(target=scraper, args=(base, stop, tally), daemon=True))
    started = time.monotonic()
    for t in threads:
        t.start()
    time.sleep(warmup)
    after_warmup = jvm_state(pid)
    after_warmup["requests_so_far"] = tally.requests
    print("# after warm-up (%ds): heap %.1f MB, %d threads, GC %.3f s" % (
        warmup, after_warmup["heap_bytes"] / 1e6, after_warmup["threads"], after_warmup["gc_seconds"]), flush=True)
    time.sleep(max(0.0, seconds - (time.monotonic() - started)))
    at_end = jvm_state(pid)
    at_end["requests_so_far"] = tally.requests
    stop.set()
    for t in threads:
        t.join(60)
    elapsed = time.monotonic() - started
    print("# at the end (%ds): heap %.1f MB, %d threads, GC %.3f s" % (
        elapsed, at_end["heap_bytes"] / 1e6, at_end["threads"], at_end["gc_seconds"]), flush=True)

    failures = []
    # The aborted requests finish on the server up to 0.4 s later; wait (bounded) until all are counted.
    deadline = time.monotonic() + 15
    while True:
        status, text = get(base + "/metrics")
        samples = parse(text)
        aborted = sum(v for v in select(samples, "spring_http_request_duration_seconds_count",
                                        url_rule=ABORT_ROUTE).values())
        if aborted >= tally.aborts or time.monotonic() > deadline:
            break
        time.sleep(0.5)

    def check(what, actual, expected):
        if actual != expected:
            failures.append("%s: the app counted %s, the client %s" % (what, actual, expected))

    # Aborted requests: the client never saw a status. Counted once each, under the status the app set.
    abort_by_status = {dict(k)["status"]: v for k, v in select(samples, "spring_http_request_duration_seconds_count",
                                                                   url_rule=ABORT_ROUTE).items()}
    check("requests to %s (client aborts)" % ABORT_ROUTE, int(sum(abort_by_status.values())), tally.aborts)
    check("client aborts recorded with method GET", int(sum(v for k, v in select(
        samples, "spring_http_request_duration_seconds_count", url_rule=ABORT_ROUTE).items()
        if dict(k)["method"] == "GET")), tally.aborts)
    # spring_http_request_total{method,status}: the client's count plus the aborts under their status.
    expected = Counter(tally.by_method_status)
    for status, n in abort_by_status.items():
        expected[("GET", status)] += int(n)
    actual = {(dict(k)["method"], dict(k)["status"]): int(v) for k, v in
              select(samples, "spring_http_request_total").items()}
    for key in sorted(set(expected) | set(actual)):
        check("spring_http_request_total{method=%r,status=%r}" % key, actual.get(key, 0), expected.get(key, 0))
    # spring_http_request_duration_seconds_count{method,status,url_rule}
    expected = Counter(tally.by_route)
    for status, n in abort_by_status.items():
        expected[("GET", ABORT_ROUTE, status)] += int(n)
    actual = {(dict(k)["method"], dict(k)["url_rule"], dict(k)["status"]): int(v) for k, v in
              select(samples, "spring_http_request_duration_seconds_count").items()}
    for key in sorted(set(expected) | set(actual)):
        check("spring_http_request_duration_seconds_count{method=%r,url_rule=%r,status=%r}" % key,
              actual.get(key, 0), expected.get(key, 0))
    # requests_by_route_total{route,status}: the sample's user-defined default metric
    expected = Counter(tally.by_route_only)
    for status, n in abort_by_status.items():
        expected[(ABORT_ROUTE, status)] += int(n)
    actual = {(dict(k)["route"], dict(k)["status"]): int(v) for k, v in
              select(samples, "requests_by_route_total").items()}
    for key in sorted(set(expected) | set(actual)):
        check("requests_by_route_total{route=%r,status=%r}" % key, actual.get(key, 0), expected.get(key, 0))
    # Exceptions, annotation metrics.
    exceptions = {(dict(k)["method"], dict(k)["status"], dict(k)["exception"]): int(v) for k, v in
                  select(samples, "spring_http_request_exceptions_total").items()}
    check("spring_http_request_exceptions_total", exceptions,
          {("GET", "500", "IllegalStateException"): tally.crashes} if tally.crashes else {})
    check("checkout_attempts_total{channel=\"web\"}",
          int(select(samples, "checkout_attempts_total", channel="web").get((("channel", "web"),), 0)),
          tally.checkouts)
    types = {dict(k)["item_type"]: int(v) for k, v in select(samples, "invocation_by_type_total").items()}
    check("invocation_by_type_total", types, dict(tally.types))
    # Memory and threads.
    # Growth is what a leak shows; a heap that shrank (a warm-up that ended early) is not a failure.
    heap_ratio = at_end["heap_bytes"] / after_warmup["heap_bytes"]
    if heap_ratio - 1 > HEAP_SLACK:
        failures.append("heap after GC went from %d to %d bytes (%.1f %%)" % (
            after_warmup["heap_bytes"], at_end["heap_bytes"], (heap_ratio - 1) * 100))
    if at_end["threads"] > after_warmup["threads"] + THREAD_SLACK:
        failures.append("threads went from %d to %d" % (after_warmup["threads"], at_end["threads"]))
    if tally.errors:
        failures.append("client errors: %s" % "; ".join(tally.errors))
    if tally.scrapes < int(seconds * 0.95):
        failures.append("only %d scrapes in %d s" % (tally.scrapes, seconds))

    total = tally.requests + tally.aborts
    result = {
        "seconds": round(elapsed, 1), "warmup_seconds": warmup, "rate_target": rate, "workers": workers,
        "requests_answered": tally.requests, "client_aborts": tally.aborts, "requests_total": total,
        "requests_per_second": round(total / elapsed, 1), "scrapes": tally.scrapes, "crashes": tally.crashes,
        "aborts_recorded_by_status": abort_by_status,
        "after_warmup": after_warmup, "at_end": at_end,
        "heap_change_percent": round((heap_ratio - 1) * 100, 2),
        "gc_seconds_during_soak": round(at_end["gc_seconds"] - after_warmup["gc_seconds"], 3),
        "by_method_status": {"%s %s" % k: v for k, v in sorted(tally.by_method_status.items())},
        "failures": failures,
    }
    with open(result_path, "w") as f:
        json.dump(result, f, indent=2)
    print("# %d requests in %.0f s (%.0f/s): %d answered, %d aborted by the client; %d scrapes" % (
        total, elapsed, total / elapsed, tally.requests, tally.aborts, tally.scrapes))
    print("# by method and status: %s" % ", ".join("%s %s: %d" % (k[0], k[1], v)
                                                   for k, v in sorted(tally.by_method_status.items())))
    print("# aborted requests as the app recorded them, by status: %s" % abort_by_status)
    print("# heap after GC: %.1f MB after warm-up, %.1f MB at the end (%+.1f %%); threads %d -> %d; "
          "GC time %.3f s -> %.3f s" % (after_warmup["heap_bytes"] / 1e6, at_end["heap_bytes"] / 1e6,
                                        (heap_ratio - 1) * 100, after_warmup["threads"], at_end["threads"],
                                        after_warmup["gc_seconds"], at_end["gc_seconds"]))
    for failure in failures:
        print("FAIL %s" % failure)
    print("soak: %s" % ("FAILED" if failures else "every counter matches the client's count"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
