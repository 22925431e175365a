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

package io.github.prometheusweb.server;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.BindException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.zip.GZIPInputStream;

import io.github.prometheusweb.testapp.MockApp;
import io.github.prometheusweb.testapp.Scrape;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Tests for the separate metrics server ({@code prometheus.web.server.*}).
 *
 * @author prometheus-web authors
 */
class MetricsServerIntegrationTests {

	private static final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Test
	void separatePortServesTheMetricsOfTheApplication() {
		try (MockApp app = MockApp.start("prometheus.web.server.port=0", "prometheus.web.server.address=127.0.0.1")) {
			app.get(2, "/items/1", 200);
			HttpResponse<String> response = send(app, "GET", "/metrics");
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.headers().firstValue("Content-Type"))
				.hasValue("text/plain; version=0.0.4; charset=utf-8");
			Scrape scrape = new Scrape(response.body());
			scrape.assertValue("spring_http_request_total{method=\"GET\",status=\"200\"}").isEqualTo("2.0");
			scrape.assertValue(
					"spring_http_request_duration_seconds_count{method=\"GET\",status=\"200\",url_rule=\"/items/{id}\"}")
				.isEqualTo("2");
		}
	}

	@Test
	void separatePortNegotiatesOpenMetrics() {
		try (MockApp app = MockApp.start("prometheus.web.server.port=0", "prometheus.web.server.address=127.0.0.1")) {
			HttpResponse<String> response = send(app, "GET", "/metrics", "Accept",
					"application/openmetrics-text; version=1.0.0; charset=utf-8");
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.headers().firstValue("Content-Type"))
				.hasValue("application/openmetrics-text; version=1.0.0; charset=utf-8");
			assertThat(response.body()).endsWith("# EOF\n");
		}
	}

	@Test
	void separatePortCompressesWithGzip() throws IOException {
		try (MockApp app = MockApp.start("prometheus.web.server.port=0", "prometheus.web.server.address=127.0.0.1")) {
			app.get(3, "/items/1", 200);
			HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port(app) + "/metrics"))
				.timeout(Duration.ofSeconds(30))
				.header("Accept-Encoding", "gzip")
				.build();
			HttpResponse<byte[]> response = sendForBytes(request);
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");
			try (GZIPInputStream body = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
				new Scrape(new String(body.readAllBytes(), StandardCharsets.UTF_8))
					.assertValue("spring_http_request_total{method=\"GET\",status=\"200\"}")
					.isEqualTo("3.0");
			}
		}
	}

	@Test
	void onlyTheMetricsPathAnswersOnTheSeparatePort() {
		try (MockApp app = MockApp.start("prometheus.web.server.port=0", "prometheus.web.server.address=127.0.0.1")) {
			assertThat(send(app, "GET", "/").statusCode()).isEqualTo(404);
			assertThat(send(app, "GET", "/items/1").statusCode()).isEqualTo(404);
			assertThat(send(app, "GET", "/metrics/x").statusCode()).isEqualTo(404);
			assertThat(send(app, "POST", "/metrics").statusCode()).isEqualTo(405);
			assertThat(send(app, "HEAD", "/metrics").statusCode()).isEqualTo(200);
		}
	}

	@Test
	void separatePortUsesTheEndpointPath() {
		try (MockApp app = MockApp.start("prometheus.web.server.port=0", "prometheus.web.server.address=127.0.0.1",
				"prometheus.web.endpoint.path=/prometheus")) {
			assertThat(send(app, "GET", "/prometheus").statusCode()).isEqualTo(200);
			assertThat(send(app, "GET", "/metrics").statusCode()).isEqualTo(404);
		}
	}

	@Test
	void disabledEndpointLeavesMetricsOnlyOnTheSeparatePort() {
		try (MockApp app = MockApp.start("prometheus.web.server.port=0", "prometheus.web.server.address=127.0.0.1",
				"prometheus.web.endpoint.enabled=false")) {
			app.get(1, "/items/1", 200);
			assertThat(app.get("/metrics").statusCode()).isEqualTo(404);
			HttpResponse<String> response = send(app, "GET", "/metrics");
			assertThat(response.statusCode()).isEqualTo(200);
			new Scrape(response.body()).assertValue("spring_http_request_total{method=\"GET\",status=\"200\"}")
				.isEqualTo("1.0");
		}
	}

	@Test
	void basicAuthProtectsTheSeparatePort() {
		try (MockApp app = MockApp.start("prometheus.web.server.port=0", "prometheus.web.server.address=127.0.0.1",
				"prometheus.web.endpoint.basic-auth.username=prometheus",
				"prometheus.web.endpoint.basic-auth.password=s3cret")) {
			app.get(1, "/items/1", 200);
			HttpResponse<String> anonymous = send(app, "GET", "/metrics");
			assertThat(anonymous.statusCode()).isEqualTo(401);
			assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"metrics\"");
			assertThat(send(app, "GET", "/metrics", "Authorization", basic("prometheus", "wrong")).statusCode())
				.isEqualTo(401);
			HttpResponse<String> authenticated = send(app, "GET", "/metrics", "Authorization",
					basic("prometheus", "s3cret"));
			assertThat(authenticated.statusCode()).isEqualTo(200);
			new Scrape(authenticated.body()).assertValue("spring_http_request_total{method=\"GET\",status=\"200\"}")
				.isEqualTo("1.0");
		}
	}

	@Test
	void badScrapeRequestsAreBadRequestsOnBothPorts() throws IOException {
		try (MockApp app = MockApp.start("prometheus.web.server.port=0", "prometheus.web.server.address=127.0.0.1")) {
			assertThat(send(app, "GET", "/metrics?debug=foo").statusCode()).isEqualTo(400);
			assertThat(app.get("/metrics?debug=foo").statusCode()).isEqualTo(400);
			assertThat(rawGetStatus(port(app), "/metrics?name%5B%5D=%ZZ")).isEqualTo(400);
			assertThat(send(app, "GET", "/metrics?debug=text").statusCode()).isEqualTo(200);
		}
	}

	@Test
	void malformedRequestsAreBadRequests() throws IOException {
		try (MockApp app = MockApp.start("prometheus.web.server.port=0", "prometheus.web.server.address=127.0.0.1")) {
			assertThat(rawStatus(port(app), "GARBAGE\r\n\r\n")).isEqualTo(400);
			assertThat(rawStatus(port(app), "GET /metrics HTTP/2.0\r\n\r\n")).isEqualTo(400);
			assertThat(rawStatus(port(app), "GET metrics HTTP/1.1\r\n\r\n")).isEqualTo(400);
			assertThat(rawStatus(port(app), "GET /metrics HTTP/1.1\r\nno colon\r\n\r\n")).isEqualTo(400);
			assertThat(rawStatus(port(app), "GET /metrics HTTP/1.1\r\nHost: a\r\n folded\r\n\r\n")).isEqualTo(400);
			String start = "GET /metrics HTTP/1.1\r\nX-Long: ";
			assertThat(rawStatus(port(app), start + "a".repeat(8192 - start.length()))).isEqualTo(431);
		}
	}

	@Test
	void requestsOfEveryHttp1FormAreAnswered() throws IOException {
		try (MockApp app = MockApp.start("prometheus.web.server.port=0", "prometheus.web.server.address=127.0.0.1")) {
			assertThat(rawStatus(port(app), "GET /metrics HTTP/1.0\r\n\r\n")).isEqualTo(200);
			assertThat(rawStatus(port(app), "GET /metrics HTTP/1.1\nHost: 127.0.0.1\n\n")).isEqualTo(200);
			assertThat(rawStatus(port(app), "GET http://127.0.0.1/metrics?debug=text HTTP/1.1\r\nHost: x\r\n\r\n"))
				.isEqualTo(200);
			assertThat(rawStatus(port(app), "GET http://127.0.0.1/other HTTP/1.1\r\n\r\n")).isEqualTo(404);
		}
	}

	@Test
	void portInUseFailsStartupNamingThePortAndTheProperty() throws IOException {
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
			int port = taken.getLocalPort();
			Throwable failure = catchThrowable(() -> MockApp.start("prometheus.web.server.port=" + port,
					"prometheus.web.server.address=127.0.0.1"));
			assertThat(failure)
				.hasStackTraceContaining("prometheus.web.server.port " + port + " is already in use on 127.0.0.1")
				.hasRootCauseInstanceOf(BindException.class);
		}
	}

	@Test
	void serverStopsWhenTheContextCloses() {
		MockApp app = MockApp.start("prometheus.web.server.port=0", "prometheus.web.server.address=127.0.0.1");
		MetricsServer server = app.context().getBean(MetricsServer.class);
		int port = server.getPort();
		assertThat(send(port, "GET", "/metrics").statusCode()).isEqualTo(200);
		app.close();
		assertThat(server.isRunning()).isFalse();
		assertThatException().isThrownBy(() -> send(port, "GET", "/metrics"))
			.withCauseInstanceOf(ConnectException.class);
	}

	@Test
	void noServerWithoutPort() {
		try (MockApp app = MockApp.start()) {
			assertThat(app.context().getBeanProvider(MetricsServer.class).getIfAvailable()).isNull();
		}
	}

	private static int rawGetStatus(int port, String pathAndQuery) throws IOException {
		return rawStatus(port, "GET " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
	}

	private static int rawStatus(int port, String request) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(30_000);
			socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
			String statusLine = new BufferedReader(
					new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
				.readLine();
			return Integer.parseInt(statusLine.split(" ")[1]);
		}
	}

	static String basic(String username, String password) {
		return "Basic "
				+ Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	private static int port(MockApp app) {
		return app.context().getBean(MetricsServer.class).getPort();
	}

	private static HttpResponse<String> send(MockApp app, String method, String path, String... headers) {
		return send(port(app), method, path, headers);
	}

	private static HttpResponse<byte[]> sendForBytes(HttpRequest request) {
		try {
			return client.send(request, BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static HttpResponse<String> send(int port, String method, String path, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(30))
			.method(method, BodyPublishers.noBody());
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		try {
			return client.send(request.build(), BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
