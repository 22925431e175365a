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
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import com.sun.net.httpserver.HttpExchange;
import io.prometheus.metrics.exporter.common.PrometheusHttpExchange;
import io.prometheus.metrics.exporter.common.PrometheusHttpRequest;
import io.prometheus.metrics.exporter.common.PrometheusHttpResponse;

/**
 * Lets client_java's {@code PrometheusScrapeHandler} answer a request of the JDK's HTTP
 * server.
 *
 * @author prometheus-web authors
 */
class HttpServerScrapeExchange implements PrometheusHttpExchange, PrometheusHttpRequest, PrometheusHttpResponse {

	private final HttpExchange exchange;

	private boolean headersSent;

	HttpServerScrapeExchange(HttpExchange exchange) {
		this.exchange = exchange;
	}

	boolean isHeadersSent() {
		return this.headersSent;
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
		return this.exchange.getRequestURI().getRawQuery();
	}

	@Override
	public Enumeration<String> getHeaders(String name) {
		List<String> values = this.exchange.getRequestHeaders().get(name);
		return Collections.enumeration((values != null) ? values : List.of());
	}

	@Override
	public String getMethod() {
		return this.exchange.getRequestMethod();
	}

	@Override
	public String getRequestPath() {
		return this.exchange.getRequestURI().getPath();
	}

	@Override
	public void setHeader(String name, String value) {
		this.exchange.getResponseHeaders().set(name, value);
	}

	@Override
	public OutputStream sendHeadersAndGetBody(int statusCode, int contentLength) throws IOException {
		this.headersSent = true;
		long length;
		if ("HEAD".equals(getMethod())) {
			if (contentLength > 0) {
				this.exchange.getResponseHeaders().set("Content-Length", Integer.toString(contentLength));
			}
			length = -1;
		}
		else {
			// 0 means a body of unknown length, sent in chunks.
			length = (contentLength > 0) ? contentLength : 0;
		}
		this.exchange.sendResponseHeaders(statusCode, length);
		return this.exchange.getResponseBody();
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
		this.exchange.close();
	}

}
