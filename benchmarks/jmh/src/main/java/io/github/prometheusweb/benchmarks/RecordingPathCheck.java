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

package io.github.prometheusweb.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import io.github.prometheusweb.servlet.RequestMetricsFilter;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import jakarta.servlet.ServletException;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Shows what the benchmarked request records: runs it three times in each configuration
 * and prints the request series of the scrape. Run it before trusting the figures:
 * {@code java -cp ... io.github.prometheusweb.benchmarks.RecordingPathCheck}.
 *
 * @author prometheus-web authors
 */
public final class RecordingPathCheck {

	private RecordingPathCheck() {
	}

	/**
	 * Prints the series of each configuration.
	 * @param args unused
	 * @throws IOException never
	 * @throws ServletException never
	 */
	public static void main(String[] args) throws IOException, ServletException {
		for (Config config : Config.values()) {
			try (StarterContext context = StarterContext.start(config.properties(), config.controller())) {
				RequestPath path = new RequestPath(context.bean(RequestMetricsFilter.class), context.interceptors(),
						context.beanFactory(), config.controller());
				MockHttpServletRequest request = RequestPath.newRequest();
				MockHttpServletResponse response = new MockHttpServletResponse();
				for (int i = 0; i < 3; i++) {
					path.handle(request, response);
				}
				System.out.println("== " + config);
				PrometheusRegistry registry = context.bean(PrometheusRegistry.class);
				if (registry != null) {
					ByteArrayOutputStream out = new ByteArrayOutputStream();
					PrometheusTextFormatWriter.create().write(out, registry.scrape());
					out.toString(StandardCharsets.UTF_8)
						.lines()
						.filter((line) -> !line.startsWith("#") && (line.contains("_count")
								|| line.contains("http_request_total") || line.contains("items_served")))
						.forEach(System.out::println);
				}
			}
		}
	}

}
