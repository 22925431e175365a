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

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.github.prometheusweb.testapp.RunningApp;
import io.github.prometheusweb.testapp.Scrape;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Asynchronous requests ({@code Callable}, {@code DeferredResult},
 * {@code CompletableFuture}, {@code WebAsyncTask}, {@code SseEmitter},
 * {@code StreamingResponseBody}), on a real server: each recorded once, when it
 * completes, with the status the client got and a duration that covers the whole
 * response.
 */
class AsyncRequestsIntegrationTests {

	private RunningApp app;

	@BeforeEach
	void start() {
		this.app = RunningApp.start("prometheus.web.jvm-metrics=false");
	}

	@AfterEach
	void stop() {
		this.app.close();
	}

	@Test
	void asynchronousRequestsAreRecordedOnceWhenTheyComplete() {
		this.app.get(1, "/async/callable", 200);
		this.app.get(1, "/async/deferred", 200);
		this.app.get(1, "/async/future", 200);
		Scrape scrape = this.app.scrape();
		scrape.assertValue("spring_http_request_total{method=\"GET\",status=\"200\"}").isEqualTo("3.0");
		for (String route : new String[] { "/async/callable", "/async/deferred", "/async/future" }) {
			String series = "spring_http_request_duration_seconds_bucket{method=\"GET\",status=\"200\",url_rule=\""
					+ route + "\",le=\"%s\"}";
			scrape.assertValue(series.formatted("0.1")).isEqualTo("0");
			scrape.assertValue(series.formatted("+Inf")).isEqualTo("1");
		}
	}

	@Test
	void exceptionInAsynchronousHandlerIsOne500AndOneException() {
		this.app.get(1, "/async/callable-boom", 500);
		Scrape scrape = this.app.scrape();
		scrape.assertValue("spring_http_request_total{method=\"GET\",status=\"500\"}").isEqualTo("1.0");
		scrape.assertValue(
				"spring_http_request_duration_seconds_count{method=\"GET\",status=\"500\",url_rule=\"/async/callable-boom\"}")
			.isEqualTo("1");
		scrape
			.assertValue(
					"spring_http_request_exceptions_total{exception=\"BoomException\",method=\"GET\",status=\"500\"}")
			.isEqualTo("1.0");
	}

	@Test
	void asyncTimeoutsAreRecordedOnceWithTheStatusTheClientGot() {
		Map<Integer, Integer> answered = new TreeMap<>();
		answered.merge(this.app.get("/async/timeout").statusCode(), 1, Integer::sum);
		// Spring answers 503, or 500 when the cancelled task's InterruptedException wins
		// the race with the timeout (more often on a loaded machine); either way the
		// request is recorded once with the status the client got.
		assertThat(answered.keySet()).isSubsetOf(503, 500);
		Scrape scrape = this.app.scrape();
		answered.forEach((status, times) -> {
			scrape.assertValue("spring_http_request_total{method=\"GET\",status=\"" + status + "\"}")
				.isEqualTo(times + ".0");
			String series = "spring_http_request_duration_seconds_bucket{method=\"GET\",status=\"" + status
					+ "\",url_rule=\"/async/timeout\",le=\"%s\"}";
			scrape.assertValue(series.formatted("0.1")).isEqualTo("0");
			scrape.assertValue(series.formatted("+Inf")).isEqualTo(String.valueOf(times));
		});
		assertThat(scrape.samples("spring_http_request_total")).hasSize(answered.size());
	}

	@Test
	void asynchronousRequestToAnExcludedPathIsAnsweredAndNotRecorded() {
		try (RunningApp excluding = RunningApp.start("prometheus.web.jvm-metrics=false",
				"prometheus.web.excluded-paths=/async")) {
			assertThat(excluding.get("/async/deferred").body()).isEqualTo("deferred");
			assertThat(excluding.get("/async/no-body").statusCode()).isEqualTo(202);
			assertThat(excluding.get("/async/callable-boom").statusCode()).isEqualTo(500);
			excluding.get(1, "/test", 200);
			Scrape scrape = excluding.scrape();
			assertThat(scrape.samples("spring_http_request_total")).singleElement()
				.isEqualTo("spring_http_request_total{method=\"GET\",status=\"200\"} 1.0");
		}
	}

	@Test
	void serverSentEventsAndStreamingBodiesAreRecordedOnceWhenTheyEnd() {
		assertThat(this.app.get("/async/sse").body()).contains("data:event 1", "data:event 3");
		assertThat(this.app.get("/async/stream").body()).isEqualTo("chunk 0\nchunk 1\nchunk 2\nchunk 3\n");
		Scrape scrape = this.app.scrape();
		scrape.assertValue("spring_http_request_total{method=\"GET\",status=\"200\"}").isEqualTo("2.0");
		for (String route : List.of("/async/sse", "/async/stream")) {
			String series = "spring_http_request_duration_seconds_bucket{method=\"GET\",status=\"200\",url_rule=\""
					+ route + "\",le=\"%s\"}";
			scrape.assertValue(series.formatted("0.1")).as(route).isEqualTo("0");
			scrape.assertValue(series.formatted("+Inf")).as(route).isEqualTo("1");
		}
	}

}
