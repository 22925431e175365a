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
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
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
 * The threads that answer the complete requests of the separate metrics server: a fixed
 * number of them with a bounded queue, each response with a deadline after which its
 * connection is reset, and every connection closed once answered.
 *
 * @author prometheus-web authors
 */
class ScrapeThreads {

	private static final Log logger = LogFactory.getLog(ScrapeThreads.class);

	private final ScrapeRequestHandler handler;

	private final long responseTimeoutNanos;

	private final ThreadPoolExecutor pool;

	/**
	 * The requests handed over: queued, then being answered.
	 */
	private final Set<Answer> answers = ConcurrentHashMap.newKeySet();

	ScrapeThreads(ScrapeRequestHandler handler, ServerLimits limits, ThreadFactory threads) {
		this.handler = handler;
		this.responseTimeoutNanos = limits.responseTimeout().toNanos();
		this.pool = new ThreadPoolExecutor(limits.workers(), limits.workers(), 0, TimeUnit.MILLISECONDS,
				new ArrayBlockingQueue<>(limits.queued()), threads, new ThreadPoolExecutor.AbortPolicy());
	}

	/**
	 * Hands a request over, unless every thread is busy and the queue is full.
	 * @param channel the connection, in blocking mode
	 * @param request the head of the request
	 * @return whether the request was taken; if not, the connection is still the caller's
	 */
	boolean answer(SocketChannel channel, RequestHead request) {
		Answer answer = new Answer(channel, request);
		this.answers.add(answer);
		try {
			this.pool.execute(answer);
			return true;
		}
		catch (RejectedExecutionException ex) {
			this.answers.remove(answer);
			return false;
		}
	}

	/**
	 * Resets the connections whose response has taken longer than its time: the thread
	 * writing to one gets an {@code AsynchronousCloseException}, and the reset drops what
	 * the system still holds to send on it.
	 * @param now the current {@link System#nanoTime()}
	 */
	void resetLate(long now) {
		for (Answer answer : this.answers) {
			if (answer.started && answer.deadline - now <= 0) {
				this.answers.remove(answer);
				try {
					answer.channel.setOption(StandardSocketOptions.SO_LINGER, 0);
				}
				catch (IOException ex) {
					logger.debug("Failed to reset a connection of the separate metrics server", ex);
				}
				close(answer.channel);
			}
		}
	}

	/**
	 * Stops the threads and closes every connection handed over.
	 */
	void close() {
		this.pool.shutdownNow();
		this.answers.forEach((answer) -> close(answer.channel));
	}

	private static void close(SocketChannel channel) {
		try {
			channel.close();
		}
		catch (IOException ex) {
			logger.debug("Failed to close a connection of the separate metrics server", ex);
		}
	}

	/**
	 * One request handed over, and the deadline of its response once a thread answers it.
	 */
	private final class Answer implements Runnable {

		private final SocketChannel channel;

		private final RequestHead request;

		private volatile long deadline;

		private volatile boolean started;

		Answer(SocketChannel channel, RequestHead request) {
			this.channel = channel;
			this.request = request;
		}

		@Override
		public void run() {
			this.deadline = System.nanoTime() + ScrapeThreads.this.responseTimeoutNanos;
			this.started = true;
			try {
				OutputStream out = new BufferedOutputStream(Channels.newOutputStream(this.channel), 8192);
				ScrapeThreads.this.handler.answer(this.request, out);
			}
			catch (IOException ex) {
				logger.debug("A client of the separate metrics server left before its response was sent", ex);
			}
			finally {
				ScrapeThreads.this.answers.remove(this);
				close(this.channel);
			}
		}

	}

}
