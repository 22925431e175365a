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

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import io.github.prometheusweb.server.RawConnection.Response;
import io.github.prometheusweb.testapp.RunningApp;
import io.github.prometheusweb.testapp.Scrape;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The separate metrics port holds under connections that send nothing, send their request
 * head slowly, or come all at once: a scrape by another client still answers, the server
 * keeps a bounded number of connections and threads, and the application's own port is
 * not affected. The same slow clients on the application's port run no code of
 * prometheus-web at all.
 *
 * @author prometheus-web authors
 */
class SeparatePortUnderLoadIntegrationTests {

	private static final int ATTACKERS = 500;

	/**
	 * Long enough only to fail on a hang, never on a slow machine.
	 */
	private static final Duration HANG = Duration.ofSeconds(40);

	private static final String SCRAPE_TOTAL = "spring_http_request_total{method=\"GET\",status=\"200\"}";

	@Test
	void connectionsThatSendNothingNeitherDelayAScrapeNorStayOpen() throws IOException {
		try (RunningApp app = startWithSeparatePort()) {
			int port = port(app);
			app.get(1, "/items/1", 200);
			assertScrapeAnswersWithinOneSecond(port);
			int threadsBefore = jvmThreads();
			List<RawConnection> idle = RawConnection.openMany(ATTACKERS, port);
			try {
				assertScrapeAnswersWithinOneSecond(port);
				// It holds at most 256 connections that have not sent a whole request:
				// the newest push the oldest out.
				assertThat(closedByServer(idle)).isGreaterThanOrEqualTo(ATTACKERS - 256);
				assertThat(app.get("/items/2").statusCode()).isEqualTo(200);
				assertThat(serverThreads()).isLessThanOrEqualTo(3);
				assertThat(jvmThreads()).isLessThan(threadsBefore + 20);
				await().atMost(HANG).until(() -> closedByServer(idle) == ATTACKERS);
				assertScrapeAnswersWithinOneSecond(port);
			}
			finally {
				idle.forEach(RawConnection::close);
			}
		}
	}

	@Test
	void connectionsThatSendTheirHeadOneByteASecondNeitherDelayAScrapeNorStayOpen() throws IOException {
		try (RunningApp app = startWithSeparatePort()) {
			int port = port(app);
			app.get(1, "/items/1", 200);
			assertScrapeAnswersWithinOneSecond(port);
			int threadsBefore = jvmThreads();
			String head = "GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + "a".repeat(100);
			List<RawConnection> slow = RawConnection.openMany(ATTACKERS, port);
			try {
				AtomicInteger second = new AtomicInteger();
				slow.forEach((connection) -> connection.send(head.substring(0, 1)));
				await().atMost(HANG).pollDelay(Duration.ofSeconds(1)).pollInterval(Duration.ofSeconds(1)).until(() -> {
					int sent = second.incrementAndGet();
					slow.forEach((connection) -> connection.send(head.substring(sent, sent + 1)));
					if (sent == 2 || sent == 5) {
						assertScrapeAnswersWithinOneSecond(port);
						assertThat(app.get("/items/2").statusCode()).isEqualTo(200);
						assertThat(serverThreads()).isLessThanOrEqualTo(3);
						assertThat(jvmThreads()).isLessThan(threadsBefore + 20);
					}
					return closedByServer(slow) == ATTACKERS;
				});
				assertThat(second.get()).as("seconds of slow sending").isGreaterThanOrEqualTo(5);
				assertScrapeAnswersWithinOneSecond(port);
			}
			finally {
				slow.forEach(RawConnection::close);
			}
		}
	}

	@Test
	void manyScrapesAtOnceEachAnswer200OrAQuick503() throws IOException, InterruptedException {
		try (RunningApp app = startWithSeparatePort()) {
			int port = port(app);
			app.get(1, "/items/1", 200);
			CountDownLatch release = new CountDownLatch(1);
			AtomicInteger collecting = new AtomicInteger();
			app.context().getBean(PrometheusRegistry.class).register(() -> {
				collecting.incrementAndGet();
				try {
					release.await(HANG.toSeconds(), TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				collecting.decrementAndGet();
				return GaugeSnapshot.builder()
					.name("held_scrape")
					.dataPoint(GaugeDataPointSnapshot.builder().value(1).build())
					.build();
			});
			List<RawConnection> clients = RawConnection.openMany(200, port);
			try {
				clients.forEach((client) -> client.sendGet("/metrics"));
				// Two scrapes are answered at once and sixteen wait; the others are told
				// to come back later, now, while those eighteen are still held.
				await().atMost(HANG).until(() -> answered(clients) == 200 - 18);
				assertThat(clients.stream().filter(RawConnection::poll).map(RawConnection::status)).containsOnly(503);
				assertThat(collecting).hasValue(2);
				assertThat(serverThreads()).isLessThanOrEqualTo(3);
				assertThat(app.get("/untracked").statusCode()).isEqualTo(200);
				release.countDown();
				await().atMost(HANG).until(() -> answered(clients) == 200);
				assertThat(clients.stream().filter((client) -> client.status() == 200)).hasSize(18)
					.allSatisfy((client) -> {
						Scrape scrape = new Scrape(client.body());
						scrape.assertValue(SCRAPE_TOTAL).isEqualTo("1.0");
						scrape.assertValue("held_scrape").isEqualTo("1.0");
					});
				assertThat(clients.stream().filter((client) -> client.status() == 503)).hasSize(200 - 18);
			}
			finally {
				release.countDown();
				clients.forEach(RawConnection::close);
			}
		}
	}

	@Test
	void slowClientsOfTheApplicationPortRunNoCodeOfPrometheusWeb() throws IOException {
		try (RunningApp app = RunningApp.start("prometheus.web.jvm-metrics=false")) {
			int port = Integer.parseInt(app.url("").substring(app.url("").lastIndexOf(':') + 1));
			app.get(1, "/items/1", 200);
			List<RawConnection> slow = RawConnection.openMany(ATTACKERS, port);
			try {
				slow.forEach((connection) -> connection.send("GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: a"));
				slow.forEach((connection) -> connection.send("a"));
				// Until a request head is complete, the container alone holds the
				// connection, as for any other path: no thread stays in prometheus-web.
				await().atMost(HANG).until(() -> threadsInPrometheusWeb().isEmpty());
				Response scrape = RawConnection.get(port, "/metrics", HANG);
				assertThat(scrape.status()).isEqualTo(200);
				new Scrape(scrape.body()).assertValue(SCRAPE_TOTAL).isEqualTo("1.0");
				assertThat(app.get("/items/2").statusCode()).isEqualTo(200);
				await().atMost(HANG).until(() -> threadsInPrometheusWeb().isEmpty());
			}
			finally {
				slow.forEach(RawConnection::close);
			}
		}
	}

	private static RunningApp startWithSeparatePort() {
		return RunningApp.start("prometheus.web.server.port=0", "prometheus.web.server.address=127.0.0.1",
				"prometheus.web.jvm-metrics=false");
	}

	static int port(RunningApp app) {
		return app.context().getBean(MetricsServer.class).getPort();
	}

	private static void assertScrapeAnswersWithinOneSecond(int port) throws IOException {
		long start = System.nanoTime();
		Response response = RawConnection.get(port, "/metrics", Duration.ofSeconds(1));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThanOrEqualTo(Duration.ofSeconds(1));
		assertThat(response.status()).isEqualTo(200);
		assertThat(new Scrape(response.body()).value(SCRAPE_TOTAL)).isNotNull();
	}

	private static long closedByServer(List<RawConnection> connections) {
		return connections.stream().filter(RawConnection::poll).count();
	}

	private static long answered(List<RawConnection> clients) {
		return clients.stream().filter(RawConnection::poll).count();
	}

	/**
	 * The threads of the separate metrics server.
	 * @return how many there are
	 */
	static long serverThreads() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.getName().startsWith("prometheus-web-metrics"))
			.count();
	}

	static int jvmThreads() {
		return ManagementFactory.getThreadMXBean().getThreadCount();
	}

	/**
	 * The threads, other than those of the tests, that run code of prometheus-web.
	 * @return their names
	 */
	static List<String> threadsInPrometheusWeb() {
		return Thread.getAllStackTraces()
			.entrySet()
			.stream()
			.filter((entry) -> Stream.of(entry.getValue())
				.noneMatch((frame) -> frame.getClassName().startsWith("org.junit.")
						|| frame.getClassName().startsWith("org.awaitility.")))
			.filter((entry) -> Stream.of(entry.getValue())
				.anyMatch((frame) -> frame.getClassName().startsWith("io.github.prometheusweb.")))
			.map((entry) -> entry.getKey().getName())
			.toList();
	}

}
