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
package io.github.prometheusweb.custom;

import java.util.List;

import io.github.prometheusweb.testapp.MockApp;
import io.github.prometheusweb.testapp.Scrape;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Labels computed per request by expressions are bounded by
 * {@code prometheus.web.cardinality-limit} like the group label: default labels and the
 * labels of custom metrics.
 */
class ExpressionLabelLimitTests {

	@Test
	void expressionLabelsFoldIntoOverflowBeyondTheLimit() {
		try (MockApp app = MockApp.start(new Class<?>[] { DecoratorController.class },
				"prometheus.web.cardinality-limit=3",
				"prometheus.web.default-labels.tenant=#{#request.getHeader('X-Tenant')}")) {
			for (int i = 1; i <= 5; i++) {
				assertThat(app.get("/hist/" + i + "/1", "X-Tenant", "tenant-" + i).statusCode()).isEqualTo(200);
			}
			Scrape scrape = app.scrape();
			assertThat(scrape.samples("spring_http_request_total{"))
				.extracting((line) -> line.replaceAll(".*tenant=\"([^\"]+)\".*", "$1"))
				.containsExactlyInAnyOrder("tenant-1", "tenant-2", "tenant-3", "__overflow__");
			scrape.assertValue("spring_http_request_total{method=\"GET\",status=\"200\",tenant=\"__overflow__\"}")
				.isEqualTo("2.0");
			scrape.assertValue("spring_exporter_label_overflow_total{label=\"tenant\",metric=\"*\"}")
				.as("2 requests, each folded once: default labels are evaluated once per request")
				.isEqualTo("2.0");
			assertThat(scrape.samples("hist_3_count{"))
				.extracting((line) -> line.replaceAll(".*x_value=\"([^\"]+)\".*", "$1"))
				.containsExactlyInAnyOrder("1", "2", "3", "__overflow__");
			scrape.assertValue("spring_exporter_label_overflow_total{label=\"x_value\",metric=\"hist_3\"}")
				.isEqualTo("2.0");
		}
	}

	@Test
	void eachObservationBeyondTheLimitIsCountedWhileKnownValuesKeepTheirSeries() {
		try (MockApp app = MockApp.start(new Class<?>[] { DecoratorController.class },
				"prometheus.web.cardinality-limit=1")) {
			for (String path : List.of("/multi/first", "/multi/second", "/multi/first", "/multi/second",
					"/multi/second")) {
				assertThat(app.get(path).statusCode()).isEqualTo(200);
			}
			Scrape scrape = app.scrape();
			scrape.assertValue("multi_counter_total{path=\"/multi/first\"}").isEqualTo("2.0");
			scrape.assertValue("multi_counter_total{path=\"__overflow__\"}").isEqualTo("3.0");
			scrape.assertValue("spring_exporter_label_overflow_total{label=\"path\",metric=\"multi_counter\"}")
				.isEqualTo("3.0");
		}
	}

	@Test
	void severalExpressionLabelsKeepTheirSeriesWithinTheLimit() {
		try (MockApp app = MockApp.start(new Class<?>[] { DecoratorController.class },
				"prometheus.web.cardinality-limit=2")) {
			for (String xy : List.of("1/1", "2/1", "3/1", "1/1", "3/1", "4/1", "2/1")) {
				assertThat(app.get("/hist/" + xy).statusCode()).isEqualTo(200);
			}
			Scrape scrape = app.scrape();
			scrape.assertValue("hist_3_count{x_value=\"1\",y_value=\"1\"}").isEqualTo("2");
			scrape.assertValue("hist_3_count{x_value=\"2\",y_value=\"1\"}").isEqualTo("2");
			scrape.assertValue("hist_3_count{x_value=\"__overflow__\",y_value=\"1\"}").isEqualTo("3");
			scrape.assertValue("spring_exporter_label_overflow_total{label=\"x_value\",metric=\"hist_3\"}")
				.isEqualTo("3.0");
		}
	}

}
