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

package io.github.prometheusweb.endpoint;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

import io.github.prometheusweb.metrics.ExporterInfo;
import io.github.prometheusweb.testapp.MockApp;
import io.github.prometheusweb.testapp.Scrape;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The metrics endpoint: formats, compression, filtering and path.
 */
class MetricsEndpointTests {

	private static final String EXPORTER_INFO = "spring_exporter_info{version=\"" + ExporterInfo.version() + "\"}";

	@Test
	void defaultFormatIsPrometheusText() {
		try (MockApp app = MockApp.start()) {
			MockApp.Answer response = app.get("/metrics");
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.mediaType())
				.isEqualTo(MediaType.parseMediaType("text/plain;version=0.0.4;charset=utf-8"));
			assertThat(response.body()).doesNotContain("# EOF");
			new Scrape(response.body()).assertValue(EXPORTER_INFO).isEqualTo("1");
		}
	}

	@Test
	void openMetricsWhenAccepted() {
		try (MockApp app = MockApp.start()) {
			app.get(1, "/test", 200);
			MockApp.Answer response = app.get("/metrics", "Accept",
					"application/openmetrics-text; version=1.0.0; charset=utf-8");
			assertThat(response.mediaType())
				.isEqualTo(MediaType.parseMediaType("application/openmetrics-text;version=1.0.0;charset=utf-8"));
			assertThat(response.body()).endsWith("# EOF\n").contains("# TYPE spring_http_request counter");
			new Scrape(response.body()).assertValue("spring_http_request_total{method=\"GET\",status=\"200\"}")
				.isEqualTo("1.0");
		}
	}

	@Test
	void protobufWhenAccepted() {
		try (MockApp app = MockApp.start()) {
			MockApp.Answer response = app.get("/metrics", "Accept",
					"application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;encoding=delimited;q=0.7,"
							+ "text/plain;version=0.0.4;q=0.3");
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.mediaType()).isEqualTo(MediaType.parseMediaType(
					"application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily; encoding=delimited"));
		}
	}

	@Test
	void gzipWhenAccepted() throws IOException {
		try (MockApp app = MockApp.start()) {
			MockApp.Answer response = app.get("/metrics", "Accept-Encoding", "gzip");
			assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");
			try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(response.bytes()))) {
				new Scrape(new String(in.readAllBytes(), StandardCharsets.UTF_8)).assertValue(EXPORTER_INFO)
					.isEqualTo("1");
			}
		}
	}

	@Test
	void restrictedByName() {
		try (MockApp app = MockApp.start()) {
			app.get(1, "/test", 200);
			Scrape scrape = app.scrape("/metrics?name%5B%5D=spring_http_request_total");
			scrape.assertValue("spring_http_request_total{method=\"GET\",status=\"200\"}").isEqualTo("1.0");
			assertThat(scrape.samples("spring_http_request_duration_seconds")).isEmpty();
			assertThat(scrape.samples("jvm_")).isEmpty();
			assertThat(scrape.value(EXPORTER_INFO)).isNull();
		}
	}

	@Test
	void headAnswersHeadersOnly() {
		try (MockApp app = MockApp.start()) {
			MockApp.Answer response = app.send("HEAD", "/metrics");
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.body()).isEmpty();
		}
	}

	@Test
	void unknownDebugValueIsABadRequest() {
		try (MockApp app = MockApp.start()) {
			assertThat(app.get("/metrics?debug=nope").statusCode()).isEqualTo(400);
			assertThat(app.get("/metrics?debug=text").statusCode()).isEqualTo(200);
		}
	}

	@Test
	void customPath() {
		try (MockApp app = MockApp.start("prometheus.web.endpoint.path=/my-metrics")) {
			app.scrape("/my-metrics").assertValue(EXPORTER_INFO).isEqualTo("1");
			assertThat(app.get("/metrics").statusCode()).isEqualTo(404);
			app.scrape("/my-metrics")
				.assertValue(
						"spring_http_request_duration_seconds_count{method=\"GET\",status=\"404\",url_rule=\"none\"}")
				.isEqualTo("1");
		}
	}

	@Test
	void endpointCanBeTurnedOff() {
		try (MockApp app = MockApp.start("prometheus.web.endpoint.enabled=false")) {
			assertThat(app.get("/metrics").statusCode()).isEqualTo(404);
		}
	}

	@Test
	void jvmAndProcessMetricsAreServed() {
		try (MockApp app = MockApp.start()) {
			Scrape scrape = app.scrape();
			assertThat(Double.parseDouble(scrape.value("jvm_threads_current"))).isPositive();
			assertThat(Double.parseDouble(scrape.value("process_start_time_seconds"))).isPositive();
		}
		try (MockApp app = MockApp.start("prometheus.web.jvm-metrics=false")) {
			Scrape scrape = app.scrape();
			assertThat(scrape.samples("jvm_")).isEmpty();
			assertThat(scrape.samples("process_")).isEmpty();
		}
	}

	@Test
	void metricsOfTheDefaultRegistryAreServed() {
		Counter orders = Counter.builder()
			.name("endpoint_test_orders_total")
			.help("Orders")
			.withoutExemplars()
			.register();
		try (MockApp app = MockApp.start()) {
			orders.inc(3);
			Scrape scrape = app.scrape();
			scrape.assertValue("endpoint_test_orders_total").isEqualTo("3.0");
			assertThat(scrape.samples("endpoint_test_orders_total")).hasSize(1);
		}
		finally {
			PrometheusRegistry.defaultRegistry.unregister(orders);
		}
	}

	@Test
	void jvmMetricsAlsoInTheDefaultRegistryAreServedOnce() {
		// As an application that follows client_java's docs (JvmMetrics...register())
		// would.
		Gauge threads = Gauge.builder()
			.name("jvm_threads_current")
			.help("Current thread count")
			.withoutExemplars()
			.register();
		threads.set(-1);
		try (MockApp app = MockApp.start()) {
			Scrape scrape = app.scrape();
			assertThat(scrape.samples("jvm_threads_current ")).hasSize(1);
			assertThat(Double.parseDouble(scrape.value("jvm_threads_current"))).as("ours, not the copy").isPositive();
			assertThat(scrape.lines()).filteredOn((line) -> line.equals("# TYPE jvm_threads_current gauge")).hasSize(1);
		}
		finally {
			PrometheusRegistry.defaultRegistry.unregister(threads);
		}
	}

}
