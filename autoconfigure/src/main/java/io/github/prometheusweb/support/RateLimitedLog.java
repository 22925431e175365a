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

package io.github.prometheusweb.support;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Logs failures of metrics code at most once a minute, so that a persistent failure
 * cannot flood the application's log. Each failure that is logged carries its stack
 * trace.
 *
 * @author prometheus-web authors
 */
public final class RateLimitedLog {

	private static final long INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

	private final Log logger;

	private final AtomicLong nextLogNanos = new AtomicLong(System.nanoTime());

	private final AtomicLong suppressed = new AtomicLong();

	/**
	 * Creates a log for failures in the given class.
	 * @param source the class whose logger is used
	 */
	public RateLimitedLog(Class<?> source) {
		this.logger = LogFactory.getLog(source);
	}

	/**
	 * Logs a failure at WARN level, unless one was logged less than a minute ago.
	 * @param message what failed
	 * @param failure the failure
	 */
	public void warn(String message, Throwable failure) {
		long now = System.nanoTime();
		long next = this.nextLogNanos.get();
		if (now - next >= 0 && this.nextLogNanos.compareAndSet(next, now + INTERVAL_NANOS)) {
			long skipped = this.suppressed.getAndSet(0);
			String suffix = (skipped > 0) ? " (" + skipped + " similar failures not logged in the last minute)" : "";
			this.logger.warn(message + suffix, failure);
		}
		else {
			this.suppressed.incrementAndGet();
		}
	}

}
