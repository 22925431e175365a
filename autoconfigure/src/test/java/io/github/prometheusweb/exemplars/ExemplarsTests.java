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

package io.github.prometheusweb.exemplars;

import java.util.List;

import io.github.prometheusweb.testapp.MockApp;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exemplars: with OpenTelemetry and a sampled span current while a request is recorded,
 * the OpenMetrics scrape shows that span's trace and span ids on the default metrics.
 * Needs client_java's tracer bridge ({@code prometheus-metrics-tracer-initializer}),
 * which the client-1.7 profile leaves out.
 *
 * @author prometheus-web authors
 */
@EnabledIf("tracerBridgePresent")
class ExemplarsTests {

	private static final String OPENMETRICS = "application/openmetrics-text; version=1.0.0; charset=utf-8";

	private static final String PROTOBUF = "application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily; "
			+ "encoding=delimited";

	private static final SdkTracerProvider tracerProvider = SdkTracerProvider.builder()
		.setSampler(Sampler.alwaysOn())
		.build();

	static boolean tracerBridgePresent() {
		return ClassUtils.isPresent("io.prometheus.metrics.tracer.initializer.SpanContextSupplier", null);
	}

	@AfterAll
	static void closeTracing() {
		tracerProvider.close();
	}

	@Test
	void durationAndCountCarryTheTraceOfTheRequest() {
		try (MockApp app = MockApp.start(new Class<?>[] { TracingFilter.class })) {
			MockApp.Answer response = app.get("/items/1");
			assertThat(response.statusCode()).isEqualTo(200);
			String traceId = response.headers().firstValue("X-Trace-Id").orElseThrow();
			String spanId = response.headers().firstValue("X-Span-Id").orElseThrow();
			assertThat(traceId).hasSize(32);
			String exemplar = "# {span_id=\"" + spanId + "\",trace_id=\"" + traceId + "\"} ";
			List<String> lines = openMetrics(app);
			List<String> bucketsWithExemplar = lines.stream()
				.filter((line) -> line.startsWith("spring_http_request_duration_seconds_bucket{"))
				.filter((line) -> line.contains(" # {"))
				.toList();
			assertThat(bucketsWithExemplar).hasSize(1);
			assertThat(bucketsWithExemplar.get(0)).contains("url_rule=\"/items/{id}\"").contains(" 1 " + exemplar);
			assertThat(lines).anySatisfy((line) -> assertThat(line)
				.startsWith("spring_http_request_total{method=\"GET\",status=\"200\"} 1.0 " + exemplar + "1.0 "));
			// Protobuf carries them too (ids as UTF-8 strings inside the binary
			// messages).
			MockApp.Answer protobuf = app.get("/metrics", "Accept", PROTOBUF);
			assertThat(protobuf.headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/vnd.google.protobuf"));
			assertThat(protobuf.body()).contains(traceId).contains(spanId);
		}
	}

	@Test
	void noSpanNoExemplar() {
		try (MockApp app = MockApp.start(new Class<?>[] { TracingFilter.class })) {
			app.get(1, "/items/1?untraced", 200);
			assertThat(openMetrics(app)).filteredOn((line) -> line.startsWith("spring_http_request"))
				.isNotEmpty()
				.noneMatch((line) -> line.contains(" # {"));
		}
	}

	@Test
	void exemplarsCanBeTurnedOff() {
		try (MockApp app = MockApp.start(new Class<?>[] { TracingFilter.class },
				"prometheus.web.exemplars.enabled=false")) {
			MockApp.Answer response = app.get("/items/1");
			assertThat(response.headers().firstValue("X-Trace-Id")).isPresent();
			assertThat(openMetrics(app)).filteredOn((line) -> line.startsWith("spring_http_request"))
				.isNotEmpty()
				.noneMatch((line) -> line.contains(" # {"));
		}
	}

	private static List<String> openMetrics(MockApp app) {
		MockApp.Answer scrape = app.get("/metrics", "Accept", OPENMETRICS);
		assertThat(scrape.statusCode()).isEqualTo(200);
		assertThat(scrape.mediaType()).isEqualTo(MediaType.parseMediaType(OPENMETRICS));
		return List.of(scrape.body().split("\n"));
	}

	/**
	 * Runs each request, unless its query string says {@code untraced}, in a sampled
	 * span, around the recording of its metrics, and tells the client the span's ids.
	 */
	@Configuration(proxyBeanMethods = false)
	static class TracingFilter {

		@Bean
		FilterRegistrationBean<Filter> tracingFilter() {
			Tracer tracer = tracerProvider.get("prometheus-web-tests");
			Filter filter = (request, response, chain) -> {
				String query = ((jakarta.servlet.http.HttpServletRequest) request).getQueryString();
				if ("untraced".equals(query)) {
					chain.doFilter(request, response);
					return;
				}
				Span span = tracer.spanBuilder("request").startSpan();
				Scope scope = span.makeCurrent();
				try {
					HttpServletResponse httpResponse = (HttpServletResponse) response;
					httpResponse.setHeader("X-Trace-Id", span.getSpanContext().getTraceId());
					httpResponse.setHeader("X-Span-Id", span.getSpanContext().getSpanId());
					chain.doFilter(request, response);
				}
				finally {
					scope.close();
					span.end();
				}
			};
			FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
			return registration;
		}

	}

}
