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
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.prometheusweb.endpoint.ScrapeGuard;
import io.github.prometheusweb.endpoint.ScrapeGuard.Rejection;
import io.prometheus.metrics.exporter.common.PrometheusScrapeHandler;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.SmartLifecycle;

/**
 * A separate HTTP server that serves only the metrics, on its own port
 * ({@code prometheus.web.server.port}): the counterpart of the Flask exporter's
 * {@code start_http_server}. It runs on the JDK's {@link HttpServer} with a small bounded
 * thread pool, answers the metrics path with client_java's
 * {@link PrometheusScrapeHandler} (the same formats as the endpoint of the application)
 * and every other path with 404. It starts with the application context and stops when
 * the context closes.
 *
 * @author prometheus-web authors
 */
public class MetricsServer implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(MetricsServer.class);

	private static final int THREADS = 2;

	private static final int QUEUED = 16;

	private final String address;

	private final int port;

	private final String path;

	private final PrometheusScrapeHandler scrapeHandler;

	private final ScrapeGuard guard;

	private volatile HttpServer server;

	private volatile ExecutorService executor;

	/**
	 * Creates the server, not yet started.
	 * @param address the address to listen on
	 * @param port the port to listen on, 0 for any free port
	 * @param path the path of the metrics, for example {@code /metrics}
	 * @param scrapeHandler the handler that writes the scrape
	 * @param guard what a scrape must pass first: the same as on the application's port
	 */
	public MetricsServer(String address, int port, String path, PrometheusScrapeHandler scrapeHandler,
			ScrapeGuard guard) {
		this.address = address;
		this.port = port;
		this.path = path;
		this.scrapeHandler = scrapeHandler;
		this.guard = guard;
	}

	@Override
	public synchronized void start() {
		if (this.server != null) {
			return;
		}
		InetSocketAddress socketAddress = new InetSocketAddress(inetAddress(), this.port);
		HttpServer httpServer;
		try {
			httpServer = HttpServer.create(socketAddress, 0);
		}
		catch (BindException ex) {
			throw new IllegalStateException("prometheus.web.server.port " + this.port + " is already in use on "
					+ this.address + ", so the separate metrics server cannot start: stop the process that holds "
					+ "the port or choose another prometheus.web.server.port", ex);
		}
		catch (IOException ex) {
			throw new IllegalStateException("The separate metrics server cannot listen on " + this.address + ":"
					+ this.port + " (prometheus.web.server.address, prometheus.web.server.port): " + ex.getMessage(),
					ex);
		}
		ExecutorService pool = new ThreadPoolExecutor(THREADS, THREADS, 60, TimeUnit.SECONDS,
				new ArrayBlockingQueue<>(QUEUED), new MetricsThreadFactory(),
				// When full, the accepting thread answers: no unbounded backlog.
				new ThreadPoolExecutor.CallerRunsPolicy());
		httpServer.setExecutor(pool);
		httpServer.createContext("/", this::handle);
		httpServer.start();
		this.executor = pool;
		this.server = httpServer;
		logger.info("Serving metrics on http://" + this.address + ":" + getPort() + this.path);
	}

	private InetAddress inetAddress() {
		try {
			return InetAddress.getByName(this.address);
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(
					"prometheus.web.server.address '" + this.address + "' is not a known host name or IP address", ex);
		}
	}

	@Override
	public synchronized void stop() {
		HttpServer httpServer = this.server;
		if (httpServer == null) {
			return;
		}
		this.server = null;
		httpServer.stop(0);
		this.executor.shutdownNow();
		this.executor = null;
	}

	@Override
	public boolean isRunning() {
		return this.server != null;
	}

	/**
	 * The port the server listens on.
	 * @return the port, the one chosen by the system when configured as 0
	 * @throws IllegalStateException if the server is not running
	 */
	public int getPort() {
		HttpServer httpServer = this.server;
		if (httpServer == null) {
			throw new IllegalStateException("The separate metrics server is not running");
		}
		return httpServer.getAddress().getPort();
	}

	private void handle(HttpExchange exchange) throws IOException {
		HttpServerScrapeExchange scrape = new HttpServerScrapeExchange(exchange);
		try {
			if (!this.path.equals(exchange.getRequestURI().getPath())) {
				sendText(exchange, 404, "Not Found\n");
				return;
			}
			if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
				exchange.getResponseHeaders().set("Allow", "GET, HEAD");
				sendText(exchange, 405, "Method Not Allowed\n");
				return;
			}
			Rejection rejection = this.guard.check(exchange.getRequestHeaders().getFirst("Authorization"),
					exchange.getRequestURI().getRawQuery());
			if (rejection != null) {
				if (rejection.challenge() != null) {
					exchange.getResponseHeaders().set("WWW-Authenticate", rejection.challenge());
				}
				sendText(exchange, rejection.status(), rejection.body());
				return;
			}
			this.scrapeHandler.handleRequest(scrape);
		}
		catch (IOException | RuntimeException ex) {
			logger.warn("Failed to answer a scrape of the separate metrics server", ex);
			if (!scrape.isHeadersSent()) {
				sendText(exchange, 500, "Internal Server Error\n");
			}
		}
		finally {
			exchange.close();
		}
	}

	private static void sendText(HttpExchange exchange, int status, String text) throws IOException {
		byte[] body = text.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
		if ("HEAD".equals(exchange.getRequestMethod())) {
			exchange.sendResponseHeaders(status, -1);
			return;
		}
		exchange.sendResponseHeaders(status, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	/**
	 * Names the server's threads and makes them daemons.
	 */
	private static final class MetricsThreadFactory implements ThreadFactory {

		private final AtomicInteger count = new AtomicInteger();

		@Override
		public Thread newThread(Runnable runnable) {
			Thread thread = new Thread(runnable, "prometheus-web-metrics-" + this.count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		}

	}

}
