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

package io.github.prometheusweb.servlet;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.github.prometheusweb.testapp.RunningApp;
import io.github.prometheusweb.testapp.Scrape;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The requests whose recording depends on the servlet container, each recorded exactly
 * once on a real server: the error dispatch, the container's own 404, a redirect, and a
 * client that hangs up. {@link RequestOutcomesTests} covers the rest of the outcomes
 * table, {@link AsyncRequestsIntegrationTests} the asynchronous requests.
 */
class EveryRequestOnceIntegrationTests {

	@Test
	void errorDispatchAfterAnUncaughtExceptionIsNeverASecondRecord() {
		try (RunningApp app = RunningApp.start()) {
			app.get(4, "/boom", 500);
			Scrape scrape = app.scrape();
			scrape.assertValue("spring_http_request_total{method=\"GET\",status=\"500\"}").isEqualTo("4.0");
			scrape
				.assertValue(
						"spring_http_request_duration_seconds_count{method=\"GET\",status=\"500\",url_rule=\"/boom\"}")
				.isEqualTo("4");
			scrape.assertValue(
					"spring_http_request_exceptions_total{exception=\"BoomException\",method=\"GET\",status=\"500\"}")
				.isEqualTo("4.0");
			assertThat(scrape.text()).doesNotContain("url_rule=\"/error\"");
		}
	}

	@Test
	void unmappedPathIsOne404EvenAfterTheErrorDispatch() {
		try (RunningApp app = RunningApp.start()) {
			app.get(2, "/no/such/path", 404);
			Scrape scrape = app.scrape();
			scrape.assertValue("spring_http_request_total{method=\"GET\",status=\"404\"}").isEqualTo("2.0");
			assertThat(scrape.text()).doesNotContain("url_rule=\"/**\"").doesNotContain("url_rule=\"/error\"");
		}
	}

	@Test
	void unmappedPathWithStaticResourcesOffIsOne404() {
		try (RunningApp app = RunningApp.start("spring.web.resources.add-mappings=false")) {
			app.get(2, "/no/such/path", 404);
			Scrape scrape = app.scrape();
			scrape.assertValue("spring_http_request_total{method=\"GET\",status=\"404\"}").isEqualTo("2.0");
			scrape
				.assertValue(
						"spring_http_request_duration_seconds_count{method=\"GET\",status=\"404\",url_rule=\"none\"}")
				.isEqualTo("2");
		}
	}

	@Test
	void redirectIsRecordedOnItsRoute() {
		try (RunningApp app = RunningApp.start()) {
			app.get(1, "/redirect", 302);
			Scrape scrape = app.scrape();
			scrape.assertValue(
					"spring_http_request_duration_seconds_count{method=\"GET\",status=\"302\",url_rule=\"/redirect\"}")
				.isEqualTo("1");
			assertThat(scrape.samples("spring_http_request_total")).hasSize(1);
		}
	}

	@Test
	void clientHangingUpMidResponseIsRecordedOnce() throws Exception {
		try (RunningApp app = RunningApp.start()) {
			hangUpAfterTheFirstBytes(app, "/slow-stream");
			String count = "spring_http_request_duration_seconds_count{method=\"GET\",status=\"200\",url_rule=\"/slow-stream\"}";
			await().atMost(Duration.ofSeconds(15)).until(() -> "1".equals(app.scrape().value(count)));
			await().during(Duration.ofMillis(300))
				.atMost(Duration.ofSeconds(2))
				.until(() -> "1".equals(app.scrape().value(count)));
			assertThat(app.scrape().samples("spring_http_request_total")).hasSize(1);
		}
	}

	/**
	 * An asynchronous response the application goes on writing after the client has gone:
	 * recorded when a write fails, long before the request's timeout (60 s), on every
	 * container. Tomcat tells the request's listeners at once; Jetty only at the timeout.
	 */
	@Test
	void clientHangingUpOnServerSentEventsIsRecordedOnceWhenAWriteFails() throws Exception {
		try (RunningApp app = RunningApp.start("prometheus.web.in-progress.enabled=true")) {
			hangUpAfterTheFirstBytes(app, "/async/ticks");
			String count = "spring_http_request_duration_seconds_count{method=\"GET\",status=\"200\",url_rule=\"/async/ticks\"}";
			await().atMost(Duration.ofSeconds(5)).until(() -> "1".equals(app.scrape().value(count)));
			await().during(Duration.ofMillis(300))
				.atMost(Duration.ofSeconds(2))
				.until(() -> "1".equals(app.scrape().value(count)));
			Scrape scrape = app.scrape();
			assertThat(scrape.samples("spring_http_request_total"))
				.containsExactly("spring_http_request_total{method=\"GET\",status=\"200\"} 1.0");
			scrape.assertValue("spring_http_requests_in_progress{method=\"GET\"}").isEqualTo("0.0");
		}
	}

	/**
	 * Sends a GET, reads the first bytes of the response, and resets the connection.
	 */
	private static void hangUpAfterTheFirstBytes(RunningApp app, String path) throws Exception {
		int port = Integer.parseInt(app.url("").replaceAll(".*:", ""));
		try (Socket socket = new Socket("127.0.0.1", port)) {
			OutputStream out = socket.getOutputStream();
			out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			byte[] head = new byte[64];
			assertThat(in.read(head)).isPositive();
			socket.setSoLinger(true, 0);
		}
	}

}
