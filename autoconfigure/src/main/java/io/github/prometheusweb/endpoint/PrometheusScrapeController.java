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
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import io.github.prometheusweb.annotation.DoNotTrack;
import io.prometheus.metrics.exporter.common.PrometheusScrapeHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The metrics endpoint, at {@code prometheus.web.endpoint.path} (default
 * {@code /metrics}). Content negotiation (Prometheus text, OpenMetrics, protobuf), gzip,
 * the {@code name[]} filter and {@code debug=} are client_java's
 * {@link PrometheusScrapeHandler}. Scrapes are not recorded in the request metrics. An
 * unknown {@code debug} value is a bad request (400), not a server error.
 *
 * @author prometheus-web authors
 */
@Controller
@DoNotTrack
public class PrometheusScrapeController {

	private static final Set<String> DEBUG_FORMATS = Set.of("openmetrics", "text", "prometheus-protobuf");

	private final PrometheusScrapeHandler scrapeHandler;

	/**
	 * Creates the endpoint.
	 * @param scrapeHandler the handler that writes the scrape
	 */
	public PrometheusScrapeController(PrometheusScrapeHandler scrapeHandler) {
		this.scrapeHandler = scrapeHandler;
	}

	/**
	 * Answers a scrape ({@code GET}, and {@code HEAD} for the headers only).
	 * @param request the request
	 * @param response the response
	 * @throws IOException if writing the response fails
	 */
	@GetMapping("${prometheus.web.endpoint.path:/metrics}")
	public void scrape(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (!isDecodable(request.getQueryString())) {
			badRequest(response, "Invalid query parameters\n");
			return;
		}
		String debug = request.getParameter("debug");
		if (debug != null && !DEBUG_FORMATS.contains(debug)) {
			badRequest(response, "Unsupported debug value: use openmetrics, text or prometheus-protobuf\n");
			return;
		}
		this.scrapeHandler.handleRequest(new ServletScrapeExchange(request, response));
	}

	/**
	 * Whether every parameter of a query is valid %-encoding: client_java 1.9 and later
	 * answer 400 to one that is not, earlier versions fail with a server error.
	 */
	private static boolean isDecodable(String query) {
		if (query == null) {
			return true;
		}
		try {
			for (String parameter : query.split("&")) {
				URLDecoder.decode(parameter, StandardCharsets.UTF_8);
			}
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static void badRequest(HttpServletResponse response, String message) throws IOException {
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		response.setContentType("text/plain;charset=utf-8");
		response.getOutputStream().write(message.getBytes(StandardCharsets.UTF_8));
	}

}
