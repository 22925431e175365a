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
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The connections of the separate metrics server, on one thread: accepts them, reads
 * their request heads without blocking (so a client that sends slowly or not at all holds
 * no thread), hands each complete request to the {@link ScrapeThreads}, answers 503 at
 * once when they are all busy and their queue is full, and closes the connections that
 * outlive the {@link ServerLimits}: a head not received in time, the oldest head still
 * being sent when too many are.
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

	private final ServerLimits limits;

	private final ScrapeThreads threads;

	/**
	 * The connections still sending their head, in the order they were accepted: the
	 * order of their deadlines. Used by the loop's thread only.
	 */
	private final Set<Connection> receiving = new LinkedHashSet<>();

	private final List<Connection> received = new ArrayList<>();

	private volatile boolean running = true;

	private boolean acceptPaused;

	ConnectionLoop(ServerSocketChannel server, ScrapeThreads threads, ServerLimits limits) throws IOException {
		this.server = server;
		this.threads = threads;
		this.limits = limits;
		this.selector = Selector.open();
		server.configureBlocking(false);
		server.register(this.selector, SelectionKey.OP_ACCEPT);
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
				Connection connection = new Connection(channel,
						System.nanoTime() + this.limits.headTimeout().toNanos());
				try {
					channel.configureBlocking(false);
					channel.register(this.selector, SelectionKey.OP_READ, connection);
					this.receiving.add(connection);
				}
				catch (IOException ex) {
					close(connection);
				}
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
				if (!this.threads.answer(connection.channel, connection.request)) {
					answerAndClose(connection, BUSY);
				}
			}
			catch (IOException ex) {
				close(connection);
			}
		}
		this.received.clear();
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
		this.threads.resetLate(now);
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
		this.threads.close();
		this.receiving.forEach(ConnectionLoop::close);
		this.received.forEach(ConnectionLoop::close);
		try {
			this.selector.close();
		}
		catch (IOException ex) {
			logger.debug("Failed to close the selector of the separate metrics server", ex);
		}
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
		 * When the head must be complete.
		 */
		private final long deadline;

		private ByteBuffer head;

		private RequestHead request;

		Connection(SocketChannel channel, long deadline) {
			this.channel = channel;
			this.deadline = deadline;
		}

	}

}
