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

package io.github.prometheusweb.fuzz;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the metrics endpoint answers before client_java sees a scrape, as
 * {@code docs/operations.md} states it: a scrape without the configured credentials gets
 * 401 with {@code WWW-Authenticate: Basic realm="metrics"}; then a query with a malformed
 * percent-escape, or a {@code debug} parameter other than {@code openmetrics},
 * {@code text} or {@code prometheus-protobuf}, gets 400; every other scrape gets
 * client_java's own answer.
 */
final class MetricsEndpointContract {

	private static final Pattern BASIC = Pattern.compile("(?i)basic\\s+(\\S+)");

	private static final Pattern MALFORMED_ESCAPE = Pattern.compile("%(?![0-9A-Fa-f]{2})");

	private static final Set<String> DEBUG_FORMATS = Set.of("openmetrics", "text", "prometheus-protobuf");

	private final String username;

	private final String password;

	MetricsEndpointContract(String username, String password) {
		this.username = username;
		this.password = password;
	}

	/**
	 * Whether an {@code Authorization} header carries the credentials (RFC 7617: the
	 * scheme in any case, then the Base64 of {@code username:password}).
	 * @param authorization the header, or {@code null}
	 * @return {@code true} if it does
	 */
	boolean authorized(String authorization) {
		if (authorization == null) {
			return false;
		}
		Matcher matcher = BASIC.matcher(authorization.trim());
		if (!matcher.matches()) {
			return false;
		}
		try {
			String decoded = new String(Base64.getDecoder().decode(matcher.group(1)), StandardCharsets.UTF_8);
			return decoded.equals(this.username + ":" + this.password);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	/**
	 * Whether the endpoint answers 400 to a query, before client_java.
	 * @param query the query as sent, or {@code null}
	 * @return {@code true} if it does
	 */
	boolean rejects(String query) {
		if (query == null || query.isEmpty()) {
			return false;
		}
		if (MALFORMED_ESCAPE.matcher(query).find()) {
			return true;
		}
		for (String parameter : query.split("&")) {
			int equals = parameter.indexOf('=');
			String name = decode((equals >= 0) ? parameter.substring(0, equals) : parameter);
			String value = (equals >= 0) ? decode(parameter.substring(equals + 1)) : "";
			if (name.equals("debug") && !DEBUG_FORMATS.contains(value)) {
				return true;
			}
		}
		return false;
	}

	private static String decode(String text) {
		return URLDecoder.decode(text, StandardCharsets.UTF_8);
	}

	/**
	 * Whether a method is one the endpoint answers ({@code GET}, and {@code HEAD}); any
	 * other gets what any {@code @GetMapping} route answers it.
	 * @param method the method as sent
	 * @return {@code true} for {@code GET} and {@code HEAD}
	 */
	static boolean scrapeMethod(String method) {
		return method.equals("GET") || method.equals("HEAD");
	}

}
