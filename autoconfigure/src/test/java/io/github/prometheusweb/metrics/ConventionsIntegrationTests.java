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

package io.github.prometheusweb.metrics;

import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.prometheusweb.testapp.Promtool;
import io.github.prometheusweb.testapp.RunningApp;
import io.github.prometheusweb.testapp.Scrape;
import org.junit.jupiter.api.Test;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The names and labels of each convention ({@code prometheus.web.convention}), on a real
 * server, for the same traffic: a route with a template, a handler exception answered
 * 500, an exception answered 400 by an {@code @ExceptionHandler}, a 404 with no mapping,
 * a 405, a made-up method and a redirect.
 */
class ConventionsIntegrationTests {

	private static final String OTEL = "http_server_request_duration_seconds";

	private static final String OTEL_CONNECTION = "network_protocol_version=\"1.1\",url_scheme=\"http\"";

	private static final String MICROMETER = "http_server_requests_seconds";

	@Test
	void openTelemetryWritesTheSemanticConventionsNamesAndLabels() {
		try (RunningApp app = RunningApp.start("prometheus.web.convention=opentelemetry")) {
			sendTraffic(app);
			Scrape scrape = app.scrape();
			scrape
				.assertValue(OTEL + "_count{http_request_method=\"GET\",http_response_status_code=\"200\","
						+ "http_route=\"/items/{id}\"," + OTEL_CONNECTION + "}")
				.isEqualTo("2");
			scrape
				.assertValue(OTEL + "_count{error_type=\"500\",http_request_method=\"GET\","
						+ "http_response_status_code=\"500\",http_route=\"/boom\"," + OTEL_CONNECTION + "}")
				.isEqualTo("1");
			scrape
				.assertValue(OTEL + "_count{http_request_method=\"GET\",http_response_status_code=\"400\","
						+ "http_route=\"/handled\"," + OTEL_CONNECTION + "}")
				.isEqualTo("1");
			scrape
				.assertValue(OTEL + "_count{http_request_method=\"GET\",http_response_status_code=\"404\","
						+ OTEL_CONNECTION + "}")
				.isEqualTo("1");
			scrape
				.assertValue(OTEL + "_count{http_request_method=\"DELETE\",http_response_status_code=\"405\","
						+ OTEL_CONNECTION + "}")
				.isEqualTo("1");
			scrape
				.assertValue(OTEL + "_count{http_request_method=\"_OTHER\",http_response_status_code=\"405\","
						+ OTEL_CONNECTION + "}")
				.isEqualTo("1");
			scrape
				.assertValue(OTEL + "_count{http_request_method=\"GET\",http_response_status_code=\"302\","
						+ "http_route=\"/redirect\"," + OTEL_CONNECTION + "}")
				.isEqualTo("1");
			assertThat(scrape.samples(OTEL + "_count")).hasSize(7);
			assertThat(scrape.samples(OTEL + "_bucket{http_request_method=\"GET\",http_response_status_code=\"200\""))
				.extracting((line) -> line.replaceAll(".*le=\"([^\"]+)\".*", "$1"))
				.containsExactly("0.005", "0.01", "0.025", "0.05", "0.075", "0.1", "0.25", "0.5", "0.75", "1.0", "2.5",
						"5.0", "7.5", "10.0", "+Inf");
			assertThat(scrape.text()).contains("# HELP " + OTEL + " Duration of HTTP server requests.")
				.doesNotContain("spring_http_request")
				.doesNotContain(MICROMETER);
			Promtool.assertAcceptsOwnFamilies(scrape.text(), "http_server_");
		}
	}

	@Test
	void openTelemetryActiveRequestsAndBodySizesAreOptIn() {
		try (RunningApp app = RunningApp.start("prometheus.web.convention=opentelemetry",
				"prometheus.web.in-progress.enabled=true", "prometheus.web.sizes.enabled=true")) {
			app.send(app.request("/echo").POST(BodyPublishers.ofString("hello")).build());
			// No Content-Length header: no request size, as with the agent.
			// (Java's HttpClient sends Content-Length: 0 even with a GET.)
			assertThat(app.rawGetStatus("/test")).isEqualTo(200);
			Scrape scrape = app.scrape();
			assertThat(scrape.samples("http_server_request_body_size_bytes_count")).hasSize(1);
			scrape
				.assertValue("http_server_response_body_size_bytes_count{http_request_method=\"GET\","
						+ "http_response_status_code=\"200\",http_route=\"/test\"," + OTEL_CONNECTION + "}")
				.isEqualTo("1");
			String labels = "{http_request_method=\"POST\",http_response_status_code=\"200\",http_route=\"/echo\","
					+ OTEL_CONNECTION + "}";
			scrape.assertValue("http_server_request_body_size_bytes_count" + labels).isEqualTo("1");
			scrape.assertValue("http_server_request_body_size_bytes_sum" + labels).isEqualTo("5.0");
			scrape.assertValue("http_server_response_body_size_bytes_sum" + labels).isEqualTo("5.0");
			scrape.assertValue("http_server_active_requests{http_request_method=\"POST\",url_scheme=\"http\"}")
				.isEqualTo("0.0");
			// The scrape itself is not a recorded request: it left the gauge.
			scrape.assertValue("http_server_active_requests{http_request_method=\"GET\",url_scheme=\"http\"}")
				.isEqualTo("0.0");
			assertThat(scrape.samples("http_server_request_body_size_bytes_bucket{http_request_method=\"POST\""))
				.extracting((line) -> line.replaceAll(".*le=\"([^\"]+)\".*", "$1"))
				.containsExactly("0.0", "5.0", "10.0", "25.0", "50.0", "75.0", "100.0", "250.0", "500.0", "750.0",
						"1000.0", "2500.0", "5000.0", "7500.0", "10000.0", "+Inf");
			Promtool.assertAcceptsOwnFamilies(scrape.text(), "http_server_");
		}
	}

	@Test
	void micrometerWritesWhatActuatorWrites() {
		try (RunningApp app = RunningApp.start("prometheus.web.convention=micrometer")) {
			sendTraffic(app);
			Scrape scrape = app.scrape();
			scrape
				.assertValue(MICROMETER + "_count{error=\"none\",exception=\"none\",method=\"GET\","
						+ "outcome=\"SUCCESS\",status=\"200\",uri=\"/items/{id}\"}")
				.isEqualTo("2");
			scrape
				.assertValue(MICROMETER + "_count{error=\"BoomException\",exception=\"BoomException\","
						+ "method=\"GET\",outcome=\"SERVER_ERROR\",status=\"500\",uri=\"/boom\"}")
				.isEqualTo("1");
			scrape
				.assertValue(MICROMETER + "_count{error=\"none\",exception=\"none\",method=\"GET\","
						+ "outcome=\"CLIENT_ERROR\",status=\"400\",uri=\"/handled\"}")
				.isEqualTo("1");
			scrape
				.assertValue(MICROMETER + "_count{error=\"none\",exception=\"none\",method=\"GET\","
						+ "outcome=\"CLIENT_ERROR\",status=\"404\",uri=\"NOT_FOUND\"}")
				.isEqualTo("1");
			scrape
				.assertValue(MICROMETER + "_count{error=\"none\",exception=\"none\",method=\"DELETE\","
						+ "outcome=\"CLIENT_ERROR\",status=\"405\",uri=\"UNKNOWN\"}")
				.isEqualTo("1");
			scrape
				.assertValue(MICROMETER + "_count{error=\"none\",exception=\"none\",method=\"UNKNOWN\","
						+ "outcome=\"CLIENT_ERROR\",status=\"405\",uri=\"UNKNOWN\"}")
				.isEqualTo("1");
			scrape
				.assertValue(MICROMETER + "_count{error=\"none\",exception=\"none\",method=\"GET\","
						+ "outcome=\"REDIRECTION\",status=\"302\",uri=\"/redirect\"}")
				.isEqualTo("1");
			assertThat(scrape.samples(MICROMETER + "_count")).hasSize(7);
			assertThat(scrape.samples(MICROMETER + "_max")).hasSize(7);
			String max = scrape.value(MICROMETER + "_max{error=\"none\",exception=\"none\",method=\"GET\","
					+ "outcome=\"SUCCESS\",status=\"200\",uri=\"/items/{id}\"}");
			assertThat(Double.parseDouble(max)).isPositive();
			List<String> buckets = scrape.samples(MICROMETER + "_bucket{error=\"none\",exception=\"none\","
					+ "method=\"GET\",outcome=\"SUCCESS\",status=\"200\",uri=\"/items/{id}\"");
			assertThat(buckets).hasSize(69);
			assertThat(buckets).extracting((line) -> line.replaceAll(".*le=\"([^\"]+)\".*", "$1"))
				.startsWith("0.001", "0.001048576", "0.001398101")
				.endsWith("17.179869184", "22.906492245", "28.633115306", "30.0", "+Inf");
			assertThat(scrape.text()).contains("# TYPE " + MICROMETER + " histogram")
				.contains("# TYPE " + MICROMETER + "_max gauge")
				.doesNotContain("spring_http_request")
				.doesNotContain(OTEL);
			Promtool.assertAcceptsOwnFamilies(scrape.text(), "http_server_");
		}
	}

	@Test
	void micrometerWithoutHistogramIsASummaryOfCountAndSum() {
		try (RunningApp app = RunningApp.start("prometheus.web.convention=micrometer",
				"prometheus.web.latency-as-histogram=false")) {
			app.get(1, "/test", 200);
			Scrape scrape = app.scrape();
			String labels = "{error=\"none\",exception=\"none\",method=\"GET\",outcome=\"SUCCESS\",status=\"200\","
					+ "uri=\"/test\"}";
			scrape.assertValue(MICROMETER + "_count" + labels).isEqualTo("1");
			assertThat(scrape.samples(MICROMETER + "_bucket")).isEmpty();
			assertThat(scrape.samples(MICROMETER + "{")).isEmpty();
			assertThat(scrape.text()).contains("# TYPE " + MICROMETER + " summary");
		}
	}

	@Test
	void aListRecordsEveryRequestInEachConventionExactly() {
		try (RunningApp app = RunningApp.start("prometheus.web.convention=flask,opentelemetry,micrometer",
				"prometheus.web.default-labels.team=shop")) {
			app.get(3, "/items/7", 200);
			app.get(1, "/boom", 500);
			app.get(1, "/no-such-path", 404);
			Scrape scrape = app.scrape();
			scrape.assertValue("spring_http_request_total{method=\"GET\",status=\"404\",team=\"shop\"}")
				.isEqualTo("1.0");
			scrape
				.assertValue("spring_http_request_exceptions_total{exception=\"BoomException\",method=\"GET\","
						+ "status=\"500\",team=\"shop\"}")
				.isEqualTo("1.0");
			scrape
				.assertValue(OTEL + "_count{error_type=\"500\",http_request_method=\"GET\","
						+ "http_response_status_code=\"500\",http_route=\"/boom\",network_protocol_version=\"1.1\","
						+ "team=\"shop\",url_scheme=\"http\"}")
				.isEqualTo("1");
			scrape
				.assertValue(OTEL + "_count{http_request_method=\"GET\",http_response_status_code=\"404\","
						+ "network_protocol_version=\"1.1\",team=\"shop\",url_scheme=\"http\"}")
				.isEqualTo("1");
			scrape
				.assertValue(MICROMETER + "_count{error=\"BoomException\",exception=\"BoomException\","
						+ "method=\"GET\",outcome=\"SERVER_ERROR\",status=\"500\",team=\"shop\",uri=\"/boom\"}")
				.isEqualTo("1");
			scrape
				.assertValue(MICROMETER + "_count{error=\"none\",exception=\"none\",method=\"GET\","
						+ "outcome=\"CLIENT_ERROR\",status=\"404\",team=\"shop\",uri=\"NOT_FOUND\"}")
				.isEqualTo("1");
			scrape
				.assertValue("spring_http_request_duration_seconds_count{method=\"GET\",status=\"200\","
						+ "team=\"shop\",url_rule=\"/items/{id}\"}")
				.isEqualTo("3");
			scrape.assertValue(OTEL + "_count{http_request_method=\"GET\",http_response_status_code=\"200\","
					+ "http_route=\"/items/{id}\",network_protocol_version=\"1.1\",team=\"shop\",url_scheme=\"http\"}")
				.isEqualTo("3");
			scrape
				.assertValue(MICROMETER + "_count{error=\"none\",exception=\"none\",method=\"GET\","
						+ "outcome=\"SUCCESS\",status=\"200\",team=\"shop\",uri=\"/items/{id}\"}")
				.isEqualTo("3");
			Promtool.assertAcceptsOwnFamilies(scrape.text(), "http_server_");
		}
	}

	@Test
	void openTelemetryCountsARequestInProgress() throws Exception {
		try (RunningApp app = RunningApp.start("prometheus.web.convention=opentelemetry",
				"prometheus.web.in-progress.enabled=true")) {
			CompletableFuture<Integer> slow = CompletableFuture.supplyAsync(() -> app.get("/sleep/3000").statusCode());
			String active = "http_server_active_requests{http_request_method=\"GET\",url_scheme=\"http\"}";
			await().atMost(Duration.ofSeconds(10)).until(() -> "1.0".equals(app.scrape().value(active)));
			assertThat(slow.get(30, TimeUnit.SECONDS)).isEqualTo(200);
			app.scrape().assertValue(active).isEqualTo("0.0");
		}
	}

	@Test
	void theCardinalityLimitBoundsTheRouteOfEachConvention() {
		try (RunningApp app = RunningApp.start("prometheus.web.convention=opentelemetry,micrometer",
				"prometheus.web.cardinality-limit=2")) {
			app.get(1, "/items/1", 200);
			app.get(1, "/test", 200);
			app.get(1, "/boom", 500);
			app.get(1, "/no-such-path", 404);
			Scrape scrape = app.scrape();
			scrape
				.assertValue(OTEL + "_count{error_type=\"500\",http_request_method=\"GET\","
						+ "http_response_status_code=\"500\",http_route=\"__overflow__\"," + OTEL_CONNECTION + "}")
				.isEqualTo("1");
			// No route is no value: never limited.
			scrape
				.assertValue(OTEL + "_count{http_request_method=\"GET\",http_response_status_code=\"404\","
						+ OTEL_CONNECTION + "}")
				.isEqualTo("1");
			scrape
				.assertValue(MICROMETER + "_count{error=\"BoomException\",exception=\"BoomException\","
						+ "method=\"GET\",outcome=\"SERVER_ERROR\",status=\"500\",uri=\"__overflow__\"}")
				.isEqualTo("1");
			scrape
				.assertValue(MICROMETER + "_count{error=\"none\",exception=\"none\",method=\"GET\","
						+ "outcome=\"CLIENT_ERROR\",status=\"404\",uri=\"__overflow__\"}")
				.isEqualTo("1");
			scrape
				.assertValue("spring_exporter_label_overflow_total{label=\"http_route\","
						+ "metric=\"http_server_request_duration_seconds\"}")
				.isEqualTo("1.0");
			scrape
				.assertValue(
						"spring_exporter_label_overflow_total{label=\"uri\",metric=\"http_server_requests_seconds\"}")
				.isEqualTo("2.0");
		}
	}

	@Test
	void theOpenTelemetryRouteStartsWithTheContextPathTheMicrometerUriDoesNot() {
		try (RunningApp app = RunningApp.start("prometheus.web.convention=opentelemetry,micrometer",
				"server.servlet.context-path=/shop")) {
			app.get(1, "/shop/items/1", 200);
			Scrape scrape = app.scrape("/shop/metrics");
			scrape
				.assertValue(OTEL + "_count{http_request_method=\"GET\",http_response_status_code=\"200\","
						+ "http_route=\"/shop/items/{id}\"," + OTEL_CONNECTION + "}")
				.isEqualTo("1");
			scrape
				.assertValue(MICROMETER + "_count{error=\"none\",exception=\"none\",method=\"GET\","
						+ "outcome=\"SUCCESS\",status=\"200\",uri=\"/items/{id}\"}")
				.isEqualTo("1");
		}
	}

	@Test
	void aHandlerMappedWithAnEmptyPathIsSlashInEveryConvention() {
		try (RunningApp app = RunningApp.start(new Class<?>[] { EmptyPatternController.class },
				"prometheus.web.convention=flask,opentelemetry,micrometer")) {
			app.get(1, "/", 200);
			Scrape scrape = app.scrape();
			scrape
				.assertValue(MICROMETER + "_count{error=\"none\",exception=\"none\",method=\"GET\","
						+ "outcome=\"SUCCESS\",status=\"200\",uri=\"/\"}")
				.isEqualTo("1");
			scrape
				.assertValue(OTEL + "_count{http_request_method=\"GET\",http_response_status_code=\"200\","
						+ "http_route=\"/\"," + OTEL_CONNECTION + "}")
				.isEqualTo("1");
			scrape
				.assertValue("spring_http_request_duration_seconds_count{method=\"GET\",status=\"200\",url_rule=\"/\"}")
				.isEqualTo("1");
		}
	}

	@Test
	void micrometerLabelsAHandledExceptionWithCountHandledExceptions() {
		try (RunningApp app = RunningApp.start("prometheus.web.convention=micrometer",
				"prometheus.web.count-handled-exceptions=true")) {
			app.get(1, "/handled", 400);
			app.scrape()
				.assertValue(MICROMETER + "_count{error=\"HandledException\",exception=\"HandledException\","
						+ "method=\"GET\",outcome=\"CLIENT_ERROR\",status=\"400\",uri=\"/handled\"}")
				.isEqualTo("1");
		}
	}

	@Test
	void nativeHistogramsInEveryConvention() {
		try (RunningApp app = RunningApp.start("prometheus.web.convention=opentelemetry,micrometer",
				"prometheus.web.native-histograms=true")) {
			app.get(1, "/test", 200);
			String debug = app.get("/metrics?debug=prometheus-protobuf").body();
			assertThat(debug).containsPattern("name: \"http_server_request_duration_seconds\"[\\s\\S]*schema: 5")
				.containsPattern("name: \"http_server_requests_seconds\"[\\s\\S]*schema: 5");
		}
	}

	/**
	 * A handler method with an empty pattern, which serves {@code /}.
	 */
	@RestController
	static class EmptyPatternController {

		@GetMapping
		String root() {
			return "root";
		}

	}

	private static void sendTraffic(RunningApp app) {
		app.get(2, "/items/1", 200);
		app.get(1, "/boom", 500);
		app.get(1, "/handled", 400);
		app.get(1, "/no-such-path", 404);
		assertThat(app.send("DELETE", "/test").statusCode()).isEqualTo(405);
		assertThat(app.send("FOO", "/test").statusCode()).isEqualTo(405);
		HttpRequest redirect = app.request("/redirect").GET().build();
		assertThat(app.send(redirect).statusCode()).isEqualTo(302);
	}

}
