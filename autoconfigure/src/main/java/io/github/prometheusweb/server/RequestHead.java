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

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The head of an HTTP/1.x request to the separate metrics server, its request line and
 * header fields, parsed from the bytes received. Only what a scrape needs is kept: the
 * method, the path and raw query of the target, and the header fields by lower-case name.
 *
 * @param method the method, as sent
 * @param path the path of the request target, as sent (not %-decoded)
 * @param rawQuery the query of the request target, as sent, or {@code null}
 * @param headers the header values by lower-case name, in the order received
 * @author prometheus-web authors
 */
record RequestHead(String method, String path, String rawQuery, Map<String, List<String>> headers) {

	private static final String TOKEN_SYMBOLS = "!#$%&'*+-.^_`|~";

	/**
	 * Finds the end of a request head: the empty line after the header fields.
	 * @param bytes the bytes received
	 * @param from where to start looking, no later than the first byte not yet looked at
	 * minus two
	 * @param length how many bytes have been received
	 * @return the number of bytes of the head, or -1 if it is not complete yet
	 */
	static int end(byte[] bytes, int from, int length) {
		for (int i = Math.max(from, 0); i < length; i++) {
			if (bytes[i] == '\n') {
				if (i + 1 < length && bytes[i + 1] == '\n') {
					return i + 2;
				}
				if (i + 2 < length && bytes[i + 1] == '\r' && bytes[i + 2] == '\n') {
					return i + 3;
				}
			}
		}
		return -1;
	}

	/**
	 * Parses a complete request head.
	 * @param bytes the bytes of the head, up to its end
	 * @param length the number of bytes of the head
	 * @return the head
	 * @throws IllegalArgumentException if the head is not valid HTTP/1.x
	 */
	static RequestHead parse(byte[] bytes, int length) {
		String[] lines = new String(bytes, 0, length, StandardCharsets.ISO_8859_1).split("\r?\n");
		String[] requestLine = lines[0].split(" ", -1);
		if (requestLine.length != 3 || !isToken(requestLine[0]) || !requestLine[2].startsWith("HTTP/1.")) {
			throw new IllegalArgumentException("Not an HTTP/1.x request line");
		}
		String target = originForm(requestLine[1]);
		int query = target.indexOf('?');
		Map<String, List<String>> headers = new HashMap<>();
		for (int i = 1; i < lines.length; i++) {
			String line = lines[i];
			int colon = line.indexOf(':');
			if (colon <= 0 || !isToken(line.substring(0, colon))) {
				throw new IllegalArgumentException("Not a header field");
			}
			headers.computeIfAbsent(line.substring(0, colon).toLowerCase(Locale.ROOT), (name) -> new ArrayList<>(1))
				.add(line.substring(colon + 1).strip());
		}
		return new RequestHead(requestLine[0], (query < 0) ? target : target.substring(0, query),
				(query < 0) ? null : target.substring(query + 1), headers);
	}

	/**
	 * The values of a header field.
	 * @param name the name, in any case
	 * @return the values, none if the field is absent
	 */
	List<String> headers(String name) {
		return this.headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
	}

	/**
	 * The first value of a header field.
	 * @param name the name, in any case
	 * @return the value, or {@code null} if the field is absent
	 */
	String header(String name) {
		List<String> values = headers(name);
		return values.isEmpty() ? null : values.get(0);
	}

	/**
	 * The target without the scheme and authority a request to a proxy carries
	 * ({@code http://host:9464/metrics}).
	 */
	private static String originForm(String target) {
		for (int i = 0; i < target.length(); i++) {
			char c = target.charAt(i);
			if (c <= ' ' || c >= 0x7f) {
				throw new IllegalArgumentException("Not a request target");
			}
		}
		if (target.startsWith("/")) {
			return target;
		}
		int scheme = target.indexOf("://");
		if (scheme <= 0) {
			throw new IllegalArgumentException("Not a request target");
		}
		int path = target.indexOf('/', scheme + 3);
		return (path < 0) ? "/" : target.substring(path);
	}

	private static boolean isToken(String text) {
		if (text.isEmpty()) {
			return false;
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			boolean letterOrDigit = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
			if (!letterOrDigit && TOKEN_SYMBOLS.indexOf(c) < 0) {
				return false;
			}
		}
		return true;
	}

}
