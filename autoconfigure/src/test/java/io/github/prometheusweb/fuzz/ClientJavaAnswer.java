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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.prometheus.metrics.exporter.common.PrometheusHttpExchange;
import io.prometheus.metrics.exporter.common.PrometheusHttpRequest;
import io.prometheus.metrics.exporter.common.PrometheusHttpResponse;
import io.prometheus.metrics.exporter.common.PrometheusScrapeHandler;

/**
 * What client_java's own {@link PrometheusScrapeHandler} answers to a request, with no
 * servlet container in between: the answer the metrics endpoint promises for a scrape it
 * lets through.
 */
final class ClientJavaAnswer implements PrometheusHttpExchange, PrometheusHttpRequest, PrometheusHttpResponse {

	private final FuzzedRequest request;

	private final String path;

	private final Map<String, String> headers = new LinkedHashMap<>();

	private final ByteArrayOutputStream body = new ByteArrayOutputStream();

	private int status = -1;

	private RuntimeException failure;

	private ClientJavaAnswer(FuzzedRequest request, String path) {
		this.request = request;
		this.path = path;
	}

	/**
	 * Runs the handler on a request.
	 * @param handler the handler
	 * @param request the request
	 * @param path the path of the request
	 * @return the answer
	 */
	static ClientJavaAnswer of(PrometheusScrapeHandler handler, FuzzedRequest request, String path) {
		ClientJavaAnswer answer = new ClientJavaAnswer(request, path);
		try {
			handler.handleRequest(answer);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return answer;
	}

	int status() {
		return this.status;
	}

	String header(String name) {
		return this.headers.get(name.toLowerCase(Locale.ROOT));
	}

	byte[] body() {
		return this.body.toByteArray();
	}

	RuntimeException failure() {
		return this.failure;
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
		return this.request.query();
	}

	@Override
	public Enumeration<String> getHeaders(String name) {
		return Collections.enumeration(this.request.headerValues(name));
	}

	@Override
	public String getMethod() {
		return this.request.method();
	}

	@Override
	public String getRequestPath() {
		return this.path;
	}

	@Override
	public void setHeader(String name, String value) {
		this.headers.put(name.toLowerCase(Locale.ROOT), value);
	}

	@Override
	public OutputStream sendHeadersAndGetBody(int statusCode, int contentLength) {
		this.status = statusCode;
		return this.body;
	}

	@Override
	public void handleException(IOException ex) throws IOException {
		throw ex;
	}

	@Override
	public void handleException(RuntimeException ex) {
		this.failure = ex;
	}

	@Override
	public void close() {
	}

}
