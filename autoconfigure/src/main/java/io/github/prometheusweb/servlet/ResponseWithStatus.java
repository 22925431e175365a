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

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * A response as recorders and label templates see it once the request is complete: its
 * status is the one the client received (500 for an exception that escaped the
 * application, even before the container writes the error page).
 *
 * @author prometheus-web authors
 */
final class ResponseWithStatus extends HttpServletResponseWrapper {

	private final int status;

	private ResponseWithStatus(HttpServletResponse response, int status) {
		super(response);
		this.status = status;
	}

	/**
	 * Wraps a response.
	 * @param response the response, or {@code null}
	 * @param status the status the client received
	 * @return the wrapped response, or {@code null} if there is no response
	 */
	static HttpServletResponse of(HttpServletResponse response, int status) {
		if (response == null) {
			return null;
		}
		return (response.getStatus() == status) ? response : new ResponseWithStatus(response, status);
	}

	@Override
	public int getStatus() {
		return this.status;
	}

}
