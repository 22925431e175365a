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

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.github.prometheusweb.testapp.CapturedLogs;
import io.github.prometheusweb.testapp.RawHttp;
import io.github.prometheusweb.testapp.RunningApp;
import io.github.prometheusweb.testapp.Scrape;
import io.prometheus.metrics.exporter.common.PrometheusScrapeHandler;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random requests (jqwik) to a real server with prometheus-web and to the same
 * application without it, side by side on 127.0.0.1: every request gets the same answer
 * from both (the status, and the body where it does not depend on time), every scrape of
 * the metrics endpoint gets what its contract says, and no other spelling of its path
 * serves the metrics without the credentials. Meanwhile no metric grows past the
 * cardinality limit, no request is recorded twice, and prometheus-web logs nothing but
 * the one cardinality warning.
 */
class FuzzedRequestsIntegrationTests {

	private static final int CARDINALITY_LIMIT = 40;

	private static final Pattern PATH_LABEL = Pattern.compile("[{,]path=\"([^\"\\\\]*+(?:\\\\.[^\"\\\\]*+)*+)\"");

	private static final Pattern METHOD_LABEL = Pattern.compile("[{,]method=\"([^\"\\\\]*+(?:\\\\.[^\"\\\\]*+)*+)\"");

	private static final Pattern TIMESTAMP = Pattern.compile("\"timestamp\":\"[^\"]*\"|<div id='created'>[^<]*</div>");

	private static final Set<String> METHOD_LABELS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS",
			"TRACE", "CONNECT", "QUERY", "_OTHER");

	private static final String ITEMS = "/items/1";

	private static final MetricsEndpointContract contract = new MetricsEndpointContract(FuzzedRequests.USERNAME,
			FuzzedRequests.PASSWORD);

	private static final AtomicLong sentToStarter = new AtomicLong();

	private static RunningApp withStarter;

	private static RunningApp withoutStarter;

	private static CapturedLogs logs;

	@BeforeContainer
	static void startApplications() {
		withStarter = RunningApp.start("prometheus.web.group-by=path",
				"prometheus.web.cardinality-limit=" + CARDINALITY_LIMIT, "prometheus.web.in-progress.enabled=true",
				"prometheus.web.sizes.enabled=true", "prometheus.web.excluded-paths=/excluded",
				"prometheus.web.endpoint.basic-auth.username=" + FuzzedRequests.USERNAME,
				"prometheus.web.endpoint.basic-auth.password=" + FuzzedRequests.PASSWORD);
		withoutStarter = RunningApp.start("prometheus.web.enabled=false");
		logs = CapturedLogs.attach();
	}

	@AfterContainer
	static void stopApplications() {
		if (logs != null) {
			logs.close();
		}
		if (withStarter != null) {
			withStarter.close();
		}
		if (withoutStarter != null) {
			withoutStarter.close();
		}
	}

	@Property(shrinking = ShrinkingMode.BOUNDED)
	void everyRequestIsAnsweredAsWithoutPrometheusWeb(@ForAll("anywhere") FuzzedRequest request) {
		RawHttp.Response expected = request.sendTo(port(withoutStarter));
		RawHttp.Response actual = send(request);
		if (expected.status() < 0 || actual.status() < 0) {
			assertThat(refused(expected.status()) && refused(actual.status())).as("refused %s", request).isTrue();
			assertWithinLimits(request);
			return;
		}
		assertThat(actual.status()).as("status of %s", request).isEqualTo(expected.status());
		assertThat(actual.header("Content-Type")).as("Content-Type of %s", request)
			.isEqualTo(expected.header("Content-Type"));
		assertThat(actual.header("Content-Length")).as("Content-Length of %s", request)
			.isEqualTo(expected.header("Content-Length"));
		assertThat(normalized(actual.text(), withStarter)).as("body of %s", request)
			.isEqualTo(normalized(expected.text(), withoutStarter));
		assertWithinLimits(request);
	}

	/**
	 * Found by the property above: raw non-ASCII bytes in the request target, which the
	 * container refuses before any filter, sometimes with a 400 and sometimes with a
	 * connection reset that loses it.
	 */
	@Example
	void aRequestTargetTheContainerRefusesIsAnsweredAsWithoutPrometheusWeb() {
		everyRequestIsAnsweredAsWithoutPrometheusWeb(
				new FuzzedRequest("GET", "/\u30ff;~=/\u045d/META-INF/V5U2/%c3/x", List.of()));
	}

	@Property(shrinking = ShrinkingMode.BOUNDED)
	void everyScrapeIsAnsweredAsTheContractSays(@ForAll("scrapes") FuzzedRequest request) {
		RawHttp.Response actual = send(request);
		String query = request.query();
		String elsewhere = ITEMS + ((query != null) ? "?" + query : "");
		String answer;
		if (!MetricsEndpointContract.scrapeMethod(request.method())) {
			// Any other method: what a @GetMapping route answers it.
			answer = "another method";
			assertThat(actual.status()).as("status of %s", request)
				.isEqualTo(request.withTarget(elsewhere).sendTo(port(withoutStarter)).status());
		}
		else if (refused(request.withTarget(elsewhere).sendTo(port(withoutStarter)).status())) {
			// A request target the container itself refuses, whatever the path.
			answer = "refused by the container";
			assertThat(refused(actual.status())).as("refused %s", request).isTrue();
		}
		else if (!contract.authorized(request.header("Authorization"))) {
			answer = "401";
			assertThat(actual.status()).as("status of %s", request).isEqualTo(401);
			assertThat(actual.header("WWW-Authenticate")).as("challenge of %s", request)
				.isEqualTo("Basic realm=\"metrics\"");
		}
		else if (contract.rejects(query)) {
			answer = "400";
			assertThat(actual.status()).as("status of %s", request).isEqualTo(400);
		}
		else {
			answer = "client_java";
			assertClientJavaAnswer(request, actual);
		}
		// Each kind of answer must come up, or the property checks less than it says.
		Statistics.label("answer").collect(answer);
		Statistics.label("answer")
			.coverage((coverage) -> List.of("another method", "401", "400", "client_java")
				.forEach((kind) -> coverage.check(kind).count((Integer count) -> count > 0)));
		assertWithinLimits(request);
	}

	@Property(shrinking = ShrinkingMode.BOUNDED)
	void noSpellingOfTheEndpointPathServesTheMetricsWithoutCredentials(
			@ForAll("endpointSpellings") FuzzedRequest request) {
		RawHttp.Response expected = request.sendTo(port(withoutStarter));
		RawHttp.Response actual = send(request);
		if (expected.status() < 0 || actual.status() < 0) {
			assertThat(refused(expected.status()) && refused(actual.status())).as("refused %s", request).isTrue();
		}
		else if (actual.status() != expected.status()) {
			// Routed to the endpoint: its answers only.
			if (!MetricsEndpointContract.scrapeMethod(request.method())) {
				String query = request.query();
				assertThat(actual.status()).as("status of %s", request)
					.isEqualTo(request.withTarget(ITEMS + ((query != null) ? "?" + query : ""))
						.sendTo(port(withoutStarter))
						.status());
			}
			else if (contract.authorized(request.header("Authorization"))) {
				assertThat(actual.status()).as("status of %s", request).isIn(200, 400);
			}
			else {
				assertThat(actual.status()).as("status of %s", request).isEqualTo(401);
				assertThat(actual.header("WWW-Authenticate")).as("challenge of %s", request)
					.isEqualTo("Basic realm=\"metrics\"");
			}
		}
		if (actual.status() == 200 && !contract.authorized(request.header("Authorization"))) {
			assertThat(actual.text()).as("body of %s", request).doesNotContain("# TYPE ");
		}
		// Some spellings must reach the endpoint, or the property would check nothing.
		boolean routed = expected.status() >= 0 && actual.status() >= 0 && actual.status() != expected.status();
		Statistics.label("routing").collect(routed ? "endpoint" : "elsewhere");
		Statistics.label("routing")
			.coverage((coverage) -> coverage.check("endpoint").count((Integer count) -> count > 0));
		assertWithinLimits(request);
	}

	private void assertClientJavaAnswer(FuzzedRequest request, RawHttp.Response actual) {
		ClientJavaAnswer expected = ClientJavaAnswer.of(withStarter.context().getBean(PrometheusScrapeHandler.class),
				request, FuzzedRequests.METRICS_PATH);
		assertThat(expected.failure()).as("client_java's own answer to %s", request).isNull();
		assertThat(actual.status()).as("status of %s", request).isEqualTo(expected.status());
		assertThat(mediaType(actual.header("Content-Type"))).as("Content-Type of %s", request)
			.isEqualTo(mediaType(expected.header("Content-Type")));
		assertThat(actual.header("Content-Encoding")).as("Content-Encoding of %s", request)
			.isEqualTo(expected.header("Content-Encoding"));
		String contentType = String.valueOf(expected.header("Content-Type"));
		if (!request.method().equals("HEAD") && !contentType.startsWith("application/vnd.google.protobuf")) {
			boolean gzip = "gzip".equals(expected.header("Content-Encoding"));
			assertThat(families(text(actual.body(), gzip))).as("metric families in the answer to %s", request)
				.isEqualTo(families(text(expected.body(), gzip)));
		}
	}

	/**
	 * A body without what differs between the two applications on its own: the time of an
	 * error page (Spring Boot's JSON error {@code "timestamp":"..."} or its HTML page)
	 * and the port (Jetty's error page shows the URI).
	 */
	private static String normalized(String body, RunningApp app) {
		return TIMESTAMP.matcher(body).replaceAll("").replace("127.0.0.1:" + port(app), "127.0.0.1:PORT");
	}

	/**
	 * Whether a status is the container's refusal of a request line: it answers 400 and
	 * closes, and the answer may be lost when the close resets the connection
	 * ({@code -1}).
	 */
	private static boolean refused(int status) {
		return status == 400 || status < 0;
	}

	/**
	 * A {@code Content-Type} without the spaces after its semicolons, which Tomcat drops
	 * from some and Jetty keeps.
	 */
	private static String mediaType(String contentType) {
		return (contentType != null) ? contentType.replace("; ", ";") : null;
	}

	private static RawHttp.Response send(FuzzedRequest request) {
		sentToStarter.incrementAndGet();
		return request.sendTo(port(withStarter));
	}

	/**
	 * The series stay within the cardinality limit, no request is counted twice, and
	 * prometheus-web has logged no failure.
	 */
	private static void assertWithinLimits(FuzzedRequest request) {
		List<ILoggingEvent> failures = logs.events(FuzzedRequestsIntegrationTests::failureOfPrometheusWeb);
		assertThat(failures).as("what prometheus-web logged after %s:%n%s", request, logs.text()).isEmpty();
		// The scrape grows with the label values (paths up to 8 KB on Jetty): every tenth
		// try.
		if (sentToStarter.get() % 10 != 0) {
			return;
		}
		Scrape scrape = new Scrape(RawHttp
			.send(port(withStarter), "GET", FuzzedRequests.METRICS_PATH,
					List.of("Authorization", FuzzedRequests.basic(FuzzedRequests.USERNAME, FuzzedRequests.PASSWORD)))
			.text());
		for (String metric : List.of("spring_http_request_duration_seconds_count",
				"spring_http_request_size_bytes_count", "spring_http_response_size_bytes_count")) {
			assertThat(labelValues(scrape.samples(metric + "{"), PATH_LABEL))
				.as("path values of %s after %s", metric, request)
				.hasSizeLessThanOrEqualTo(CARDINALITY_LIMIT + 1);
		}
		assertThat(METHOD_LABELS).as("method values after %s", request)
			.containsAll(labelValues(scrape.samples("spring_http_request_total{"), METHOD_LABEL));
		double recorded = scrape.samples("spring_http_request_total{")
			.stream()
			.mapToDouble((line) -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.sum();
		assertThat(recorded).as("requests recorded after %s", request).isLessThanOrEqualTo(sentToStarter.get());
	}

	/**
	 * A WARN or ERROR of prometheus-web other than the cardinality warning, or an
	 * exception thrown by prometheus-web itself, whoever logged it.
	 */
	private static boolean failureOfPrometheusWeb(ILoggingEvent event) {
		if (event.getLoggerName().startsWith("io.github.prometheusweb.")) {
			return event.getLevel().isGreaterOrEqual(Level.WARN)
					&& !event.getLoggerName().equals("io.github.prometheusweb.labels.CardinalityLimit");
		}
		if (event.getThrowableProxy() == null
				|| event.getThrowableProxy().getStackTraceElementProxyArray().length == 0) {
			return false;
		}
		String thrower = event.getThrowableProxy().getStackTraceElementProxyArray()[0].getStackTraceElement()
			.getClassName();
		return thrower.startsWith("io.github.prometheusweb.")
				&& !thrower.startsWith("io.github.prometheusweb.testapp.");
	}

	private static Set<String> labelValues(List<String> lines, Pattern label) {
		Set<String> values = new TreeSet<>();
		for (String line : lines) {
			Matcher matcher = label.matcher(line);
			if (matcher.find()) {
				values.add(matcher.group(1));
			}
		}
		return values;
	}

	private static Set<String> families(String text) {
		Set<String> families = new TreeSet<>();
		for (String line : text.split("\n")) {
			if (line.startsWith("# TYPE ")) {
				families.add(line.split(" ")[2]);
			}
		}
		return families;
	}

	private static String text(byte[] body, boolean gzip) {
		if (!gzip) {
			return new String(body, StandardCharsets.UTF_8);
		}
		try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static int port(RunningApp app) {
		String url = app.url("");
		return Integer.parseInt(url.substring(url.lastIndexOf(':') + 1));
	}

	@Provide
	Arbitrary<FuzzedRequest> anywhere() {
		return FuzzedRequests.anywhere();
	}

	@Provide
	Arbitrary<FuzzedRequest> endpointSpellings() {
		return FuzzedRequests.endpointSpellings();
	}

	@Provide
	Arbitrary<FuzzedRequest> scrapes() {
		return FuzzedRequests.scrapes();
	}

}
