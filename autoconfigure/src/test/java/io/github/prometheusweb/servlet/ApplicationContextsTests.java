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
package io.github.prometheusweb.servlet;

import io.github.prometheusweb.testapp.MockApp;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several application contexts in one JVM, as Spring's test context cache keeps them.
 */
class ApplicationContextsTests {

	private static final PrometheusRegistry SHARED = new PrometheusRegistry();

	@Test
	void twoContextsAliveAtOnceRecordIndependently() {
		try (MockApp second = MockApp.start()) {
			try (MockApp first = MockApp.start()) {
				first.get(2, "/test", 200);
				second.get(3, "/test", 200);
				first.scrape().assertValue("spring_http_request_total{method=\"GET\",status=\"200\"}").isEqualTo("2.0");
				second.scrape()
					.assertValue("spring_http_request_total{method=\"GET\",status=\"200\"}")
					.isEqualTo("3.0");
			}
			second.get(1, "/test", 200);
			second.scrape().assertValue("spring_http_request_total{method=\"GET\",status=\"200\"}").isEqualTo("4.0");
		}
	}

	@Test
	void closingAContextReleasesItsMetricsFromAUserRegistry() {
		try (MockApp app = MockApp.start(new Class<?>[] { SharedRegistryConfiguration.class })) {
			app.get(1, "/test", 200);
			assertThat(app.context().getBean(PrometheusRegistry.class)).isSameAs(SHARED);
			assertThat(familyNames()).contains("spring_http_request", "spring_exporter");
		}
		assertThat(familyNames()).noneMatch((name) -> name.startsWith("spring_"));
		try (MockApp again = MockApp.start(new Class<?>[] { SharedRegistryConfiguration.class })) {
			again.get(1, "/test", 200);
			again.scrape().assertValue("spring_http_request_total{method=\"GET\",status=\"200\"}").isEqualTo("1.0");
		}
	}

	private static java.util.List<String> familyNames() {
		return SHARED.scrape().stream().map((snapshot) -> snapshot.getMetadata().getPrometheusName()).toList();
	}

	@Configuration(proxyBeanMethods = false)
	static class SharedRegistryConfiguration {

		@Bean
		PrometheusRegistry prometheusRegistry() {
			return SHARED;
		}

	}

}
