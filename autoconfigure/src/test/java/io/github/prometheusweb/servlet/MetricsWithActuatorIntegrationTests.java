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

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.github.prometheusweb.testapp.Promtool;
import io.github.prometheusweb.testapp.RunningApp;
import io.github.prometheusweb.testapp.Scrape;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * prometheus-web beside Spring Boot Actuator and {@code micrometer-registry-prometheus}:
 * both endpoints work, no metric family appears twice on either, and both pass promtool.
 * Runs in the {@code with-actuator} test execution, whose classpath has Actuator.
 */
class MetricsWithActuatorIntegrationTests {

	@Test
	void bothEndpointsServeEveryFamilyOnce() {
		try (RunningApp app = RunningApp.start("management.endpoints.web.exposure.include=prometheus")) {
			app.get(2, "/test", 200);
			Scrape actuator = app.scrape("/actuator/prometheus");
			Scrape metrics = app.scrape();
			actuator.assertValue("spring_http_request_total{method=\"GET\",status=\"200\"}").isEqualTo("2.0");
			metrics.assertValue("spring_http_request_total{method=\"GET\",status=\"200\"}")
				.as("the actuator scrape is an ordinary request")
				.isEqualTo("3.0");
			for (Scrape scrape : List.of(actuator, metrics)) {
				assertThat(scrape.samples("http_server_requests_seconds_count")).isNotEmpty();
				assertThat(scrape.samples("jvm_threads_live_threads")).hasSize(1);
				assertThat(scrape.samples("jvm_threads_current")).as("client_java's JVM metrics stay off").isEmpty();
				assertNoFamilyTwice(scrape);
				assertNoSeriesTwice(scrape);
				// Micrometer's own families draw promtool lint (no HELP text, "_ms" in a
				// name).
				Promtool.assertAcceptsOwnFamilies(scrape.text(), "spring_");
			}
		}
	}

	private static void assertNoFamilyTwice(Scrape scrape) {
		Set<String> families = new HashSet<>();
		for (String line : scrape.lines()) {
			if (line.startsWith("# TYPE ")) {
				assertThat(families.add(line.split(" ")[2])).as("family %s once", line).isTrue();
			}
		}
	}

	private static void assertNoSeriesTwice(Scrape scrape) {
		Set<String> series = new HashSet<>();
		for (String line : scrape.lines()) {
			if (!line.isEmpty() && !line.startsWith("#")) {
				String name = line.substring(0, line.lastIndexOf(' '));
				assertThat(series.add(name)).as("series %s once", name).isTrue();
			}
		}
	}

}
