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
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.prometheusweb.endpoint.ScrapeAuthentication;
import io.github.prometheusweb.endpoint.ScrapeGuard;
import io.github.prometheusweb.server.RawConnection.Response;
import io.github.prometheusweb.testapp.RunningApp;
import io.github.prometheusweb.testapp.Scrape;
import io.prometheus.metrics.exporter.common.PrometheusScrapeHandler;
import io.prometheus.metrics.model.registry.Collector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Faults while scraping a large registry (50,000 series), on the separate metrics port
 * and on the application's port: a client that leaves in the middle of the response, a
 * client that stops reading it, and several clients at once.
 *
 * @author prometheus-web authors
 */
class ScrapeFaultsIntegrationTests {

	private static final int SERIES = 50_000;

	/**
	 * Pads each series of the large response to more than the 4 MB a loopback socket may
	 * buffer, so that the server is still writing when the client leaves.
	 */
	private static final String LONG_PAD = "p".repeat(200);

	private static final String SHORT_PAD = "p".repeat(40);

	/**
	 * Long enough only to fail on a hang, never on a slow machine.
	 */
	private static final Duration HANG = Duration.ofSeconds(60);

	@Test
	void clientLeavingInTheMiddleOfALargeScrapeReleasesTheServerThread() throws IOException {
		try (RunningApp app = startWithSeparatePort()) {
			LargeRegistry registry = new LargeRegistry(app, LONG_PAD);
			int threadsBefore = SeparatePortUnderLoadIntegrationTests.jvmThreads();
			for (int port : List.of(SeparatePortUnderLoadIntegrationTests.port(app), appPort(app))) {
				for (int i = 0; i < 3; i++) {
					try (RawConnection client = RawConnection.open(port, 4096)) {
						client.sendGet("/metrics");
						await().atMost(HANG).until(() -> {
							client.poll();
							return client.received() > 16 * 1024;
						});
						// The client leaves in the middle of the response: it has the
						// head and some of the body, and not more than its window.
						// (Whether
						// a server thread is still in the scrape handler at that moment
						// depends on how much the server has buffered: not asserted.)
						assertThat(client.status()).isEqualTo(200);
						client.reset();
					}
					await().atMost(HANG).until(() -> threadsInScrape() == 0);
				}
				registry.assertEverySeries(RawConnection.get(port, "/metrics", HANG));
			}
			assertThat(SeparatePortUnderLoadIntegrationTests.serverThreads()).isLessThanOrEqualTo(3);
			assertThat(SeparatePortUnderLoadIntegrationTests.jvmThreads()).isLessThan(threadsBefore + 20);
		}
	}

	@Test
	void eightClientsScrapingALargeRegistryAtOnceEachGetEverySeries() throws Exception {
		try (RunningApp app = startWithSeparatePort()) {
			LargeRegistry registry = new LargeRegistry(app, SHORT_PAD);
			ExecutorService clients = Executors.newFixedThreadPool(8);
			try {
				for (int port : List.of(SeparatePortUnderLoadIntegrationTests.port(app), appPort(app))) {
					registry.mostAtOnce.set(0);
					List<Future<Response>> answers = new ArrayList<>();
					for (int i = 0; i < 8; i++) {
						answers.add(clients.submit(() -> RawConnection.get(port, "/metrics", HANG)));
					}
					for (Future<Response> answer : answers) {
						registry.assertEverySeries(answer.get());
					}
					if (port == SeparatePortUnderLoadIntegrationTests.port(app)) {
						// The separate port builds at most two responses at a time.
						assertThat(registry.mostAtOnce.get()).isBetween(1, 2);
						assertThat(SeparatePortUnderLoadIntegrationTests.serverThreads()).isLessThanOrEqualTo(3);
					}
				}
			}
			finally {
				clients.shutdownNow();
			}
		}
	}

	@Test
	void clientThatStopsReadingIsCutOffAfterTheResponseTimeout() throws IOException {
		PrometheusRegistry registry = new PrometheusRegistry();
		new LargeRegistry(registry, LONG_PAD);
		registry.register(() -> GaugeSnapshot.builder()
			.name("small")
			.dataPoint(GaugeDataPointSnapshot.builder().value(1).build())
			.build());
		MetricsServer server = new MetricsServer("127.0.0.1", 0, "/metrics", new PrometheusScrapeHandler(registry),
				new ScrapeGuard(ScrapeAuthentication.of(null, null)),
				new ServerLimits(2, 16, 256, 8192, Duration.ofSeconds(10), Duration.ofSeconds(2)));
		server.start();
		List<RawConnection> stuck = new ArrayList<>();
		try {
			for (int i = 0; i < 2; i++) {
				RawConnection client = RawConnection.open(server.getPort(), 4096);
				stuck.add(client);
				client.sendGet("/metrics");
			}
			// Both threads of the server write to clients that do not read.
			await().atMost(HANG).until(() -> threadsInScrape() == 2);
			// A short scrape waits for one of them, until the two are cut off.
			Response small = RawConnection.get(server.getPort(), "/metrics?name%5B%5D=small", HANG);
			assertThat(small.status()).isEqualTo(200);
			assertThat(new Scrape(small.body()).value("small")).isEqualTo("1.0");
			await().atMost(HANG).until(() -> stuck.stream().allMatch(RawConnection::poll));
			assertThat(threadsInScrape()).isZero();
		}
		finally {
			stuck.forEach(RawConnection::close);
			server.stop();
		}
	}

	private static RunningApp startWithSeparatePort() {
		return RunningApp.start("prometheus.web.server.port=0", "prometheus.web.server.address=127.0.0.1",
				"prometheus.web.jvm-metrics=false");
	}

	private static int appPort(RunningApp app) {
		return app.context().getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

	/**
	 * The threads in the middle of a scrape, on either port.
	 * @return how many there are
	 */
	static long threadsInScrape() {
		return Thread.getAllStackTraces()
			.values()
			.stream()
			.filter((frames) -> List.of(frames)
				.stream()
				.anyMatch((frame) -> frame.getClassName()
					.equals("io.prometheus.metrics.exporter.common.PrometheusScrapeHandler")))
			.count();
	}

	/**
	 * 50,000 series in the registry of the application, and the most scrapes that have
	 * collected them at once.
	 */
	private static final class LargeRegistry implements Collector {

		private final String pad;

		private final MetricSnapshot snapshot;

		private final AtomicInteger collecting = new AtomicInteger();

		private final AtomicInteger mostAtOnce = new AtomicInteger();

		LargeRegistry(RunningApp app, String pad) {
			this(app.context().getBean(PrometheusRegistry.class), pad);
		}

		LargeRegistry(PrometheusRegistry registry, String pad) {
			this.pad = pad;
			GaugeSnapshot.Builder builder = GaugeSnapshot.builder().name("large_series");
			for (int i = 0; i < SERIES; i++) {
				builder.dataPoint(GaugeDataPointSnapshot.builder()
					.labels(Labels.of("i", Integer.toString(i), "pad", pad))
					.value(i)
					.build());
			}
			this.snapshot = builder.build();
			registry.register(this);
		}

		void assertEverySeries(Response response) {
			assertThat(response.status()).isEqualTo(200);
			Set<Integer> seen = new HashSet<>();
			for (String line : response.body().split("\n")) {
				if (line.startsWith("large_series{")) {
					int index = Integer.parseInt(line.substring("large_series{i=\"".length(), line.indexOf("\",")));
					assertThat(line)
						.isEqualTo("large_series{i=\"" + index + "\",pad=\"" + this.pad + "\"} " + index + ".0");
					seen.add(index);
				}
			}
			assertThat(seen).hasSize(SERIES);
			assertThat(seen).allSatisfy((index) -> assertThat(index).isBetween(0, SERIES - 1));
		}

		@Override
		public MetricSnapshot collect() {
			this.mostAtOnce.accumulateAndGet(this.collecting.incrementAndGet(), Math::max);
			try {
				return this.snapshot;
			}
			finally {
				this.collecting.decrementAndGet();
			}
		}

	}

}
