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

package io.github.prometheusweb.benchmarks;

import java.io.IOException;

import io.github.prometheusweb.endpoint.PrometheusScrapeController;
import io.github.prometheusweb.endpoint.ScrapeAuthentication;
import io.github.prometheusweb.endpoint.ScrapeGuard;
import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.exporter.common.PrometheusScrapeHandler;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * One scrape of {@code /metrics} through the starter's endpoint
 * ({@link PrometheusScrapeController} and client_java's {@link PrometheusScrapeHandler}),
 * with mock request and response, of a registry holding a given number of series (one
 * counter with that many label sets: one sample line each in the text formats).
 *
 * @author prometheus-web authors
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(java.util.concurrent.TimeUnit.MICROSECONDS)
@Threads(1)
public class ScrapeBenchmark {

	/**
	 * The number of series.
	 */
	@Param({ "1000", "10000" })
	public int series;

	/**
	 * The format asked for.
	 */
	@Param({ "TEXT", "OPENMETRICS", "PROTOBUF", "TEXT_GZIP" })
	public Format format;

	private PrometheusScrapeController controller;

	/**
	 * Registers the series.
	 */
	@Setup(Level.Trial)
	public void register() {
		PrometheusRegistry registry = new PrometheusRegistry();
		Counter counter = Counter.builder()
			.name("bench_http_requests_total")
			.help("Requests by route and status")
			.labelNames("method", "url_rule", "status")
			.register(registry);
		for (int i = 0; i < this.series; i++) {
			counter.labelValues("GET", "/route/" + (i / 4), String.valueOf(200 + (i % 4))).inc(i);
		}
		this.controller = new PrometheusScrapeController(
				new PrometheusScrapeHandler(PrometheusProperties.get(), registry),
				new ScrapeGuard(ScrapeAuthentication.of(null, null)));
	}

	/**
	 * One scrape.
	 * @return the response
	 * @throws IOException never
	 */
	@Benchmark
	public MockHttpServletResponse scrape() throws IOException {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/metrics");
		request.addHeader("Accept", this.format.accept);
		if (this.format.gzip) {
			request.addHeader("Accept-Encoding", "gzip");
		}
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.controller.scrape(request, response);
		return response;
	}

	/**
	 * A format a scraper asks for.
	 */
	public enum Format {

		/**
		 * The Prometheus text format 0.0.4.
		 */
		TEXT("text/plain;version=0.0.4", false),

		/**
		 * OpenMetrics 1.0.0.
		 */
		OPENMETRICS("application/openmetrics-text;version=1.0.0", false),

		/**
		 * The Prometheus protobuf format.
		 */
		PROTOBUF("application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;encoding=delimited", false),

		/**
		 * The text format, gzip-compressed.
		 */
		TEXT_GZIP("text/plain;version=0.0.4", true);

		final String accept;

		final boolean gzip;

		Format(String accept, boolean gzip) {
			this.accept = accept;
			this.gzip = gzip;
		}

	}

}
