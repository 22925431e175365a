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
import java.io.OutputStream;
import java.util.Enumeration;
import java.util.zip.GZIPOutputStream;

import io.github.prometheusweb.endpoint.PrometheusScrapeController;
import io.github.prometheusweb.endpoint.ScrapeAuthentication;
import io.github.prometheusweb.endpoint.ScrapeGuard;
import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.exporter.common.PrometheusHttpExchange;
import io.prometheus.metrics.exporter.common.PrometheusHttpRequest;
import io.prometheus.metrics.exporter.common.PrometheusHttpResponse;
import io.prometheus.metrics.exporter.common.PrometheusScrapeHandler;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
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

	/**
	 * What the scrape goes through.
	 */
	@Param({ "ENDPOINT", "CLIENT_JAVA_HANDLER", "CLIENT_JAVA_WRITER" })
	public Through through;

	private PrometheusScrapeController controller;

	private PrometheusScrapeHandler handler;

	private PrometheusRegistry registry;

	private ExpositionFormatWriter writer;

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
		this.registry = registry;
		this.handler = new PrometheusScrapeHandler(PrometheusProperties.get(), registry);
		this.controller = new PrometheusScrapeController(this.handler,
				new ScrapeGuard(ScrapeAuthentication.of(null, null)));
		this.writer = ExpositionFormats.init().findWriter(this.format.accept);
	}

	/**
	 * One scrape.
	 * @return the response
	 * @throws IOException never
	 */
	@Benchmark
	public ScrapeResponse scrape() throws IOException {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/metrics");
		request.addHeader("Accept", this.format.accept);
		if (this.format.gzip) {
			request.addHeader("Accept-Encoding", "gzip");
		}
		ScrapeResponse response = new ScrapeResponse();
		switch (this.through) {
			case ENDPOINT -> this.controller.scrape(request, response);
			case CLIENT_JAVA_HANDLER -> this.handler.handleRequest(new MinimalExchange(request, response));
			case CLIENT_JAVA_WRITER -> write(response);
		}
		return response;
	}

	private void write(ScrapeResponse response) throws IOException {
		response.setContentType(this.writer.getContentType());
		if (this.format.gzip) {
			response.setHeader("Content-Encoding", "gzip");
			try (GZIPOutputStream gzip = new GZIPOutputStream(response.getOutputStream())) {
				this.writer.write(gzip, this.registry.scrape());
			}
		}
		else {
			this.writer.write(response.getOutputStream(), this.registry.scrape());
		}
	}

	/**
	 * A mock response whose body only counts its bytes, in whole arrays: the mock's own
	 * stream writes one byte at a time and would be most of what is measured.
	 */
	public static final class ScrapeResponse extends MockHttpServletResponse {

		private final CountingStream body = new CountingStream();

		@Override
		public ServletOutputStream getOutputStream() {
			return this.body;
		}

		/**
		 * The bytes of the body.
		 * @return the count
		 */
		public long bodyBytes() {
			return this.body.bytes;
		}

	}

	private static final class CountingStream extends ServletOutputStream {

		private long bytes;

		@Override
		public void write(int b) {
			this.bytes++;
		}

		@Override
		public void write(byte[] b, int off, int len) {
			this.bytes += len;
		}

		@Override
		public boolean isReady() {
			return true;
		}

		@Override
		public void setWriteListener(WriteListener listener) {
		}

	}

	/**
	 * What a scrape goes through.
	 */
	public enum Through {

		/**
		 * The starter's endpoint: {@link PrometheusScrapeController}, its guard and its
		 * adapter of the servlet exchange, then client_java's scrape handler.
		 */
		ENDPOINT,

		/**
		 * client_java's scrape handler alone, with the least exchange it needs.
		 */
		CLIENT_JAVA_HANDLER,

		/**
		 * client_java's floor: the registry's snapshot written by the format's writer
		 * straight into the response, with no negotiation and no buffer.
		 */
		CLIENT_JAVA_WRITER

	}

	/**
	 * The least exchange client_java's scrape handler needs, over mock servlet objects.
	 */
	private record MinimalExchange(MockHttpServletRequest request,
			ScrapeResponse response) implements PrometheusHttpExchange, PrometheusHttpRequest, PrometheusHttpResponse {

		@Override
		public PrometheusHttpRequest getRequest() {
			return this;
		}

		@Override
		public PrometheusHttpResponse getResponse() {
			return this;
		}

		@Override
		public String getQueryString() {
			return this.request.getQueryString();
		}

		@Override
		public Enumeration<String> getHeaders(String name) {
			return this.request.getHeaders(name);
		}

		@Override
		public String getMethod() {
			return this.request.getMethod();
		}

		@Override
		public String getRequestPath() {
			return this.request.getRequestURI();
		}

		@Override
		public void setHeader(String name, String value) {
			this.response.setHeader(name, value);
		}

		@Override
		public OutputStream sendHeadersAndGetBody(int statusCode, int contentLength) throws IOException {
			this.response.setStatus(statusCode);
			this.response.setContentLength(contentLength);
			return this.response.getOutputStream();
		}

		@Override
		public void handleException(IOException ex) throws IOException {
			throw ex;
		}

		@Override
		public void handleException(RuntimeException ex) {
			throw ex;
		}

		@Override
		public void close() {
		}

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
