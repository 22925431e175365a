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

import java.io.IOException;
import java.io.OutputStream;
import java.util.Enumeration;

import io.prometheus.metrics.exporter.common.PrometheusHttpExchange;
import io.prometheus.metrics.exporter.common.PrometheusHttpRequest;
import io.prometheus.metrics.exporter.common.PrometheusHttpResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Lets client_java's {@code PrometheusScrapeHandler} answer a servlet request: it reads
 * the query string and headers of the request and writes status, headers and body to the
 * response. A failure to collect the metrics, which client_java reports before it writes
 * anything, is kept for the endpoint to answer.
 *
 * @author prometheus-web authors
 */
class ServletScrapeExchange implements PrometheusHttpExchange, PrometheusHttpRequest, PrometheusHttpResponse {

	private final HttpServletRequest request;

	private final HttpServletResponse response;

	private RuntimeException failure;

	ServletScrapeExchange(HttpServletRequest request, HttpServletResponse response) {
		this.request = request;
		this.response = response;
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
		return this.request.getQueryString();
	}

	@Override
	public Enumeration<String> getHeaders(String name) {
		return this.request.getHeaders(name);
	}

	@Override
	public String getMethod() {
		return this.request.getMethod();
	}

	@Override
	public String getRequestPath() {
		return this.request.getRequestURI();
	}

	@Override
	public void setHeader(String name, String value) {
		this.response.setHeader(name, value);
	}

	@Override
	public OutputStream sendHeadersAndGetBody(int statusCode, int contentLength) throws IOException {
		this.response.setStatus(statusCode);
		if (contentLength > 0) {
			this.response.setContentLength(contentLength);
		}
		return this.response.getOutputStream();
	}

	@Override
	public void handleException(IOException ex) throws IOException {
		throw ex;
	}

	@Override
	public void handleException(RuntimeException ex) {
		if (this.response.isCommitted()) {
			throw ex;
		}
		this.failure = ex;
	}

	/**
	 * The exception that ended the scrape before anything was written.
	 * @return the exception, or {@code null} if the scrape was answered
	 */
	RuntimeException failure() {
		return this.failure;
	}

	@Override
	public void close() {
	}

}
