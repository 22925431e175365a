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
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import io.github.prometheusweb.testapp.RunningApp;
import io.github.prometheusweb.testapp.Scrape;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Memory stays bounded under a path-scanning attack: random paths with random methods.
 * The number of series, which is what the registry and the data-point cache of the
 * starter keep, stays within the cardinality limit whatever the number of requests.
 */
class PathFloodIntegrationTests {

	private static final int REQUESTS = 2_000;

	private static final int LIMIT = 50;

	private static final int CLIENTS = 8;

	/**
	 * Without a limit of requests per connection, the client never sends a request on a
	 * connection the server is closing, so every request sent is answered. Tomcat's
	 * default limit is 100; Jetty has none, and ignores this property.
	 */
	private static final String KEEP_CONNECTIONS_OPEN = "server.tomcat.max-keep-alive-requests=-1";

	private static final String[] METHODS = { "GET", "POST", "PUT", "DELETE", "PATCH", "FOO", "SCAN", "PROPFIND" };

	@Test
	void groupByPathIsBoundedByTheCardinalityLimit() throws Exception {
		try (RunningApp app = RunningApp.start("prometheus.web.group-by=path", "prometheus.web.jvm-metrics=false",
				"prometheus.web.cardinality-limit=" + LIMIT, "spring.web.resources.add-mappings=false",
				KEEP_CONNECTIONS_OPEN)) {
			flood(app);
			Scrape scrape = app.scrape();
			List<String> series = scrape.samples("spring_http_request_duration_seconds_count");
			// LIMIT distinct paths, each with the methods and statuses of its first
			// requests, and __overflow__ with every method label (6) and status (2).
			assertThat(series).hasSizeLessThanOrEqualTo(LIMIT + 6 * 2 * 2);
			assertThat(scrape.lines().stream().filter((line) -> !line.startsWith("#"))).as("every sample of the scrape")
				.hasSizeLessThanOrEqualTo((LIMIT + 6 * 2 * 2) * 17 + 6 * 2 + 2);
			assertThat(series.stream().filter((line) -> line.contains("path=\"__overflow__\""))).isNotEmpty();
			long recorded = series.stream()
				.mapToLong((line) -> Long.parseLong(line.substring(line.lastIndexOf(' ') + 1)))
				.sum();
			assertThat(recorded).isEqualTo(REQUESTS);
			long overflowed = series.stream()
				.filter((line) -> line.contains("path=\"__overflow__\""))
				.mapToLong((line) -> Long.parseLong(line.substring(line.lastIndexOf(' ') + 1)))
				.sum();
			scrape.assertValue(
					"spring_exporter_label_overflow_total{label=\"path\",metric=\"spring_http_request_duration_seconds\"}")
				.isEqualTo(overflowed + ".0");
		}
	}

	@Test
	void groupByRouteTemplateIsUnaffectedByTheSameFlood() throws Exception {
		try (RunningApp app = RunningApp.start("prometheus.web.jvm-metrics=false",
				"spring.web.resources.add-mappings=false", KEEP_CONNECTIONS_OPEN)) {
			flood(app);
			Scrape scrape = app.scrape();
			List<String> series = scrape.samples("spring_http_request_duration_seconds_count");
			assertThat(series).allMatch((line) -> line.contains("url_rule=\"none\""));
			assertThat(series).hasSizeLessThanOrEqualTo(6 * 2);
			scrape.assertValue(
					"spring_exporter_label_overflow_total{label=\"url_rule\",metric=\"spring_http_request_duration_seconds\"}")
				.isEqualTo("0.0");
		}
	}

	private static void flood(RunningApp app) throws Exception {
		ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (int client = 0; client < CLIENTS; client++) {
				done.add(clients.submit(() -> {
					ThreadLocalRandom random = ThreadLocalRandom.current();
					for (int i = 0; i < REQUESTS / CLIENTS; i++) {
						String path = "/scan/" + Long.toHexString(random.nextLong()) + "/" + random.nextInt(1000);
						int status = app.send(METHODS[random.nextInt(METHODS.length)], path).statusCode();
						assertThat(status).isIn(404, 405);
					}
				}));
			}
			for (Future<?> future : done) {
				future.get(10, TimeUnit.MINUTES);
			}
		}
		finally {
			clients.shutdownNow();
		}
	}

}
