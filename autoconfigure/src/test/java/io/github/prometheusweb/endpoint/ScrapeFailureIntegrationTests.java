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

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.prometheusweb.server.MetricsServer;
import io.github.prometheusweb.testapp.RunningApp;
import io.github.prometheusweb.testapp.Scrape;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A metric of the application whose {@code collect()} throws: each scrape of the metrics
 * endpoint answers 500 with a short plain-text body that names the exception, and the
 * failure is logged once a minute at most; a scrape whose {@code name[]} leaves that
 * metric out answers 200, and so does every scrape once the metric can be read again. The
 * application's own requests are unaffected.
 */
@ExtendWith(OutputCaptureExtension.class)
class ScrapeFailureIntegrationTests {

	private final AtomicBoolean available = new AtomicBoolean();

	/**
	 * A metric that cannot be read until {@link #available}, as a gauge reading a
	 * resource that is down would be.
	 */
	private final GaugeWithCallback broken = GaugeWithCallback.builder()
		.name("broken_queue_length")
		.help("A queue length that cannot always be read")
		.callback((callback) -> {
			if (!this.available.get()) {
				throw new IllegalStateException("queue length unavailable");
			}
			callback.call(7);
		})
		.build();

	@AfterEach
	void unregister() {
		PrometheusRegistry.defaultRegistry.unregister(this.broken);
	}

	@Test
	void metricWhoseCollectThrowsFailsTheScrapeWithA500(CapturedOutput output) {
		PrometheusRegistry.defaultRegistry.register(this.broken);
		try (RunningApp app = RunningApp.start()) {
			app.get(2, "/items/1", 200);
			for (int i = 0; i < 3; i++) {
				HttpResponse<String> scrape = app.get("/metrics");
				assertThat(scrape.statusCode()).isEqualTo(500);
				assertThat(scrape.headers().firstValue("Content-Type")).hasValue("text/plain;charset=utf-8");
				assertThat(scrape.body())
					.isEqualTo("An exception occurred while collecting the metrics: IllegalStateException. "
							+ "See the application's log.\n");
			}
			HttpResponse<String> head = app.send("HEAD", "/metrics");
			assertThat(head.statusCode()).isEqualTo(500);
			app.get(1, "/items/1", 200);
			Scrape filtered = app.scrape("/metrics?name%5B%5D=spring_http_request_total");
			filtered.assertValue("spring_http_request_total{method=\"GET\",status=\"200\"}").isEqualTo("3.0");
			assertThat(filtered.value("spring_http_request_total{method=\"GET\",status=\"500\"}")).isNull();
			this.available.set(true);
			Scrape recovered = app.scrape();
			recovered.assertValue("broken_queue_length").isEqualTo("7.0");
			recovered.assertValue("spring_http_request_total{method=\"GET\",status=\"200\"}").isEqualTo("3.0");
		}
		String log = output.getOut() + output.getErr();
		assertThat(occurrences(log, "Failed to collect the metrics of a scrape")).isEqualTo(1);
		assertThat(occurrences(log, "java.lang.IllegalStateException: queue length unavailable")).isEqualTo(1);
		assertThat(log).doesNotContain("ERROR");
	}

	@Test
	void theSeparatePortAnswersAMetricWhoseCollectThrowsAsTheEndpointDoes() throws Exception {
		PrometheusRegistry.defaultRegistry.register(this.broken);
		try (RunningApp app = RunningApp.start("prometheus.web.server.port=0")) {
			int port = app.context().getBean(MetricsServer.class).getPort();
			HttpClient client = HttpClient.newHttpClient();
			HttpRequest scrape = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build();
			HttpResponse<String> failed = client.send(scrape, HttpResponse.BodyHandlers.ofString());
			assertThat(failed.statusCode()).isEqualTo(500);
			assertThat(failed.body()).isEqualTo(
					"An exception occurred while collecting the metrics: IllegalStateException. See the application's log.\n");
			this.available.set(true);
			HttpResponse<String> recovered = client.send(scrape, HttpResponse.BodyHandlers.ofString());
			assertThat(recovered.statusCode()).isEqualTo(200);
			assertThat(new Scrape(recovered.body()).value("broken_queue_length")).isEqualTo("7.0");
		}
	}

	private static int occurrences(String text, String part) {
		return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
	}

}
