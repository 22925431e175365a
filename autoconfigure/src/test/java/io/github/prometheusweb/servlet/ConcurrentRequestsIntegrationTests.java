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

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.github.prometheusweb.testapp.RunningApp;
import io.github.prometheusweb.testapp.Scrape;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Counts are exact under concurrency: N requests give exactly N.
 */
class ConcurrentRequestsIntegrationTests {

	private static final int THREADS = 8;

	private static final int REQUESTS_PER_THREAD = 200;

	@Test
	void everyCounterAndHistogramCountMatchesTheRequestsSent() throws Exception {
		try (RunningApp app = RunningApp.start()) {
			ExecutorService clients = Executors.newFixedThreadPool(THREADS);
			try {
				List<Future<?>> done = new ArrayList<>();
				for (int thread = 0; thread < THREADS; thread++) {
					done.add(clients.submit(() -> {
						for (int i = 0; i < REQUESTS_PER_THREAD; i++) {
							switch (i % 4) {
								case 0 -> app.get(1, "/test", 200);
								case 1 -> app.get(1, "/items/" + (i % 10), 200);
								case 2 -> app.get(1, "/status/404", 404);
								default ->
									app.get(1, (i % 100 == 3) ? "/boom" : "/status/503", (i % 100 == 3) ? 500 : 503);
							}
						}
					}));
				}
				for (Future<?> future : done) {
					future.get(5, TimeUnit.MINUTES);
				}
			}
			finally {
				clients.shutdownNow();
			}
			int perKind = THREADS * REQUESTS_PER_THREAD / 4;
			int booms = THREADS * (REQUESTS_PER_THREAD / 100);
			Scrape scrape = app.scrape();
			scrape.assertValue("spring_http_request_total{method=\"GET\",status=\"200\"}")
				.isEqualTo(perKind * 2 + ".0");
			scrape.assertValue("spring_http_request_total{method=\"GET\",status=\"404\"}").isEqualTo(perKind + ".0");
			scrape.assertValue("spring_http_request_total{method=\"GET\",status=\"503\"}")
				.isEqualTo((perKind - booms) + ".0");
			scrape.assertValue("spring_http_request_total{method=\"GET\",status=\"500\"}").isEqualTo(booms + ".0");
			scrape.assertValue(
					"spring_http_request_exceptions_total{exception=\"BoomException\",method=\"GET\",status=\"500\"}")
				.isEqualTo(booms + ".0");
			assertCount(scrape, "method=\"GET\",status=\"200\",url_rule=\"/test\"", perKind);
			assertCount(scrape, "method=\"GET\",status=\"200\",url_rule=\"/items/{id}\"", perKind);
			assertCount(scrape, "method=\"GET\",status=\"404\",url_rule=\"/status/{code}\"", perKind);
			assertCount(scrape, "method=\"GET\",status=\"503\",url_rule=\"/status/{code}\"", perKind - booms);
			assertCount(scrape, "method=\"GET\",status=\"500\",url_rule=\"/boom\"", booms);
			long infBuckets = scrape.samples("spring_http_request_duration_seconds_bucket")
				.stream()
				.filter((line) -> line.contains("le=\"+Inf\""))
				.mapToLong((line) -> Long.parseLong(line.substring(line.lastIndexOf(' ') + 1)))
				.sum();
			assertThat(infBuckets).isEqualTo((long) THREADS * REQUESTS_PER_THREAD);
		}
	}

	private static void assertCount(Scrape scrape, String labels, int expected) {
		scrape.assertValue("spring_http_request_duration_seconds_count{" + labels + "}")
			.isEqualTo(String.valueOf(expected));
		scrape.assertValue("spring_http_request_duration_seconds_bucket{" + labels + ",le=\"+Inf\"}")
			.isEqualTo(String.valueOf(expected));
	}

}
