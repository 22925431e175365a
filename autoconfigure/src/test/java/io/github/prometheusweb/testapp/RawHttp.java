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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An HTTP/1.1 exchange over a plain socket, with the request exactly as given: any
 * method, any request target, any header value, also those that {@code java.net.http}
 * refuses. One request per connection ({@code Connection: close}); the response is read
 * until the server closes.
 */
public final class RawHttp {

	private static final int TIMEOUT_MILLIS = 30_000;

	private RawHttp() {
	}

	/**
	 * Sends a request without a body and reads the whole response.
	 * @param port the port on 127.0.0.1
	 * @param method the method, as sent
	 * @param target the request target, as sent (its characters as UTF-8 bytes)
	 * @param headers header name and value pairs
	 * @return the response, or {@link Response#NONE} if the server closed the connection
	 * without one
	 */
	public static Response send(int port, String method, String target, List<String> headers) {
		StringBuilder request = new StringBuilder();
		request.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
		request.append("Host: 127.0.0.1:").append(port).append("\r\n");
		for (int i = 0; i < headers.size(); i += 2) {
			request.append(headers.get(i)).append(": ").append(headers.get(i + 1)).append("\r\n");
		}
		request.append("Content-Length: 0\r\nConnection: close\r\n\r\n");
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(TIMEOUT_MILLIS);
			socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.UTF_8));
			socket.getOutputStream().flush();
			return Response.parse(readAll(socket.getInputStream()), method.equals("HEAD"));
		}
		catch (SocketTimeoutException ex) {
			throw new IllegalStateException(
					"No complete answer within " + TIMEOUT_MILLIS + " ms to " + method + " " + abbreviate(target), ex);
		}
		catch (IOException ex) {
			// A connection reset before any answer: as good as no answer.
			return Response.NONE;
		}
	}

	private static byte[] readAll(InputStream in) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		try {
			for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
				out.write(buffer, 0, n);
			}
		}
		catch (SocketTimeoutException ex) {
			throw ex;
		}
		catch (IOException ex) {
			// Reset after the answer (a server closing with unread input): keep what
			// came.
		}
		return out.toByteArray();
	}

	static String abbreviate(String text) {
		return (text.length() <= 200) ? text : text.substring(0, 200) + "... (" + text.length() + " characters)";
	}

	/**
	 * A response: status, headers and the body (de-chunked, still compressed if it was).
	 *
	 * @param status the status code, {@code -1} for no answer
	 * @param headers header name (lower case) and value pairs, in order
	 * @param body the body
	 */
	public record Response(int status, List<String> headers, byte[] body) {

		/**
		 * No answer at all.
		 */
		public static final Response NONE = new Response(-1, List.of(), new byte[0]);

		/**
		 * The first value of a header.
		 * @param name the header name, any case
		 * @return the value, or {@code null}
		 */
		public String header(String name) {
			String lower = name.toLowerCase(Locale.ROOT);
			for (int i = 0; i < this.headers.size(); i += 2) {
				if (this.headers.get(i).equals(lower)) {
					return this.headers.get(i + 1);
				}
			}
			return null;
		}

		/**
		 * The body as UTF-8 text.
		 * @return the text
		 */
		public String text() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

		static Response parse(byte[] bytes, boolean head) {
			int end = indexOf(bytes, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
			if (end < 0) {
				return NONE;
			}
			String[] lines = new String(bytes, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
			String[] statusLine = lines[0].split(" ", 3);
			int status = Integer.parseInt(statusLine[1]);
			List<String> headers = new ArrayList<>();
			for (int i = 1; i < lines.length; i++) {
				int colon = lines[i].indexOf(':');
				headers.add(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT));
				headers.add(lines[i].substring(colon + 1).trim());
			}
			byte[] body = java.util.Arrays.copyOfRange(bytes, end + 4, bytes.length);
			Response response = new Response(status, headers, body);
			if (!head && "chunked".equalsIgnoreCase(response.header("transfer-encoding"))) {
				return new Response(status, headers, dechunk(body));
			}
			return response;
		}

		private static byte[] dechunk(byte[] chunked) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			int at = 0;
			while (at < chunked.length) {
				int lineEnd = indexOf(chunked, "\r\n".getBytes(StandardCharsets.US_ASCII), at);
				String size = new String(chunked, at, lineEnd - at, StandardCharsets.US_ASCII).split(";")[0].trim();
				int length = Integer.parseInt(size, 16);
				if (length == 0) {
					break;
				}
				out.write(chunked, lineEnd + 2, length);
				at = lineEnd + 2 + length + 2;
			}
			return out.toByteArray();
		}

		private static int indexOf(byte[] bytes, byte[] part) {
			return indexOf(bytes, part, 0);
		}

		private static int indexOf(byte[] bytes, byte[] part, int from) {
			outer: for (int i = from; i <= bytes.length - part.length; i++) {
				for (int j = 0; j < part.length; j++) {
					if (bytes[i + j] != part[j]) {
						continue outer;
					}
				}
				return i;
			}
			return -1;
		}

	}

}
