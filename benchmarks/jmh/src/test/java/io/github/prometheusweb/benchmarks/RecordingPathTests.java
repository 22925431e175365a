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
import java.util.List;

import io.github.prometheusweb.servlet.RequestMetricsFilter;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import jakarta.servlet.ServletException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the benchmarked request records in each configuration, so that the figures measure
 * what they say: each call of the {@link RequestPath} is one request, recorded once, on
 * the route of the benchmark; the floor records nothing.
 */
class RecordingPathTests {

	@ParameterizedTest
	@EnumSource(Config.class)
	void eachCallIsOneRequestRecordedOnce(Config config) throws IOException, ServletException {
		try (StarterContext context = StarterContext.start(config.properties(), config.controller())) {
			RequestPath path = new RequestPath(context.bean(RequestMetricsFilter.class), context.interceptors(),
					context.beanFactory(), config.controller());
			MockHttpServletRequest request = RequestPath.newRequest();
			MockHttpServletResponse response = new MockHttpServletResponse();
			for (int i = 0; i < 3; i++) {
				path.handle(request, response);
				assertThat(response.getContentAsString()).isEqualTo("42");
				assertThat(response.getContentLength()).isEqualTo(2);
			}
			PrometheusRegistry registry = context.bean(PrometheusRegistry.class);
			if (config == Config.FLOOR) {
				assertThat(registry).isNull();
				return;
			}
			List<String> samples = scrape(registry);
			if (config == Config.OPENTELEMETRY) {
				assertThat(samples).contains("http_server_request_duration_seconds_count{http_request_method=\"GET\","
						+ "http_response_status_code=\"200\",http_route=\"" + RequestPath.ROUTE
						+ "\",network_protocol_version=\"1.1\",url_scheme=\"http\"} 3");
				assertThat(samples).noneMatch((line) -> line.startsWith("spring_http_request"));
				return;
			}
			if (config == Config.MICROMETER) {
				assertThat(samples).contains("http_server_requests_seconds_count{error=\"none\",exception=\"none\","
						+ "method=\"GET\",outcome=\"SUCCESS\",status=\"200\",uri=\"" + RequestPath.ROUTE + "\"} 3");
				assertThat(samples).noneMatch((line) -> line.startsWith("spring_http_request"));
				return;
			}
			assertThat(samples).contains("spring_http_request_total{method=\"GET\",status=\"200\"} 3.0");
			assertThat(samples).filteredOn((line) -> line.startsWith("spring_http_request_duration_seconds_count{"))
				.singleElement()
				.satisfies((line) -> assertThat(line).contains(groupLabel(config)).endsWith(" 3"));
			if (config == Config.CUSTOM_METRICS || config == Config.USER_METRICS) {
				assertThat(samples).contains("items_served_total{code=\"200\"} 3.0",
						"items_lookup_seconds_count{source=\"catalogue\"} 3");
			}
		}
	}

	private static String groupLabel(Config config) {
		return switch (config) {
			case PATH -> "path=\"/items/42\"";
			case FULL_PATH -> "full_path=\"/items/42?page=1\"";
			case ENDPOINT -> "endpoint=\"ItemsController#item\"";
			default -> "url_rule=\"" + RequestPath.ROUTE + "\"";
		};
	}

	private static List<String> scrape(PrometheusRegistry registry) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		PrometheusTextFormatWriter.create().write(out, registry.scrape());
		return out.toString(StandardCharsets.UTF_8).lines().filter((line) -> !line.startsWith("#")).toList();
	}

}
