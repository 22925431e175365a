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
 * A request whose response is complete, as the recorders see it.
 *
 * @param request the request
 * @param handler what the handler mapping knew of its handler
 * @param method the {@code method} label value (see {@link HttpMethodLabel})
 * @param status the status code the client received
 * @param escapedException the exception that escaped the handler, or {@code null}
 * @param handledException an exception thrown by the handler and resolved by an
 * {@code @ExceptionHandler}, or {@code null}
 * @param durationNanos the time from the start of the request to the completion of the
 * response, in nanoseconds
 * @param requestBytes the size of the request body in bytes, or {@code -1} if not
 * measured
 * @param responseBytes the size of the response body in bytes, or {@code -1} if not
 * measured
 * @param response the response, whose status may not yet be {@code status} (use
 * {@code status}), or {@code null}
 * @author prometheus-web authors
 */
public record CompletedRequest(HttpServletRequest request, HandlerDetails handler, String method, int status,
		Throwable escapedException, Throwable handledException, long durationNanos, long requestBytes,
		long responseBytes, HttpServletResponse response) {

}
