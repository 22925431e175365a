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
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.channels.ServerSocketChannel;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.prometheusweb.endpoint.ScrapeGuard;
import io.prometheus.metrics.exporter.common.PrometheusScrapeHandler;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.SmartLifecycle;

/**
 * A separate HTTP server that serves only the metrics, on its own port
 * ({@code prometheus.web.server.port}): the counterpart of the Flask exporter's
 * {@code start_http_server}. It answers the metrics path with client_java's
 * {@link PrometheusScrapeHandler} (the same formats as the endpoint of the application)
 * and every other path with 404. It starts with the application context and stops when
 * the context closes.
 * <p>
 * It is a small HTTP/1.1 server of its own, on the JDK's non-blocking sockets, built to
 * stay available whatever its clients do, with bounds of its own rather than JVM-wide
 * settings, and the same on every servlet container:
 * <ul>
 * <li>one thread reads every request head without blocking, so clients that send nothing
 * or send slowly hold no thread; each has 10 seconds from its accept to send its whole
 * head (at most 8 KB, else 431), and when 256 are still sending, a new connection closes
 * the one that has been sending for longest;</li>
 * <li>two threads answer complete requests and sixteen more may wait; a request beyond
 * those is answered 503 at once;</li>
 * <li>a response its client has not taken within 30 seconds of the start of the answer is
 * cut off;</li>
 * <li>one request per connection: every response closes its connection
 * ({@code Connection: close}).</li>
 * </ul>
 * The JDK's {@code com.sun.net.httpserver.HttpServer} reads a request head with a
 * blocking read on a thread of its executor, so a few slow clients hold every thread, and
 * its timeouts are system properties of the whole JVM ({@code sun.net.httpserver.*}).
 *
 * @author prometheus-web authors
 */
public class MetricsServer implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(MetricsServer.class);

	/**
	 * Connections the system may hold before the server accepts them.
	 */
	private static final int BACKLOG = 128;

	private final String address;

	private final int port;

	private final String path;

	private final ScrapeRequestHandler handler;

	private final ServerLimits limits;

	private volatile Running running;

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
		this(address, port, path, scrapeHandler, guard, ServerLimits.DEFAULT);
	}

	MetricsServer(String address, int port, String path, PrometheusScrapeHandler scrapeHandler, ScrapeGuard guard,
			ServerLimits limits) {
		this.address = address;
		this.port = port;
		this.path = path;
		this.handler = new ScrapeRequestHandler(path, scrapeHandler, guard);
		this.limits = limits;
	}

	@Override
	public synchronized void start() {
		if (this.running != null) {
			return;
		}
		InetSocketAddress socketAddress = new InetSocketAddress(inetAddress(), this.port);
		ServerSocketChannel channel = null;
		try {
			channel = ServerSocketChannel.open();
			channel.bind(socketAddress, BACKLOG);
			ConnectionLoop loop = new ConnectionLoop(channel,
					new ScrapeThreads(this.handler, this.limits, new MetricsThreadFactory()), this.limits);
			Thread thread = new Thread(loop, "prometheus-web-metrics-connections");
			thread.setDaemon(true);
			this.running = new Running(channel, loop, thread);
			thread.start();
		}
		catch (BindException ex) {
			close(channel);
			throw new IllegalStateException("prometheus.web.server.port " + this.port + " is already in use on "
					+ this.address + ", so the separate metrics server cannot start: stop the process that holds "
					+ "the port or choose another prometheus.web.server.port", ex);
		}
		catch (IOException ex) {
			close(channel);
			throw new IllegalStateException("The separate metrics server cannot listen on " + this.address + ":"
					+ this.port + " (prometheus.web.server.address, prometheus.web.server.port): " + ex.getMessage(),
					ex);
		}
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
		Running stopping = this.running;
		if (stopping == null) {
			return;
		}
		this.running = null;
		stopping.loop().stop();
		try {
			// The loop closes the port and every connection as it returns.
			stopping.thread().join(TimeUnit.SECONDS.toMillis(10));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		close(stopping.channel());
	}

	@Override
	public boolean isRunning() {
		return this.running != null;
	}

	/**
	 * The port the server listens on.
	 * @return the port, the one chosen by the system when configured as 0
	 * @throws IllegalStateException if the server is not running
	 */
	public int getPort() {
		Running current = this.running;
		if (current == null) {
			throw new IllegalStateException("The separate metrics server is not running");
		}
		return current.channel().socket().getLocalPort();
	}

	private static void close(ServerSocketChannel channel) {
		if (channel != null) {
			try {
				channel.close();
			}
			catch (IOException ex) {
				logger.debug("Failed to close the port of the separate metrics server", ex);
			}
		}
	}

	/**
	 * The port, the loop of its connections and the thread that runs it.
	 */
	private record Running(ServerSocketChannel channel, ConnectionLoop loop, Thread thread) {

	}

	/**
	 * Names the threads that answer scrapes and makes them daemons.
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
