/*
 * Copyright 2026 the prometheus-web authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.github.prometheusweb.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import org.springframework.util.NumberUtils;

/**
 * Random but well-formed-enough requests: methods (standard, made up, lower case), paths
 * (the test application's routes, percent-encodings, {@code //}, {@code ..}, matrix
 * parameters, non-ASCII, 8 KB), queries, {@code Accept}, {@code Accept-Encoding} and
 * {@code Authorization} values, and scrapes of the metrics endpoint with {@code name[]},
 * {@code debug} and credentials.
 */
final class FuzzedRequests {

	/**
	 * The credentials of the metrics endpoint in the fuzzed application.
	 */
	static final String USERNAME = "scraper";

	static final String PASSWORD = "fuzz-Pa55";

	static final String METRICS_PATH = "/metrics";

	private static final List<String> STANDARD_METHODS = List.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH",
			"OPTIONS", "TRACE", "CONNECT", "QUERY");

	/**
	 * Path segments of the test application's routes.
	 */
	private static final List<String> ROUTE_WORDS = List.of("items", "1", "42", "status", "200", "204", "404", "418",
			"503", "test", "json", "handled", "boom", "redirect", "needs-param", "excluded", "x", "exc", "one",
			"untracked", "skip", "exclude-all", "secured", "async", "callable", "deferred", "future", "no-body",
			"callable-boom", "post-only", "echo", "consumes-json", "annotated-exception", "response-status-exception",
			"error", "favicon.ico", "index.html", "static", "WEB-INF", "META-INF", "Metrics", "metrics.txt");

	/**
	 * Routes that wait (up to seconds), kept out so that every try is quick, and the
	 * metrics endpoint, which has its own property.
	 */
	private static final Set<String> AVOIDED_SEGMENTS = Set.of("sleep", "slow-stream", "timeout", "ticks", "sse",
			"stream", "metrics");

	private static final String UNRESERVED = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~";

	private static final String ODD = "!$&'()*+,;=:@[]{}|^\"<>\\` %";

	private static final List<String> METRIC_NAMES = List.of("spring_http_request_total", "spring_http_request",
			"spring_http_request_duration_seconds", "spring_http_request_duration_seconds_count", "jvm_threads_current",
			"process_cpu_seconds_total", "spring_exporter_info", "no_such_metric", "", "up", "spring_.*", "a%20b",
			"%C3%BC", "%zz");

	private static final List<String> ACCEPTS = List.of("*/*", "text/plain", "text/plain;version=0.0.4",
			"text/plain; version=1.0.0; escaping=underscores", "text/plain;version=1.0.0;escaping=allow-utf-8",
			"application/openmetrics-text", "application/openmetrics-text; version=1.0.0; charset=utf-8",
			"application/openmetrics-text;version=0.0.1;escaping=dots;q=0.5,text/plain;q=0.4",
			"application/openmetrics-text;escaping=bogus",
			"application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;encoding=delimited",
			"application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;encoding=delimited;q=0.7,"
					+ "application/openmetrics-text;version=1.0.0;q=0.6,text/plain;q=0.5",
			"application/vnd.google.protobuf", "application/json", "text/html,application/xhtml+xml;q=0.9", "text/*",
			"garbage", "text/plain;q=abc", ";;;", "", "application/openmetrics-text;version=9.9.9", "*/*;q=0",
			"ümlaut/type");

	private static final List<String> ENCODINGS = List.of("gzip", "GZIP", "identity", "gzip, deflate, br", "*",
			"gzip;q=0", "x-gzip", "deflate", "", "br;q=1.0, gzip;q=0.8");

	private FuzzedRequests() {
	}

	/**
	 * Requests anywhere but the metrics endpoint.
	 * @return the arbitrary
	 */
	static Arbitrary<FuzzedRequest> anywhere() {
		Arbitrary<String> target = Combinators.combine(path(), query()).as((p, q) -> p + q);
		return Combinators.combine(method(), target, headers(false))
			.as(FuzzedRequest::new)
			.filter((request) -> !avoided(request.target()));
	}

	/**
	 * Requests to the metrics endpoint.
	 * @return the arbitrary
	 */
	static Arbitrary<FuzzedRequest> scrapes() {
		Arbitrary<String> method = Arbitraries.frequencyOf(Tuple.of(12, Arbitraries.just("GET")),
				Tuple.of(3, Arbitraries.just("HEAD")), Tuple.of(3, method()));
		Arbitrary<String> target = scrapeQuery().map((q) -> METRICS_PATH + q);
		return Combinators.combine(method, target, headers(true)).as(FuzzedRequest::new);
	}

	/**
	 * Requests to spellings of the metrics endpoint's path: percent-encoded letters,
	 * {@code //}, {@code /./}, {@code ..}, matrix parameters, trailing slashes, other
	 * case.
	 * @return the arbitrary
	 */
	static Arbitrary<FuzzedRequest> endpointSpellings() {
		Arbitrary<String> path = Combinators
			.combine(Arbitraries.of("/", "//", "/./", "/x/../", "/%2e/", "/items/..//"),
					Arbitraries.of("metrics", "%6Detrics", "metric%73", "%6d%65%74%72%69%63%73", "METRICS", "Metrics",
							"metrics;a=b", "metrics;", "metrics;jsessionid=1", "metrics.txt", "metrics%20",
							"metrics%00", "metrics%2F", "metrics~", "metrics%3B", "m%C3%A9trics"),
					Arbitraries.of("", "", "", "/", "//", "/.", "/x/..", ";a=b", "/;"))
			.as((prefix, name, suffix) -> prefix + name + suffix);
		Arbitrary<String> method = Arbitraries.of("GET", "GET", "HEAD", "get", "POST");
		return Combinators.combine(method, Combinators.combine(path, scrapeQuery()).as((p, q) -> p + q), headers(true))
			.as(FuzzedRequest::new);
	}

	static Arbitrary<String> method() {
		return Arbitraries.frequencyOf(Tuple.of(10, Arbitraries.just("GET")),
				Tuple.of(6, Arbitraries.of(STANDARD_METHODS)),
				Tuple.of(2, Arbitraries.strings().withCharRange('A', 'Z').ofMinLength(1).ofMaxLength(10)),
				Tuple.of(1,
						Arbitraries.strings()
							.withChars("ABCXYZ-_.!#$%&'*+^`|~0123456789")
							.ofMinLength(1)
							.ofMaxLength(6)),
				Tuple.of(2, Arbitraries.of(STANDARD_METHODS).map((m) -> m.toLowerCase(Locale.ROOT))));
	}

	static Arbitrary<String> path() {
		Arbitrary<String> segments = segment().list()
			.ofMinSize(0)
			.ofMaxSize(6)
			.map((list) -> "/" + String.join("/", list));
		Arbitrary<String> long8k = Combinators
			.combine(Arbitraries.of("/items/", "/", "/static/", "/a/"), Arbitraries.integers().between(7_900, 8_400),
					Arbitraries.of('a', 'x', '%'))
			.as((start, length, c) -> start
					+ ((c == '%') ? "%41".repeat(length / 3) : String.valueOf(c).repeat(length)));
		return Arbitraries.frequencyOf(Tuple.of(30, segments), Tuple.of(1, long8k),
				Tuple.of(1, Arbitraries.of("", "*", "http://127.0.0.1/items/1", "items/1", "/..", "/%2e%2e/items/1",
						"/items/1/..;/..;/items/1", "/items%2F1", "/items/%00", "/items/1%20", "/%")));
	}

	static Arbitrary<String> segment() {
		Arbitrary<String> plain = Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.of(ROUTE_WORDS)),
				Tuple.of(4, Arbitraries.strings().withChars(UNRESERVED).ofMinLength(1).ofMaxLength(12)),
				Tuple.of(2, percentEncoded()),
				Tuple.of(1, Arbitraries.strings().withCharRange('\u00a0', '\u30ff').ofMinLength(1).ofMaxLength(4)),
				Tuple.of(1, Arbitraries.strings().withChars(UNRESERVED + ODD).ofMinLength(1).ofMaxLength(6)), Tuple
					.of(1, Arbitraries.of("", ".", "..", "%2e", "%2E%2E", "~", "%7e", "%", "%zz", "%G1", "%c3", "😀")));
		Arbitrary<String> matrix = Combinators
			.combine(Arbitraries.strings().withChars(UNRESERVED).ofMinLength(0).ofMaxLength(5),
					Arbitraries.strings().withChars(UNRESERVED + ",%=").ofMinLength(0).ofMaxLength(5))
			.as((name, value) -> ";" + name + "=" + value);
		return Combinators.combine(plain, Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just("")),
				Tuple.of(1, matrix), Tuple.of(1, Arbitraries.of(";", ";jsessionid=ABC", ";a=b;c=d"))))
			.as((s, m) -> s + m);
	}

	static Arbitrary<String> percentEncoded() {
		return Arbitraries.integers().between(0, 255).list().ofMinSize(1).ofMaxSize(4).map((bytes) -> {
			StringBuilder encoded = new StringBuilder();
			for (int b : bytes) {
				encoded.append('%').append(String.format("%02X", b));
			}
			return encoded.toString();
		});
	}

	static Arbitrary<String> query() {
		Arbitrary<String> text = Arbitraries.frequencyOf(
				Tuple.of(4, Arbitraries.strings().withChars(UNRESERVED).ofMinLength(0).ofMaxLength(8)),
				Tuple.of(1, percentEncoded()),
				Tuple.of(1, Arbitraries.strings().withChars(UNRESERVED + ODD + "?/").ofMinLength(0).ofMaxLength(6)),
				Tuple.of(1, Arbitraries.of("name[]", "name%5B%5D", "debug", "%zz", "%", "ü", "%C3%BC", "+", "a+b")));
		Arbitrary<String> parameter = Combinators.combine(text, Arbitraries.of("=", "", "=="), text)
			.as((k, eq, v) -> k + eq + v);
		Arbitrary<String> query = parameter.list()
			.ofMinSize(1)
			.ofMaxSize(4)
			.map((list) -> "?" + String.join("&", list));
		return Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just("")), Tuple.of(3, query),
				Tuple.of(1, Arbitraries.of("?", "?&", "?=", "?&&=&")));
	}

	static Arbitrary<String> scrapeQuery() {
		Arbitrary<String> name = Arbitraries.of(METRIC_NAMES);
		Arbitrary<String> parameter = Arbitraries.frequencyOf(Tuple.of(6, name.map((n) -> "name%5B%5D=" + n)),
				Tuple.of(2, name.map((n) -> "name[]=" + n)),
				Tuple.of(2,
						Arbitraries
							.of("openmetrics", "text", "prometheus-protobuf", "TEXT", "", "json", "%74ext", "text%",
									"te+xt")
							.map((v) -> "debug=" + v)),
				Tuple.of(1,
						Arbitraries.of("debug", "escaping=underscores", "escaping=allow-utf-8", "escaping=bogus",
								"x=%zz", "%", "a=b", "name%5B%5D", "=", "&", "a=%C3%BC",
								"name%5b%5d=spring_http_request_total")));
		return Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.just("")),
				Tuple.of(5, parameter.list().ofMinSize(1).ofMaxSize(4).map((list) -> "?" + String.join("&", list))));
	}

	static Arbitrary<List<String>> headers(boolean scrape) {
		Arbitrary<String> accept = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just((String) null)),
				Tuple.of(6, Arbitraries.of(ACCEPTS)));
		Arbitrary<String> encoding = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just((String) null)),
				Tuple.of(3, Arbitraries.of(ENCODINGS)));
		Arbitrary<String> authorization = Arbitraries.frequencyOf(
				Tuple.of(scrape ? 2 : 6, Arbitraries.just((String) null)),
				Tuple.of(scrape ? 8 : 1, Arbitraries.just(basic(USERNAME, PASSWORD))),
				Tuple.of(2, Arbitraries.of(basic(USERNAME, "wrong"), basic("other", PASSWORD), basic(USERNAME, ""),
						basic("", ""), "Basic", "Basic ", "Basic !!!", "basic " + credentials(USERNAME, PASSWORD),
						"BASIC  " + credentials(USERNAME, PASSWORD) + "  ", "Bearer " + PASSWORD,
						"Basic " + Base64.getEncoder().encodeToString("no-colon".getBytes(StandardCharsets.UTF_8)),
						basic(USERNAME, PASSWORD + "x"), basic(USERNAME.toUpperCase(Locale.ROOT), PASSWORD),
						basic(USERNAME, PASSWORD) + "=")));
		return Combinators.combine(accept, encoding, authorization).as((a, e, auth) -> {
			List<String> headers = new ArrayList<>();
			add(headers, "Accept", a);
			add(headers, "Accept-Encoding", e);
			add(headers, "Authorization", auth);
			return headers;
		});
	}

	static String basic(String username, String password) {
		return "Basic " + credentials(username, password);
	}

	private static String credentials(String username, String password) {
		return Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	private static void add(List<String> headers, String name, String value) {
		if (value != null) {
			headers.add(name);
			headers.add(value);
		}
	}

	/**
	 * Whether a target, once decoded as a server might, reaches a route kept out of the
	 * fuzzed requests.
	 * @param target the request target
	 * @return {@code true} to leave it out
	 */
	static boolean avoided(String target) {
		int question = target.indexOf('?');
		String path = (question >= 0) ? target.substring(0, question) : target;
		String decoded = leniently(path);
		String[] segments = decoded.split("/");
		for (int i = 0; i < segments.length; i++) {
			String segment = segments[i];
			int semicolon = segment.indexOf(';');
			String name = (semicolon >= 0) ? segment.substring(0, semicolon) : segment;
			if (AVOIDED_SEGMENTS.contains(name.trim())) {
				return true;
			}
			// A 1xx status from /status/{code} would leave the connection waiting for
			// more.
			if (name.equals("status") && i + 1 < segments.length && informational(segments[i + 1])) {
				return true;
			}
		}
		return false;
	}

	private static boolean informational(String segment) {
		int semicolon = segment.indexOf(';');
		String value = (semicolon >= 0) ? segment.substring(0, semicolon) : segment;
		try {
			int code = NumberUtils.parseNumber(value.trim(), Integer.class);
			return code >= 100 && code < 200;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	/**
	 * Decodes every valid percent-escape, twice, keeping the invalid ones as they are.
	 * @param text the text
	 * @return the decoded text
	 */
	static String leniently(String text) {
		return decodeOnce(decodeOnce(text));
	}

	private static String decodeOnce(String text) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		byte[] raw = text.getBytes(StandardCharsets.UTF_8);
		for (int i = 0; i < raw.length; i++) {
			if (raw[i] == '%' && i + 2 < raw.length && hex(raw[i + 1]) >= 0 && hex(raw[i + 2]) >= 0) {
				bytes.write(hex(raw[i + 1]) * 16 + hex(raw[i + 2]));
				i += 2;
			}
			else {
				bytes.write(raw[i]);
			}
		}
		return bytes.toString(StandardCharsets.UTF_8);
	}

	private static int hex(byte b) {
		return Character.digit((char) b, 16);
	}

}
