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

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.github.prometheusweb.testapp.MockApp;
import io.github.prometheusweb.testapp.Scrape;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The default metrics and their properties. Ports of the Flask exporter's
 * {@code test_defaults.py} cases where they apply.
 */
class DefaultMetricsTests {

	@Test
	void simple() {
		try (MockApp app = MockApp.start()) {
			app.get(2, "/test", 200);
			Scrape scrape = app.scrape();
			scrape.assertValue("spring_exporter_info{version=\"" + ExporterInfo.version() + "\"}").isEqualTo("1");
			scrape.assertValue("spring_http_request_total{method=\"GET\",status=\"200\"}").isEqualTo("2.0");
			scrape
				.assertValue(
						"spring_http_request_duration_seconds_count{method=\"GET\",status=\"200\",url_rule=\"/test\"}")
				.isEqualTo("2");
			for (String le : List.of("10.0", "+Inf")) {
				scrape.assertValue(
						"spring_http_request_duration_seconds_bucket{method=\"GET\",status=\"200\",url_rule=\"/test\",le=\""
								+ le + "\"}")
					.isEqualTo("2");
			}
			assertThat(scrape.text()).doesNotContain("url_rule=\"/metrics\"");
			app.get(1, "/test", 200);
			app.scrape().assertValue("spring_http_request_total{method=\"GET\",status=\"200\"}").isEqualTo("3.0");
		}
	}

	@Test
	void customPrefix() {
		try (MockApp app = MockApp.start("prometheus.web.prefix=www")) {
			app.get(1, "/test", 200);
			Scrape scrape = app.scrape();
			scrape.assertValue("www_exporter_info{version=\"" + ExporterInfo.version() + "\"}").isEqualTo("1");
			scrape.assertValue("www_http_request_total{method=\"GET\",status=\"200\"}").isEqualTo("1.0");
			scrape
				.assertValue(
						"www_http_request_duration_seconds_count{method=\"GET\",status=\"200\",url_rule=\"/test\"}")
				.isEqualTo("1");
			assertThat(scrape.samples("spring_")).isEmpty();
		}
	}

	@Test
	void noPrefix() {
		try (MockApp app = MockApp.start("prometheus.web.prefix=")) {
			app.get(1, "/test", 200);
			Scrape scrape = app.scrape();
			scrape.assertValue("exporter_info{version=\"" + ExporterInfo.version() + "\"}").isEqualTo("1");
			scrape.assertValue("http_request_total{method=\"GET\",status=\"200\"}").isEqualTo("1.0");
			scrape.assertValue("http_request_duration_seconds_count{method=\"GET\",status=\"200\",url_rule=\"/test\"}")
				.isEqualTo("1");
			assertThat(scrape.samples("spring_")).isEmpty();
		}
	}

	@Test
	void noDefaultExport() {
		try (MockApp app = MockApp.start("prometheus.web.export-defaults=false")) {
			app.get(2, "/test", 200);
			Scrape scrape = app.scrape();
			assertThat(scrape.samples("spring_")).isEmpty();
			assertThat(scrape.samples("jvm_threads_current")).hasSize(1);
		}
	}

	@Test
	void latenciesAsSummary() {
		try (MockApp app = MockApp.start("prometheus.web.latency-as-histogram=false")) {
			app.get(1, "/sleep/150", 200);
			Scrape scrape = app.scrape();
			String labels = "{method=\"GET\",status=\"200\",url_rule=\"/sleep/{millis}\"}";
			scrape.assertValue("spring_http_request_duration_seconds_count" + labels).isEqualTo("1");
			assertThat(Double.parseDouble(scrape.value("spring_http_request_duration_seconds_sum" + labels)))
				.isGreaterThanOrEqualTo(0.15);
			assertThat(scrape.samples("spring_http_request_duration_seconds_bucket")).isEmpty();
			assertThat(scrape.text()).contains("# TYPE spring_http_request_duration_seconds summary");
		}
	}

	@Test
	void summaryQuantiles() {
		try (MockApp app = MockApp.start("prometheus.web.latency-as-histogram=false",
				"prometheus.web.summary-quantiles=0.5,0.99")) {
			app.get(1, "/sleep/150", 200);
			Scrape scrape = app.scrape();
			for (String quantile : List.of("0.5", "0.99")) {
				String value = scrape.value("spring_http_request_duration_seconds{method=\"GET\",status=\"200\","
						+ "url_rule=\"/sleep/{millis}\",quantile=\"" + quantile + "\"}");
				assertThat(Double.parseDouble(value)).as("quantile %s", quantile).isGreaterThanOrEqualTo(0.15);
			}
		}
	}

	@Test
	void customBuckets() {
		try (MockApp app = MockApp.start("prometheus.web.buckets=0.2,2,4")) {
			app.get(1, "/test", 200);
			List<String> buckets = app.scrape().samples("spring_http_request_duration_seconds_bucket");
			assertThat(buckets).extracting((line) -> line.replaceAll(".*le=\"([^\"]+)\".*", "$1"))
				.containsExactly("0.2", "2.0", "4.0", "+Inf");
		}
	}

	@Test
	void exceptionCounterMetric() {
		try (MockApp app = MockApp.start()) {
			String exceptions = "spring_http_request_exceptions_total{exception=\"BoomException\",method=\"GET\",status=\"500\"}";
			app.get(1, "/boom", 500);
			app.scrape().assertValue(exceptions).isEqualTo("1.0");
			app.get(3, "/boom", 500);
			app.get(5, "/status/409", 409);
			Scrape scrape = app.scrape();
			scrape.assertValue(exceptions).isEqualTo("4.0");
			assertThat(scrape.samples("spring_http_request_exceptions_total")).hasSize(1);
			scrape.assertValue("spring_http_request_total{method=\"GET\",status=\"409\"}").isEqualTo("5.0");
		}
	}

	@Test
	void handledExceptionsCountWhenAskedTo() {
		try (MockApp app = MockApp.start("prometheus.web.count-handled-exceptions=true")) {
			app.get(2, "/handled", 400);
			app.get(1, "/response-status-exception", 503);
			app.get(1, "/boom", 500);
			Scrape scrape = app.scrape();
			scrape.assertValue(
					"spring_http_request_exceptions_total{exception=\"HandledException\",method=\"GET\",status=\"400\"}")
				.isEqualTo("2.0");
			scrape.assertValue(
					"spring_http_request_exceptions_total{exception=\"BoomException\",method=\"GET\",status=\"500\"}")
				.isEqualTo("1.0");
			assertThat(scrape.samples("spring_http_request_exceptions_total")).hasSize(2);
		}
	}

	@Test
	void excludedPathsAreAnchoredAtTheStart() {
		try (MockApp app = MockApp.start("prometheus.web.excluded-paths=/exc")) {
			app.get(10, "/excluded", 200);
			app.get(1, "/exc/one", 200);
			app.get(1, "/x/excluded", 200);
			Scrape scrape = app.scrape();
			scrape.assertValue("spring_http_request_total{method=\"GET\",status=\"200\"}").isEqualTo("1.0");
			scrape
				.assertValue("spring_http_request_duration_seconds_count{method=\"GET\",status=\"200\","
						+ "url_rule=\"/x/excluded\"}")
				.isEqualTo("1");
			assertThat(scrape.text()).doesNotContain("url_rule=\"/excluded\"").doesNotContain("url_rule=\"/exc/one\"");
		}
	}

	@Test
	void multipleExcludedPaths() {
		try (MockApp app = MockApp.start("prometheus.web.excluded-paths=/exc/one,/exc/t.*")) {
			app.get(1, "/exc/one", 200);
			app.get(1, "/exc/two", 200);
			app.get(1, "/exc/three", 200);
			app.get(2, "/excluded", 200);
			Scrape scrape = app.scrape();
			scrape.assertValue("spring_http_request_total{method=\"GET\",status=\"200\"}").isEqualTo("2.0");
			scrape.assertValue(
					"spring_http_request_duration_seconds_count{method=\"GET\",status=\"200\",url_rule=\"/excluded\"}")
				.isEqualTo("2");
		}
	}

	@Test
	void groupByPath() {
		try (MockApp app = MockApp.start("prometheus.web.group-by=path")) {
			app.get(2, "/items/1", 200);
			app.get(1, "/items/2?x=1", 200);
			app.get(1, "/no/such", 404);
			Scrape scrape = app.scrape();
			scrape
				.assertValue(
						"spring_http_request_duration_seconds_count{method=\"GET\",path=\"/items/1\",status=\"200\"}")
				.isEqualTo("2");
			scrape
				.assertValue(
						"spring_http_request_duration_seconds_count{method=\"GET\",path=\"/items/2\",status=\"200\"}")
				.isEqualTo("1");
			scrape
				.assertValue(
						"spring_http_request_duration_seconds_count{method=\"GET\",path=\"/no/such\",status=\"404\"}")
				.isEqualTo("1");
			assertThat(scrape.text()).doesNotContain("url_rule=");
		}
	}

	@Test
	void groupByFullPath() {
		try (MockApp app = MockApp.start("prometheus.web.group-by=full-path")) {
			app.get(1, "/test?x=1", 200);
			app.get(1, "/test", 200);
			Scrape scrape = app.scrape();
			scrape.assertValue(
					"spring_http_request_duration_seconds_count{full_path=\"/test?x=1\",method=\"GET\",status=\"200\"}")
				.isEqualTo("1");
			scrape
				.assertValue(
						"spring_http_request_duration_seconds_count{full_path=\"/test\",method=\"GET\",status=\"200\"}")
				.isEqualTo("1");
		}
	}

	@Test
	void groupByEndpoint() {
		try (MockApp app = MockApp.start("prometheus.web.group-by=endpoint")) {
			app.get(2, "/items/1", 200);
			app.get(1, "/no/such", 404);
			Scrape scrape = app.scrape();
			scrape.assertValue(
					"spring_http_request_duration_seconds_count{endpoint=\"TestController#item\",method=\"GET\",status=\"200\"}")
				.isEqualTo("2");
			scrape
				.assertValue(
						"spring_http_request_duration_seconds_count{endpoint=\"none\",method=\"GET\",status=\"404\"}")
				.isEqualTo("1");
			assertThat(scrape.text()).doesNotContain("path=");
		}
	}

	@Test
	void groupByStatusClass() {
		try (MockApp app = MockApp.start("prometheus.web.group-status-codes=true")) {
			app.get(2, "/test", 200);
			app.get(1, "/status/201", 201);
			app.get(1, "/boom", 500);
			Scrape scrape = app.scrape();
			scrape.assertValue("spring_http_request_total{method=\"GET\",status=\"2xx\"}").isEqualTo("3.0");
			scrape.assertValue("spring_http_request_total{method=\"GET\",status=\"5xx\"}").isEqualTo("1.0");
			scrape.assertValue(
					"spring_http_request_exceptions_total{exception=\"BoomException\",method=\"GET\",status=\"5xx\"}")
				.isEqualTo("1.0");
		}
	}

	@Test
	void staticDefaultLabels() {
		try (MockApp app = MockApp.start("prometheus.web.default-labels.app_name=Test-App",
				"prometheus.web.default-labels.api_version=1")) {
			app.get(1, "/test", 200);
			app.get(1, "/boom", 500);
			Scrape scrape = app.scrape();
			scrape.assertValue(
					"spring_http_request_total{api_version=\"1\",app_name=\"Test-App\",method=\"GET\",status=\"200\"}")
				.isEqualTo("1.0");
			scrape
				.assertValue("spring_http_request_duration_seconds_count{api_version=\"1\",app_name=\"Test-App\","
						+ "method=\"GET\",status=\"200\",url_rule=\"/test\"}")
				.isEqualTo("1");
			scrape
				.assertValue("spring_http_request_exceptions_total{api_version=\"1\",app_name=\"Test-App\","
						+ "exception=\"BoomException\",method=\"GET\",status=\"500\"}")
				.isEqualTo("1.0");
			scrape.assertValue("spring_exporter_info{version=\"" + ExporterInfo.version() + "\"}").isEqualTo("1");
		}
	}

	@Test
	void requestsInProgress() throws Exception {
		try (MockApp app = MockApp.start("prometheus.web.in-progress.enabled=true")) {
			String gauge = "spring_http_requests_in_progress{method=\"GET\"}";
			app.scrape().assertValue(gauge).as("a scrape does not count itself").isEqualTo("0.0");
			app.scrape().assertValue(gauge).as("nor the scrape before it").isEqualTo("0.0");
			CompletableFuture<Integer> slow = CompletableFuture.supplyAsync(() -> app.get("/sleep/500").statusCode());
			await().atMost(Duration.ofSeconds(5)).until(() -> "1.0".equals(app.scrape().value(gauge)));
			assertThat(slow.get()).isEqualTo(200);
			app.scrape().assertValue(gauge).as("once the response is complete").isEqualTo("0.0");
		}
	}

	@Test
	void requestAndResponseSizes() {
		try (MockApp app = MockApp.start("prometheus.web.sizes.enabled=true")) {
			int status = app.perform(post("/echo").contentType("text/plain").content("hello world")).statusCode();
			assertThat(status).isEqualTo(200);
			Scrape scrape = app.scrape();
			String labels = "{method=\"POST\",url_rule=\"/echo\"}";
			scrape.assertValue("spring_http_request_size_bytes_count" + labels).isEqualTo("1");
			scrape.assertValue("spring_http_request_size_bytes_sum" + labels).isEqualTo("11.0");
			scrape.assertValue("spring_http_response_size_bytes_sum" + labels).isEqualTo("11.0");
		}
	}

	@Test
	void nativeHistogramsAreServedOverProtobuf() {
		try (MockApp app = MockApp.start("prometheus.web.native-histograms=true")) {
			app.get(1, "/test", 200);
			String debug = app.get("/metrics?debug=prometheus-protobuf").body();
			assertThat(debug).contains("schema: 5");
			app.scrape()
				.assertValue(
						"spring_http_request_duration_seconds_count{method=\"GET\",status=\"200\",url_rule=\"/test\"}")
				.isEqualTo("1");
		}
		try (MockApp app = MockApp.start()) {
			app.get(1, "/test", 200);
			assertThat(app.get("/metrics?debug=prometheus-protobuf").body()).doesNotContain("schema:");
		}
	}

}
