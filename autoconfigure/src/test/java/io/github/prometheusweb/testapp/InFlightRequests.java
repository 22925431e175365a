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

package io.github.prometheusweb.testapp;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

/**
 * Counts the requests the server is still processing, recording included. A response can
 * reach the client before the server has recorded it (the body is flushed before the
 * filter chain returns), so a scrape waits until no request is in flight.
 *
 * @author prometheus-web authors
 */
public class InFlightRequests implements Filter {

	private final AtomicInteger inFlight = new AtomicInteger();

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		this.inFlight.incrementAndGet();
		boolean async = false;
		try {
			chain.doFilter(request, response);
			if (request.isAsyncStarted()) {
				// Added after the metrics filter's own listener, so it runs after it.
				request.getAsyncContext().addListener(new Done());
				async = true;
			}
		}
		finally {
			if (!async) {
				this.inFlight.decrementAndGet();
			}
		}
	}

	/**
	 * Waits, at most a few seconds, until no request is in flight.
	 */
	public void awaitNone() {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		while (this.inFlight.get() > 0 && System.nanoTime() < deadline) {
			try {
				Thread.sleep(5);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private final class Done implements AsyncListener {

		@Override
		public void onComplete(AsyncEvent event) {
			InFlightRequests.this.inFlight.decrementAndGet();
		}

		@Override
		public void onTimeout(AsyncEvent event) {
		}

		@Override
		public void onError(AsyncEvent event) {
		}

		@Override
		public void onStartAsync(AsyncEvent event) {
		}

	}

}
