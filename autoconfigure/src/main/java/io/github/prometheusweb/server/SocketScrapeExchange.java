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

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.prometheus.metrics.exporter.common.PrometheusHttpExchange;
import io.prometheus.metrics.exporter.common.PrometheusHttpRequest;
import io.prometheus.metrics.exporter.common.PrometheusHttpResponse;

/**
 * Lets client_java's {@code PrometheusScrapeHandler} answer a request of the separate
 * metrics server: it reads the parsed request head and writes an HTTP/1.1 response to the
 * connection, one response per connection ({@code Connection: close}), with a
 * {@code Content-Length} when the length is known and a body delimited by the end of the
 * connection otherwise.
 *
 * @author prometheus-web authors
 */
class SocketScrapeExchange implements PrometheusHttpExchange, PrometheusHttpRequest, PrometheusHttpResponse {

	private final RequestHead request;

	private final OutputStream connection;

	private final Map<String, String> headers = new LinkedHashMap<>();

	private boolean headersSent;

	SocketScrapeExchange(RequestHead request, OutputStream connection) {
		this.request = request;
		this.connection = connection;
	}

	boolean isHeadersSent() {
		return this.headersSent;
	}

	/**
	 * Answers with a short plain-text body.
	 * @param status the status code
	 * @param text the body
	 * @throws IOException if the connection fails
	 */
	void sendText(int status, String text) throws IOException {
		byte[] body = text.getBytes(StandardCharsets.UTF_8);
		setHeader("Content-Type", "text/plain; charset=utf-8");
		sendHeadersAndGetBody(status, body.length).write(body);
	}

	/**
	 * A whole response with a short plain-text body, for answers given before a request
	 * is parsed or handed to a thread.
	 * @param status the status code
	 * @param text the body
	 * @return the bytes of the response
	 */
	static byte[] textResponse(int status, String text) {
		byte[] body = text.getBytes(StandardCharsets.UTF_8);
		byte[] head = head(status,
				Map.of("Content-Type", "text/plain; charset=utf-8", "Content-Length", Integer.toString(body.length)));
		byte[] response = new byte[head.length + body.length];
		System.arraycopy(head, 0, response, 0, head.length);
		System.arraycopy(body, 0, response, head.length, body.length);
		return response;
	}

	@Override
	public PrometheusHttpRequest getRequest() {
		return this;
	}

	@Override
	public PrometheusHttpResponse getResponse() {
		return this;
	}

	@Override
	public String getQueryString() {
		return this.request.rawQuery();
	}

	@Override
	public Enumeration<String> getHeaders(String name) {
		return Collections.enumeration(this.request.headers(name));
	}

	@Override
	public String getMethod() {
		return this.request.method();
	}

	@Override
	public String getRequestPath() {
		return this.request.path();
	}

	@Override
	public void setHeader(String name, String value) {
		this.headers.put(name, value);
	}

	@Override
	public OutputStream sendHeadersAndGetBody(int statusCode, int contentLength) throws IOException {
		this.headersSent = true;
		if (contentLength > 0) {
			this.headers.put("Content-Length", Integer.toString(contentLength));
		}
		this.connection.write(head(statusCode, this.headers));
		return "HEAD".equals(getMethod()) ? OutputStream.nullOutputStream() : this.connection;
	}

	@Override
	public void handleException(IOException ex) throws IOException {
		throw ex;
	}

	@Override
	public void handleException(RuntimeException ex) {
		throw ex;
	}

	@Override
	public void close() {
		// The server closes the connection once the handler returns.
	}

	private static byte[] head(int status, Map<String, String> headers) {
		StringBuilder head = new StringBuilder(256).append("HTTP/1.1 ")
			.append(status)
			.append(' ')
			.append(reason(status))
			.append("\r\n");
		headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
		head.append("Connection: close\r\n\r\n");
		return head.toString().getBytes(StandardCharsets.ISO_8859_1);
	}

	private static String reason(int status) {
		return switch (status) {
			case 200 -> "OK";
			case 400 -> "Bad Request";
			case 401 -> "Unauthorized";
			case 404 -> "Not Found";
			case 405 -> "Method Not Allowed";
			case 406 -> "Not Acceptable";
			case 431 -> "Request Header Fields Too Large";
			case 500 -> "Internal Server Error";
			case 503 -> "Service Unavailable";
			default -> "";
		};
	}

}
