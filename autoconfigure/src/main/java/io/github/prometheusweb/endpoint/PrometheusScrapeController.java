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
import java.nio.charset.StandardCharsets;

import io.github.prometheusweb.annotation.DoNotTrack;
import io.github.prometheusweb.endpoint.ScrapeGuard.Rejection;
import io.github.prometheusweb.support.RateLimitedLog;
import io.prometheus.metrics.exporter.common.PrometheusScrapeHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The metrics endpoint, at {@code prometheus.web.endpoint.path} (default
 * {@code /metrics}). Content negotiation (Prometheus text, OpenMetrics, protobuf), gzip,
 * the {@code name[]} filter and {@code debug=} are client_java's
 * {@link PrometheusScrapeHandler}; the {@link ScrapeGuard} answers scrapes without the
 * configured credentials and bad queries first. A metric whose collection throws fails
 * the whole scrape with a 500 and a plain-text body naming the exception, logged at most
 * once a minute: a partial scrape would look like series that vanished. Scrapes are not
 * recorded in the request metrics.
 *
 * @author prometheus-web authors
 */
@Controller
@DoNotTrack
public class PrometheusScrapeController {

	private final PrometheusScrapeHandler scrapeHandler;

	private final ScrapeGuard guard;

	private final RateLimitedLog failures = new RateLimitedLog(PrometheusScrapeController.class);

	/**
	 * Creates the endpoint.
	 * @param scrapeHandler the handler that writes the scrape
	 * @param guard what a scrape must pass first
	 */
	public PrometheusScrapeController(PrometheusScrapeHandler scrapeHandler, ScrapeGuard guard) {
		this.scrapeHandler = scrapeHandler;
		this.guard = guard;
	}

	/**
	 * Answers a scrape ({@code GET}, and {@code HEAD} for the headers only).
	 * @param request the request
	 * @param response the response
	 * @throws IOException if writing the response fails
	 */
	@GetMapping("${prometheus.web.endpoint.path:/metrics}")
	public void scrape(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Rejection rejection = this.guard.check(request.getHeader("Authorization"), request.getQueryString());
		if (rejection != null) {
			answer(response, rejection);
			return;
		}
		ServletScrapeExchange exchange = new ServletScrapeExchange(request, response);
		this.scrapeHandler.handleRequest(exchange);
		RuntimeException failure = exchange.failure();
		if (failure != null) {
			this.failures.warn("Failed to collect the metrics of a scrape", failure);
			response.reset();
			answer(response, Rejection.collectionFailed(failure));
		}
	}

	private static void answer(HttpServletResponse response, Rejection rejection) throws IOException {
		response.setStatus(rejection.status());
		if (rejection.challenge() != null) {
			response.setHeader("WWW-Authenticate", rejection.challenge());
		}
		response.setContentType("text/plain;charset=utf-8");
		response.getOutputStream().write(rejection.body().getBytes(StandardCharsets.UTF_8));
	}

}
