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

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import io.github.prometheusweb.testapp.RawHttp;
import io.github.prometheusweb.testapp.RunningApp;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An application closed under traffic and started again on the same port, as a restart or
 * a refresh of the application would do: no client ever gets an error from prometheus-web
 * (a request either gets its answer or finds no server), the closed context's registry
 * holds no metric any more, the new context counts exactly the requests it answered, and
 * prometheus-web logs nothing.
 */
@ExtendWith(OutputCaptureExtension.class)
class ApplicationRestartIntegrationTests {

	private static final List<String> PATHS = List.of("/items/1", "/items/2", "/sleep/30", "/async/deferred",
			"/async/future");

	private static final int CLIENTS = 4;

	private static final Duration LIMIT = Duration.ofSeconds(90);

	@Test
	void closingAndStartingTheApplicationUnderTrafficFailsNoRequest(CapturedOutput output) throws Exception {
		RunningApp first = RunningApp.start("server.server-header=first");
		int port = port(first);
		PrometheusRegistry firstRegistry = first.context().getBean(PrometheusRegistry.class);
		Traffic traffic = new Traffic(port);
		RunningApp second = null;
		try {
			traffic.start();
			await().atMost(LIMIT).until(() -> traffic.answeredBy("first") >= 200);
			first.close();
			assertThat(firstRegistry.scrape().size()).as("metrics left in the closed context's registry").isZero();
			second = RunningApp.start("server.port=" + port, "server.server-header=second");
			await().atMost(LIMIT).until(() -> traffic.answeredBy("second") >= 200);
		}
		finally {
			traffic.stop();
		}
		try {
			assertThat(traffic.answers()).as("statuses by server").containsOnlyKeys("first 200", "second 200");
			second.scrape()
				.assertValue("spring_http_request_total{method=\"GET\",status=\"200\"}")
				.isEqualTo(traffic.answeredBy("second") + ".0");
			assertThat(firstRegistry.scrape().size()).as("metrics recorded into the closed context's registry")
				.isZero();
		}
		finally {
			second.close();
		}
		String log = output.getOut() + output.getErr();
		assertThat(log.lines().filter((line) -> line.contains("i.g.p.") || line.contains("io.github.prometheusweb")))
			.as("lines of prometheus-web in the log")
			.isEmpty();
	}

	private static int port(RunningApp app) {
		String url = app.url("");
		return Integer.parseInt(url.substring(url.lastIndexOf(':') + 1));
	}

	/**
	 * Clients that send requests one at a time over new connections, each counting the
	 * answers by the {@code Server} header and status, until stopped.
	 */
	static final class Traffic {

		private final int port;

		private final AtomicBoolean stopped = new AtomicBoolean();

		private final Map<String, LongAdder> answers = new ConcurrentHashMap<>();

		private final AtomicInteger refused = new AtomicInteger();

		private final ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);

		private final List<Future<?>> running = new ArrayList<>();

		Traffic(int port) {
			this.port = port;
		}

		void start() {
			long deadline = System.nanoTime() + LIMIT.toNanos() * 2;
			for (int c = 0; c < CLIENTS; c++) {
				int client = c;
				this.running.add(this.clients.submit(() -> {
					for (int i = 0; !this.stopped.get() && i < 50_000 && System.nanoTime() < deadline; i++) {
						String path = PATHS.get((client + i) % PATHS.size());
						RawHttp.Response response = RawHttp.send(this.port, "GET", path, List.of());
						if (response.status() < 0) {
							this.refused.incrementAndGet();
							Thread.sleep(5);
						}
						else {
							this.answers
								.computeIfAbsent(response.header("Server") + " " + response.status(),
										(key) -> new LongAdder())
								.increment();
						}
					}
					return null;
				}));
			}
		}

		long answeredBy(String server) {
			LongAdder count = this.answers.get(server + " 200");
			return (count != null) ? count.sum() : 0;
		}

		Map<String, Long> answers() {
			Map<String, Long> snapshot = new java.util.TreeMap<>();
			this.answers.forEach((key, count) -> snapshot.put(key, count.sum()));
			return snapshot;
		}

		void stop() throws Exception {
			this.stopped.set(true);
			for (Future<?> client : this.running) {
				client.get(LIMIT.toSeconds(), TimeUnit.SECONDS);
			}
			this.clients.shutdownNow();
		}

	}

}
