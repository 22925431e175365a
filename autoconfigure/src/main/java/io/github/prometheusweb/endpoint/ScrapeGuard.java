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

package io.github.prometheusweb.endpoint;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * What a scrape must pass before client_java's {@code PrometheusScrapeHandler} answers
 * it, on the application's port and on the separate metrics port alike: the configured
 * credentials (401 with a challenge otherwise), and a query whose every parameter is
 * valid %-encoding and whose {@code debug} value is one client_java knows (400
 * otherwise). client_java answers those with a server error on some versions, and a bad
 * request must never be one.
 *
 * @author prometheus-web authors
 */
public final class ScrapeGuard {

	private static final Set<String> DEBUG_FORMATS = Set.of("openmetrics", "text", "prometheus-protobuf");

	private final ScrapeAuthentication authentication;

	/**
	 * Creates the guard.
	 * @param authentication the credentials a scrape must present
	 */
	public ScrapeGuard(ScrapeAuthentication authentication) {
		this.authentication = authentication;
	}

	/**
	 * Checks a scrape.
	 * @param authorization the {@code Authorization} header, or {@code null}
	 * @param rawQuery the query string as sent, or {@code null}
	 * @return {@code null} if client_java may answer it, or the answer to give instead
	 */
	public Rejection check(String authorization, String rawQuery) {
		if (!this.authentication.allows(authorization)) {
			return Rejection.UNAUTHORIZED;
		}
		if (rawQuery == null || rawQuery.isEmpty()) {
			return null;
		}
		for (String parameter : rawQuery.split("&")) {
			int equals = parameter.indexOf('=');
			String name;
			String value;
			try {
				name = URLDecoder.decode((equals >= 0) ? parameter.substring(0, equals) : parameter,
						StandardCharsets.UTF_8);
				value = (equals >= 0) ? URLDecoder.decode(parameter.substring(equals + 1), StandardCharsets.UTF_8) : "";
			}
			catch (IllegalArgumentException ex) {
				return Rejection.MALFORMED_QUERY;
			}
			if (name.equals("debug") && !DEBUG_FORMATS.contains(value)) {
				return Rejection.UNKNOWN_DEBUG_FORMAT;
			}
		}
		return null;
	}

	/**
	 * The answer to a scrape that client_java does not answer: one that may not be
	 * answered, or one whose metrics could not be collected.
	 *
	 * @param status the status code
	 * @param body the text of the body
	 * @param challenge the {@code WWW-Authenticate} header value, or {@code null}
	 */
	public record Rejection(int status, String body, String challenge) {

		static final Rejection UNAUTHORIZED = new Rejection(401, "Unauthorized\n", ScrapeAuthentication.CHALLENGE);

		static final Rejection MALFORMED_QUERY = new Rejection(400, "Invalid query parameters\n", null);

		static final Rejection UNKNOWN_DEBUG_FORMAT = new Rejection(400,
				"Unsupported debug value: use openmetrics, text or prometheus-protobuf\n", null);

		/**
		 * The answer to a scrape that failed because a metric could not be collected.
		 * @param failure what the collection threw
		 * @return a 500 naming the exception's class, not its message
		 */
		public static Rejection collectionFailed(RuntimeException failure) {
			return new Rejection(500, "An exception occurred while collecting the metrics: "
					+ failure.getClass().getSimpleName() + ". See the application's log.\n", null);
		}

	}

}
