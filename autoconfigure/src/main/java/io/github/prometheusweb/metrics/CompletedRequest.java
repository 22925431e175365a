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

package io.github.prometheusweb.metrics;

import io.github.prometheusweb.grouping.HandlerDetails;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A request whose response is complete, as the recorders see it. Every value is decided
 * once, when the response is complete (before the client has its last byte), and does not
 * change while the recorders read it; the body sizes are those written when the recorders
 * read them. Recorders run on the thread that completes the request: rely on nothing but
 * this object, no thread-local.
 *
 * @author prometheus-web authors
 */
public interface CompletedRequest {

	/**
	 * The request.
	 * @return the request
	 */
	HttpServletRequest request();

	/**
	 * The response.
	 * @return the response, whose {@code getStatus()} is the status the client received
	 */
	HttpServletResponse response();

	/**
	 * What the handler mapping knew of the handler that served the request.
	 * @return the details, {@link HandlerDetails#UNMATCHED} if no application handler
	 * served it
	 */
	HandlerDetails handler();

	/**
	 * The {@code method} label value: the method as sent for the standard methods,
	 * {@code _OTHER} for any other.
	 * @return the method label value
	 */
	String method();

	/**
	 * The status the client received: 500 for an exception that escaped the application
	 * before the response was committed.
	 * @return the status code
	 */
	int status();

	/**
	 * The exception counted in the exceptions metric: one that escaped the handler and
	 * failed the request, or, with {@code prometheus.web.count-handled-exceptions}, one
	 * that an {@code @ExceptionHandler} resolved.
	 * @return the exception, or {@code null}
	 */
	Throwable exception();

	/**
	 * How long the request took, from its start to the completion of its response.
	 * @return the duration in nanoseconds
	 */
	long durationNanos();

	/**
	 * When the request completed, on the clock of {@link System#nanoTime()}: its start
	 * plus {@link #durationNanos()}.
	 * @return the time in nanoseconds, comparable only with other values of
	 * {@code System.nanoTime()}
	 */
	long completedNanos();

	/**
	 * The size of the request body: its declared {@code Content-Length}, or the bytes the
	 * application read.
	 * @return the size in bytes, or {@code -1} unless
	 * {@code prometheus.web.sizes.enabled}
	 */
	long requestBytes();

	/**
	 * The size of the response body the application wrote.
	 * @return the size in bytes, or {@code -1} unless
	 * {@code prometheus.web.sizes.enabled}
	 */
	long responseBytes();

	/**
	 * The value of the group label, chosen by the {@code GroupByStrategy}.
	 * @return the value, or {@code null} if the strategy failed
	 */
	String group();

	/**
	 * The values of the default labels, computed once for every metric of the request.
	 * @return the values, in the order of the default label names; do not modify
	 */
	String[] defaultLabelValues();

	/**
	 * The call of the handler method, when it declares annotation metrics: they are
	 * recorded with the request, so that their labels see the final response.
	 * @return the call, or {@code null}
	 */
	HandlerMethodCall handlerCall();

}
