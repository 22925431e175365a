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
package io.github.prometheusweb.sample;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * Sends a steady mix of requests to the application's own routes through the loopback
 * address and the port the server actually listens on, so that a fresh run shows live
 * metrics. It starts when the web server is up and stops when the context closes.
 *
 * @author prometheus-web authors
 */
public class TrafficGenerator implements DisposableBean {

	private static final Log logger = LogFactory.getLog(TrafficGenerator.class);

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

	private final TrafficProperties properties;

	private final TrafficMix mix;

	private volatile ScheduledExecutorService scheduler;

	public TrafficGenerator(TrafficProperties properties, TrafficMix mix) {
		this.properties = properties;
		this.mix = mix;
	}

	/**
	 * Starts sending once the main web server listens.
	 * @param event the event that gives the port
	 */
	@EventListener
	public synchronized void start(WebServerInitializedEvent event) {
		if (event.getApplicationContext().getServerNamespace() != null || this.scheduler != null) {
			return;
		}
		int port = event.getWebServer().getPort();
		RestClient client = restClient(port);
		ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(this.properties.getConcurrency(),
				new SenderThreads());
		long pauseMillis = this.properties.getPause().toMillis();
		for (int i = 0; i < this.properties.getConcurrency(); i++) {
			scheduler.scheduleWithFixedDelay(() -> sendOne(client), pauseMillis * i, pauseMillis,
					TimeUnit.MILLISECONDS);
		}
		this.scheduler = scheduler;
		logger.info("Sending demo traffic to http://127.0.0.1:" + port + " from " + this.properties.getConcurrency()
				+ " threads");
	}

	/**
	 * Stops sending when the context starts closing, before the web server stops.
	 */
	@EventListener(ContextClosedEvent.class)
	public void stopOnClose() {
		stop();
	}

	@Override
	public void destroy() {
		stop();
	}

	/**
	 * Whether requests are being sent.
	 * @return {@code true} between start and stop
	 */
	public boolean isRunning() {
		ScheduledExecutorService scheduler = this.scheduler;
		return scheduler != null && !scheduler.isShutdown();
	}

	private synchronized void stop() {
		ScheduledExecutorService scheduler = this.scheduler;
		if (scheduler == null || scheduler.isShutdown()) {
			return;
		}
		scheduler.shutdownNow();
		try {
			if (!scheduler.awaitTermination(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
				logger.warn("Demo traffic threads did not stop within " + STOP_TIMEOUT);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void sendOne(RestClient client) {
		String path = this.mix.next(ThreadLocalRandom.current());
		try {
			client.get().uri(path).retrieve().toBodilessEntity();
		}
		catch (RuntimeException ex) {
			// Keep the schedule alive: a failed request must not cancel the sender.
			logger.debug("Demo request to " + path + " failed", ex);
		}
	}

	private static RestClient restClient(int port) {
		SimpleClientHttpRequestFactory requestFactory = new SimpleClientHttpRequestFactory();
		requestFactory.setConnectTimeout(Duration.ofSeconds(1));
		requestFactory.setReadTimeout(Duration.ofSeconds(5));
		return RestClient.builder()
			.baseUrl("http://127.0.0.1:" + port)
			.requestFactory(requestFactory)
			.defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
			})
			.build();
	}

	private static final class SenderThreads implements ThreadFactory {

		private final AtomicInteger count = new AtomicInteger();

		@Override
		public Thread newThread(Runnable task) {
			Thread thread = new Thread(task, "sample-traffic-" + this.count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		}

	}

}
