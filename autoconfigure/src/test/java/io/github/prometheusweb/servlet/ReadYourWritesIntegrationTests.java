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

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

import io.github.prometheusweb.annotation.DoNotTrack;
import io.github.prometheusweb.annotation.Label;
import io.github.prometheusweb.annotation.PrometheusCounter;
import io.github.prometheusweb.testapp.RunningApp;
import io.github.prometheusweb.testapp.Scrape;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Read your writes: a client that has read a whole response and then scrapes sees that
 * request counted in every metric it belongs to (the default metrics, an annotation
 * metric of the handler, a metric of {@code prometheus.web.metrics}), from the very first
 * request after startup. Each kind of response runs in a fresh application, with its
 * scrapes sent over a connection of their own, as another client's would be.
 */
class ReadYourWritesIntegrationTests {

	private static final HttpClient requests = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private static final HttpClient scrapes = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	@ParameterizedTest
	@EnumSource(Kind.class)
	void aClientThatHasReadTheResponseSeesItCountedInEveryMetric(Kind kind) throws Exception {
		try (RunningApp app = start()) {
			List<String> misses = new ArrayList<>();
			for (int i = 1; i <= kind.rounds; i++) {
				assertThat(send(requests, app, kind.path).statusCode()).as(kind.path).isEqualTo(kind.status);
				Scrape scrape = new Scrape(send(scrapes, app, "/metrics").body());
				kind.series(i).forEach((series, expected) -> {
					String actual = scrape.value(series);
					if (!expected.equals(actual)) {
						misses.add(series + " was " + actual + ", expected " + expected);
					}
				});
			}
			assertThat(misses).as(kind.name()).isEmpty();
		}
	}

	@RepeatedTest(3)
	void theFirstTrackedRequestAfterStartupIsCountedAfterUntrackedOnes() throws Exception {
		try (RunningApp app = start()) {
			for (int i = 0; i < 3; i++) {
				assertThat(send(requests, app, "/kinds/untracked").statusCode()).isEqualTo(200);
			}
			assertThat(send(requests, app, "/kinds/string").statusCode()).isEqualTo(200);
			Scrape scrape = new Scrape(send(scrapes, app, "/metrics").body());
			scrape.assertValue("spring_http_request_total{method=\"GET\",status=\"200\"}").isEqualTo("1.0");
			scrape.assertValue("kind_calls_total{method=\"GET\",status=\"200\"}").isEqualTo("1.0");
		}
	}

	private static RunningApp start() {
		return RunningApp.start(new Class<?>[] { ResponseKindsController.class }, "prometheus.web.jvm-metrics=false",
				"prometheus.web.metrics[0].name=requests_seen", "prometheus.web.metrics[0].help=Requests seen",
				"prometheus.web.metrics[0].labels.status=#{#response.status}");
	}

	private static HttpResponse<String> send(HttpClient client, RunningApp app, String path)
			throws IOException, InterruptedException {
		return client.send(HttpRequest.newBuilder(URI.create(app.url(path))).timeout(Duration.ofSeconds(30)).build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	/**
	 * The kinds of response, each with its route, its status, whether an annotated
	 * handler answers it, and how many rounds it runs: asynchronous kinds fewer, and the
	 * timeout one, as Tomcat looks for timed-out requests once a second.
	 */
	enum Kind {

		STRING_WITH_CONTENT_LENGTH("/kinds/string", 200, true, 200),

		JSON_WITHOUT_CONTENT_LENGTH("/kinds/json", 200, true, 200),

		EMPTY_BODY("/kinds/empty", 200, true, 200),

		NO_CONTENT("/kinds/no-content", 204, true, 200),

		RESPONSE_ENTITY_404("/kinds/missing", 404, true, 200),

		EXCEPTION_ANSWERED_THROUGH_THE_ERROR_PAGE("/kinds/boom", 500, true, 200),

		STATIC_RESOURCE("/hello.txt", 200, false, 200),

		NO_HANDLER_404("/kinds/no/such/path", 404, false, 200),

		HANDLER_THAT_FLUSHES_ITSELF("/kinds/flushed", 200, true, 200),

		ASYNC_CALLABLE("/kinds/callable", 200, true, 50),

		ASYNC_DEFERRED_RESULT("/kinds/deferred", 200, true, 50),

		ASYNC_COMPLETABLE_FUTURE("/kinds/future", 200, true, 50),

		ASYNC_SERVER_SENT_EVENTS("/kinds/sse", 200, true, 50),

		ASYNC_STREAMING_BODY("/kinds/streaming", 200, true, 50),

		ASYNC_EXCEPTION_ANSWERED_THROUGH_THE_ERROR_PAGE("/kinds/callable-boom", 500, true, 50),

		ASYNC_TIMEOUT("/kinds/timeout", 503, true, 1);

		final String path;

		final int status;

		final boolean annotatedHandler;

		final int rounds;

		Kind(String path, int status, boolean annotatedHandler, int rounds) {
			this.path = path;
			this.status = status;
			this.annotatedHandler = annotatedHandler;
			this.rounds = rounds;
		}

		Map<String, String> series(int count) {
			Map<String, String> series = new LinkedHashMap<>();
			series.put("spring_http_request_total{method=\"GET\",status=\"" + this.status + "\"}", count + ".0");
			series.put("requests_seen_total{status=\"" + this.status + "\"}", count + ".0");
			if (this.annotatedHandler) {
				series.put("kind_calls_total{method=\"GET\",status=\"" + this.status + "\"}", count + ".0");
			}
			if (this == EXCEPTION_ANSWERED_THROUGH_THE_ERROR_PAGE
					|| this == ASYNC_EXCEPTION_ANSWERED_THROUGH_THE_ERROR_PAGE) {
				series.put("spring_http_request_exceptions_total{exception=\"IllegalStateException\",method=\"GET\","
						+ "status=\"500\"}", count + ".0");
			}
			return series;
		}

	}

	@RestController
	static class ResponseKindsController {

		@GetMapping("/kinds/string")
		@KindCall
		public String string() {
			return "a string";
		}

		@GetMapping("/kinds/json")
		@KindCall
		public Map<String, String> json() {
			return Map.of("kind", "json");
		}

		@GetMapping("/kinds/empty")
		@KindCall
		public ResponseEntity<Void> empty() {
			return ResponseEntity.ok().build();
		}

		@GetMapping("/kinds/no-content")
		@KindCall
		public ResponseEntity<Void> noContent() {
			return ResponseEntity.noContent().build();
		}

		@GetMapping("/kinds/missing")
		@KindCall
		public ResponseEntity<String> missing() {
			return ResponseEntity.status(404).body("no such thing");
		}

		@GetMapping("/kinds/boom")
		@KindCall
		public String boom() {
			throw new IllegalStateException("boom");
		}

		@GetMapping("/kinds/flushed")
		@KindCall
		public void flushed(HttpServletResponse response) throws IOException {
			response.setContentType("text/plain");
			response.getWriter().write("flushed by the handler");
			response.flushBuffer();
		}

		@GetMapping("/kinds/callable")
		@KindCall
		public Callable<String> callable() {
			return () -> "callable";
		}

		@GetMapping("/kinds/callable-boom")
		@KindCall
		public Callable<String> callableBoom() {
			return () -> {
				throw new IllegalStateException("boom");
			};
		}

		@GetMapping("/kinds/timeout")
		@KindCall
		public DeferredResult<String> timeout() {
			return new DeferredResult<>(50L);
		}

		@GetMapping("/kinds/deferred")
		@KindCall
		public DeferredResult<String> deferred() {
			DeferredResult<String> result = new DeferredResult<>();
			CompletableFuture.runAsync(() -> result.setResult("deferred"));
			return result;
		}

		@GetMapping("/kinds/future")
		@KindCall
		public CompletableFuture<String> future() {
			return CompletableFuture.supplyAsync(() -> "future");
		}

		@GetMapping("/kinds/sse")
		@KindCall
		public SseEmitter sse() {
			SseEmitter emitter = new SseEmitter();
			CompletableFuture.runAsync(() -> {
				try {
					emitter.send("event");
					emitter.complete();
				}
				catch (IOException ex) {
					emitter.completeWithError(ex);
				}
			});
			return emitter;
		}

		@GetMapping("/kinds/streaming")
		@KindCall
		public StreamingResponseBody streaming() {
			return (out) -> out.write("streamed".getBytes(StandardCharsets.UTF_8));
		}

		@GetMapping("/kinds/untracked")
		@DoNotTrack
		public String untracked() {
			return "untracked";
		}

	}

	/**
	 * The annotation metric of every handler of {@link ResponseKindsController}.
	 */
	@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
	@java.lang.annotation.Target(java.lang.annotation.ElementType.METHOD)
	@PrometheusCounter(name = "kind_calls", help = "Calls of the handler",
			labels = { @Label(name = "method", value = "#{#request.method}"),
					@Label(name = "status", value = "#{#response.status}") })
	@interface KindCall {

	}

}
