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

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The connections of the separate metrics server, on one thread: accepts them, reads
 * their request heads without blocking (so a client that sends slowly or not at all holds
 * no thread), hands each complete request to a small pool of threads, answers 503 at once
 * when that pool and its queue are full, and closes every connection that outlives the
 * {@link ServerLimits}: a head not received in time, a response not taken in time, the
 * oldest head still being sent when too many are.
 *
 * @author prometheus-web authors
 */
class ConnectionLoop implements Runnable {

	private static final Log logger = LogFactory.getLog(ConnectionLoop.class);

	/**
	 * How often the deadlines are checked when nothing happens, in milliseconds.
	 */
	private static final long TICK_MILLIS = 250;

	private static final byte[] BUSY = SocketScrapeExchange.textResponse(503,
			"Too many scrapes at once: try again later\n");

	private static final byte[] HEAD_TOO_LARGE = SocketScrapeExchange.textResponse(431,
			"Request Header Fields Too Large\n");

	private static final byte[] BAD_REQUEST = SocketScrapeExchange.textResponse(400, "Bad Request\n");

	private final ServerSocketChannel server;

	private final Selector selector;

	private final ScrapeRequestHandler handler;

	private final ServerLimits limits;

	private final ThreadPoolExecutor workers;

	/**
	 * The connections still sending their head, in the order they were accepted: the
	 * order of their deadlines. Used by the loop's thread only.
	 */
	private final Set<Connection> receiving = new LinkedHashSet<>();

	private final List<Connection> received = new ArrayList<>();

	/**
	 * The connections handed to the threads: queued, then being answered.
	 */
	private final Set<Connection> answering = ConcurrentHashMap.newKeySet();

	private volatile boolean running = true;

	private boolean acceptPaused;

	ConnectionLoop(ServerSocketChannel server, ScrapeRequestHandler handler, ServerLimits limits, ThreadFactory threads)
			throws IOException {
		this.server = server;
		this.handler = handler;
		this.limits = limits;
		this.selector = Selector.open();
		server.configureBlocking(false);
		server.register(this.selector, SelectionKey.OP_ACCEPT);
		this.workers = new ThreadPoolExecutor(limits.workers(), limits.workers(), 0, TimeUnit.MILLISECONDS,
				new ArrayBlockingQueue<>(limits.queued()), threads, new ThreadPoolExecutor.AbortPolicy());
	}

	/**
	 * Makes {@link #run()} close every connection and return.
	 */
	void stop() {
		this.running = false;
		this.selector.wakeup();
	}

	@Override
	public void run() {
		try {
			while (this.running) {
				this.selector.select(TICK_MILLIS);
				Iterator<SelectionKey> keys = this.selector.selectedKeys().iterator();
				while (keys.hasNext()) {
					SelectionKey key = keys.next();
					keys.remove();
					if (key.isValid() && key.isAcceptable()) {
						accept();
					}
					else if (key.isValid() && key.isReadable()) {
						receive((Connection) key.attachment());
					}
				}
				handOver();
				closeLate(System.nanoTime());
			}
		}
		catch (IOException | RuntimeException ex) {
			logger.error("The separate metrics server failed and stopped", ex);
		}
		finally {
			closeAll();
		}
	}

	private void accept() {
		try {
			SocketChannel channel;
			while ((channel = this.server.accept()) != null) {
				if (this.receiving.size() >= this.limits.connections()) {
					closeOldestReceiving();
				}
				channel.configureBlocking(false);
				Connection connection = new Connection(channel,
						System.nanoTime() + this.limits.headTimeout().toNanos());
				channel.register(this.selector, SelectionKey.OP_READ, connection);
				this.receiving.add(connection);
			}
		}
		catch (IOException ex) {
			// Out of file descriptors, for example: free one, or wait for the next tick.
			logger.debug("The separate metrics server cannot accept a connection", ex);
			if (!this.receiving.isEmpty()) {
				closeOldestReceiving();
			}
			else {
				this.server.keyFor(this.selector).interestOps(0);
				this.acceptPaused = true;
			}
		}
	}

	private void receive(Connection connection) {
		try {
			if (connection.head == null) {
				connection.head = ByteBuffer.allocate(this.limits.headBytes());
			}
			ByteBuffer head = connection.head;
			int before = head.position();
			if (connection.channel.read(head) < 0) {
				this.receiving.remove(connection);
				close(connection);
				return;
			}
			int end = RequestHead.end(head.array(), before - 2, head.position());
			if (end < 0) {
				if (!head.hasRemaining()) {
					answerAndClose(connection, HEAD_TOO_LARGE);
				}
				return;
			}
			try {
				connection.request = RequestHead.parse(head.array(), end);
			}
			catch (IllegalArgumentException ex) {
				answerAndClose(connection, BAD_REQUEST);
				return;
			}
			this.receiving.remove(connection);
			connection.head = null;
			// The thread that answers writes with blocking calls, which needs the channel
			// off the selector: handOver() waits for the next selection for that.
			connection.channel.keyFor(this.selector).cancel();
			this.received.add(connection);
		}
		catch (IOException ex) {
			this.receiving.remove(connection);
			close(connection);
		}
	}

	private void handOver() throws IOException {
		if (this.received.isEmpty()) {
			return;
		}
		// Deregisters the cancelled keys; the selection it makes is made again later.
		this.selector.selectNow();
		this.selector.selectedKeys().clear();
		for (Connection connection : this.received) {
			try {
				connection.channel.configureBlocking(true);
				this.answering.add(connection);
				this.workers.execute(() -> answer(connection));
			}
			catch (RejectedExecutionException ex) {
				this.answering.remove(connection);
				answerAndClose(connection, BUSY);
			}
			catch (IOException ex) {
				this.answering.remove(connection);
				close(connection);
			}
		}
		this.received.clear();
	}

	private void answer(Connection connection) {
		connection.deadline = System.nanoTime() + this.limits.responseTimeout().toNanos();
		connection.answerStarted = true;
		try {
			OutputStream out = new BufferedOutputStream(Channels.newOutputStream(connection.channel), 8192);
			this.handler.answer(connection.request, out);
		}
		catch (IOException ex) {
			logger.debug("A client of the separate metrics server left before its response was sent", ex);
		}
		finally {
			this.answering.remove(connection);
			close(connection);
		}
	}

	private void closeLate(long now) {
		Iterator<Connection> oldestFirst = this.receiving.iterator();
		while (oldestFirst.hasNext()) {
			Connection connection = oldestFirst.next();
			if (connection.deadline - now > 0) {
				break;
			}
			oldestFirst.remove();
			close(connection);
		}
		for (Connection connection : this.answering) {
			if (connection.answerStarted && connection.deadline - now <= 0) {
				// The thread writing to it gets an AsynchronousCloseException.
				this.answering.remove(connection);
				abort(connection);
			}
		}
		if (this.acceptPaused) {
			this.acceptPaused = false;
			this.server.keyFor(this.selector).interestOps(SelectionKey.OP_ACCEPT);
		}
	}

	private void closeOldestReceiving() {
		Iterator<Connection> oldestFirst = this.receiving.iterator();
		Connection oldest = oldestFirst.next();
		oldestFirst.remove();
		close(oldest);
	}

	/**
	 * Answers a connection whose request is not handed over, without waiting: a short
	 * answer fits in the empty send buffer of a connection that has not been answered
	 * yet, and if it does not, the connection closes without it.
	 */
	private void answerAndClose(Connection connection, byte[] response) {
		this.receiving.remove(connection);
		try {
			connection.channel.configureBlocking(false);
			connection.channel.write(ByteBuffer.wrap(response));
		}
		catch (IOException | RuntimeException ex) {
			logger.debug("Failed to answer a client of the separate metrics server", ex);
		}
		finally {
			close(connection);
		}
	}

	private void closeAll() {
		this.workers.shutdownNow();
		this.receiving.forEach(ConnectionLoop::close);
		this.received.forEach(ConnectionLoop::close);
		this.answering.forEach(ConnectionLoop::close);
		try {
			this.selector.close();
		}
		catch (IOException ex) {
			logger.debug("Failed to close the selector of the separate metrics server", ex);
		}
	}

	/**
	 * Closes a connection with a reset, which also drops what the system still holds to
	 * send on it.
	 */
	private static void abort(Connection connection) {
		try {
			connection.channel.setOption(StandardSocketOptions.SO_LINGER, 0);
		}
		catch (IOException ex) {
			logger.debug("Failed to reset a connection of the separate metrics server", ex);
		}
		close(connection);
	}

	private static void close(Connection connection) {
		try {
			connection.channel.close();
		}
		catch (IOException ex) {
			logger.debug("Failed to close a connection of the separate metrics server", ex);
		}
	}

	/**
	 * A connection and what the loop knows of it.
	 */
	private static final class Connection {

		private final SocketChannel channel;

		/**
		 * When the head must be complete, and then when the response must be sent.
		 */
		private volatile long deadline;

		private volatile boolean answerStarted;

		private ByteBuffer head;

		private RequestHead request;

		Connection(SocketChannel channel, long deadline) {
			this.channel = channel;
			this.deadline = deadline;
		}

	}

}
