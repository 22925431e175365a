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

/**
 * The {@code method} label value: the request method as sent for the standard methods,
 * {@code _OTHER} for any other, so that made-up methods cannot create new series.
 *
 * @author prometheus-web authors
 */
final class HttpMethodLabel {

	/**
	 * Label value of every non-standard method.
	 */
	static final String OTHER = "_OTHER";

	private HttpMethodLabel() {
	}

	/**
	 * The label value of a request method.
	 * @param method the method as sent, for example {@code GET}
	 * @return the same string for a standard method, {@link #OTHER} otherwise
	 */
	static String of(String method) {
		if (method == null) {
			return OTHER;
		}
		return switch (method) {
			case "GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT", "QUERY" -> method;
			default -> OTHER;
		};
	}

}
