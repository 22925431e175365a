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

import io.github.prometheusweb.endpoint.ScrapeGuard;
import io.github.prometheusweb.endpoint.ScrapeGuard.Rejection;
import io.github.prometheusweb.support.RateLimitedLog;
import io.prometheus.metrics.exporter.common.PrometheusScrapeHandler;

/**
 * Answers one request of the separate metrics server: the metrics path with client_java's
 * {@link PrometheusScrapeHandler} once the {@link ScrapeGuard} lets it through, any other
 * path with 404, any method other than {@code GET} and {@code HEAD} with 405.
 *
 * @author prometheus-web authors
 */
class ScrapeRequestHandler {

	private final RateLimitedLog log = new RateLimitedLog(ScrapeRequestHandler.class);

	private final String path;

	private final PrometheusScrapeHandler scrapeHandler;

	private final ScrapeGuard guard;

	ScrapeRequestHandler(String path, PrometheusScrapeHandler scrapeHandler, ScrapeGuard guard) {
		this.path = path;
		this.scrapeHandler = scrapeHandler;
		this.guard = guard;
	}

	/**
	 * Answers a request.
	 * @param request the head of the request
	 * @param connection where the response goes
	 * @throws IOException if the connection fails, for example when the client has left
	 */
	void answer(RequestHead request, OutputStream connection) throws IOException {
		SocketScrapeExchange exchange = new SocketScrapeExchange(request, connection);
		try {
			if (!this.path.equals(request.path())) {
				exchange.sendText(404, "Not Found\n");
				return;
			}
			if (!"GET".equals(request.method()) && !"HEAD".equals(request.method())) {
				exchange.setHeader("Allow", "GET, HEAD");
				exchange.sendText(405, "Method Not Allowed\n");
				return;
			}
			Rejection rejection = this.guard.check(request.header("Authorization"), request.rawQuery());
			if (rejection != null) {
				if (rejection.challenge() != null) {
					exchange.setHeader("WWW-Authenticate", rejection.challenge());
				}
				exchange.sendText(rejection.status(), rejection.body());
				return;
			}
			this.scrapeHandler.handleRequest(exchange);
		}
		catch (RuntimeException ex) {
			// As on the application's port: a metric that cannot be collected fails the
			// scrape with a 500 that names the exception's class.
			this.log.warn("Failed to answer a scrape of the separate metrics server", ex);
			if (!exchange.isHeadersSent()) {
				Rejection failed = Rejection.collectionFailed(ex);
				exchange.sendText(failed.status(), failed.body());
			}
		}
		finally {
			connection.flush();
		}
	}

}
