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

import jakarta.servlet.ServletException;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Which exception a request counts in the exceptions metric: the one rule, applied once
 * per request when it completes.
 * <ul>
 * <li>An exception that escaped and failed the request always counts: it reached the
 * metrics filter, or it ended an asynchronous request with a 5xx. One that a later filter
 * turned into another answer (Spring Security's 403 for an {@code AccessDeniedException})
 * did not fail the request.</li>
 * <li>Otherwise, with {@code prometheus.web.count-handled-exceptions}, the exception the
 * handler threw counts, unless it carries its own status
 * ({@code ResponseStatusException}, the standard MVC exceptions,
 * {@code @ResponseStatus}): such an exception is a way to answer with a status, not a
 * failure.</li>
 * </ul>
 *
 * @author prometheus-web authors
 */
final class CountedException {

	private CountedException() {
	}

	/**
	 * The exception a request counts.
	 * @param escapedToFilter the exception that reached the metrics filter, or
	 * {@code null}
	 * @param escapedFromHandler the exception that escaped the handler, as it threw it,
	 * or {@code null}
	 * @param thrown the last exception the handler threw, resolved or not, or
	 * {@code null}
	 * @param status the status the client received
	 * @param countHandled whether exceptions resolved by an {@code @ExceptionHandler}
	 * count
	 * @return the exception to count, or {@code null}
	 */
	static Throwable of(Throwable escapedToFilter, Throwable escapedFromHandler, Throwable thrown, int status,
			boolean countHandled) {
		if (escapedToFilter != null) {
			return (escapedFromHandler != null) ? escapedFromHandler : rootCause(escapedToFilter);
		}
		if (escapedFromHandler != null && status >= 500) {
			return escapedFromHandler;
		}
		if (countHandled && thrown != null && !hasStatusOfItsOwn(thrown)) {
			return thrown;
		}
		return null;
	}

	private static Throwable rootCause(Throwable escaped) {
		if (escaped instanceof ServletException servletException && servletException.getRootCause() != null) {
			return servletException.getRootCause();
		}
		return escaped;
	}

	private static boolean hasStatusOfItsOwn(Throwable exception) {
		return exception instanceof ErrorResponse
				|| AnnotatedElementUtils.hasAnnotation(exception.getClass(), ResponseStatus.class);
	}

}
