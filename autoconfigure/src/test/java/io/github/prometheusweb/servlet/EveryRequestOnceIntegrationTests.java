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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.github.prometheusweb.testapp.RunningApp;
import io.github.prometheusweb.testapp.Scrape;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The requests that simpler instrumentations miss or count twice, each recorded exactly
 * once on a real server. {@link RequestOutcomesIntegrationTests} covers the outcomes
 * table; these are the remaining cases.
 */
class EveryRequestOnceIntegrationTests {

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
	void asyncTimeoutsAreRecordedOnceWithTheStatusTheClientGot() {
		try (RunningApp app = RunningApp.start()) {
			Map<Integer, Integer> answered = new TreeMap<>();
			for (int i = 0; i < 4; i++) {
				answered.merge(app.get("/async/timeout").statusCode(), 1, Integer::sum);
			}
			// Spring answers 503, or 500 when the cancelled task's InterruptedException
			// wins
			// the race with the timeout (more often on a loaded machine); either way the
			// request is recorded once with the status the client got.
			assertThat(answered.keySet()).isSubsetOf(503, 500);
			Scrape scrape = app.scrape();
			answered.forEach((status, times) -> {
				scrape.assertValue("spring_http_request_total{method=\"GET\",status=\"" + status + "\"}")
					.isEqualTo(times + ".0");
				String series = "spring_http_request_duration_seconds_bucket{method=\"GET\",status=\"" + status
						+ "\",url_rule=\"/async/timeout\",le=\"%s\"}";
				scrape.assertValue(series.formatted("0.75")).isEqualTo("0");
				scrape.assertValue(series.formatted("+Inf")).isEqualTo(String.valueOf(times));
			});
			assertThat(scrape.samples("spring_http_request_total")).hasSize(answered.size());
		}
	}

	@Test
	void serverSentEventsAndStreamingBodiesAreRecordedOnceWhenTheyEnd() {
		try (RunningApp app = RunningApp.start()) {
			assertThat(app.get("/async/sse").body()).contains("data:event 1", "data:event 3");
			assertThat(app.get("/async/stream").body()).isEqualTo("chunk 0\nchunk 1\nchunk 2\nchunk 3\n");
			Scrape scrape = app.scrape();
			scrape.assertValue("spring_http_request_total{method=\"GET\",status=\"200\"}").isEqualTo("2.0");
			for (String route : List.of("/async/sse", "/async/stream")) {
				String series = "spring_http_request_duration_seconds_bucket{method=\"GET\",status=\"200\",url_rule=\""
						+ route + "\",le=\"%s\"}";
				scrape.assertValue(series.formatted("0.1")).as(route).isEqualTo("0");
				scrape.assertValue(series.formatted("+Inf")).as(route).isEqualTo("1");
			}
		}
	}

	@Test
	void clientHangingUpMidResponseIsRecordedOnce() throws Exception {
		try (RunningApp app = RunningApp.start()) {
			int port = Integer.parseInt(app.url("").replaceAll(".*:", ""));
			try (Socket socket = new Socket("127.0.0.1", port)) {
				OutputStream out = socket.getOutputStream();
				out.write("GET /slow-stream HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
				out.flush();
				InputStream in = socket.getInputStream();
				byte[] head = new byte[64];
				assertThat(in.read(head)).isPositive();
				socket.setSoLinger(true, 0);
			}
			String count = "spring_http_request_duration_seconds_count{method=\"GET\",status=\"200\",url_rule=\"/slow-stream\"}";
			String value = null;
			for (int i = 0; i < 250 && value == null; i++) {
				Thread.sleep(20);
				value = app.scrape().value(count);
			}
			assertThat(value).isEqualTo("1");
			Thread.sleep(200);
			Scrape scrape = app.scrape();
			scrape.assertValue(count).isEqualTo("1");
			assertThat(scrape.samples("spring_http_request_total")).hasSize(1);
		}
	}

}
