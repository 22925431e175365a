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

import io.github.prometheusweb.testapp.MockApp;
import io.github.prometheusweb.testapp.Scrape;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Flask exporter's test_metric_initialization: 4 cases for each of the 4 types, read
 * right after startup, before any call.
 */
class InitialValueTests {

	private static MockApp app;

	private static Scrape scrape;

	@BeforeAll
	static void start() {
		app = MockApp.start(new Class<?>[] { InitialValueController.class });
		scrape = app.scrape();
	}

	@AfterAll
	static void stop() {
		app.close();
	}

	@Test
	void counterInitialValues() {
		scrape.assertValue("counter_no_labels_total").isEqualTo("0.0");
		scrape.assertValue("counter_static_total{label_name=\"label_value\"}").isEqualTo("0.0");
		assertThat(scrape.samples("counter_static_no_init_total")).isEmpty();
		assertThat(scrape.samples("counter_expression_total")).isEmpty();
	}

	@Test
	void gaugeInitialValues() {
		scrape.assertValue("gauge_no_labels").isEqualTo("0.0");
		scrape.assertValue("gauge_static{label_name=\"label_value\"}").isEqualTo("0.0");
		assertThat(scrape.samples("gauge_static_no_init")).isEmpty();
		assertThat(scrape.samples("gauge_expression")).isEmpty();
	}

	@Test
	void histogramInitialValues() {
		scrape.assertValue("histogram_no_labels_count").isEqualTo("0");
		scrape.assertValue("histogram_static_count{label_name=\"label_value\"}").isEqualTo("0");
		scrape.assertValue("histogram_static_bucket{label_name=\"label_value\",le=\"+Inf\"}").isEqualTo("0");
		assertThat(scrape.samples("histogram_static_no_init_")).isEmpty();
		assertThat(scrape.samples("histogram_expression_")).isEmpty();
	}

	@Test
	void summaryInitialValues() {
		scrape.assertValue("summary_no_labels_count").isEqualTo("0");
		scrape.assertValue("summary_static_count{label_name=\"label_value\"}").isEqualTo("0");
		assertThat(scrape.samples("summary_static_no_init_")).isEmpty();
		assertThat(scrape.samples("summary_expression_")).isEmpty();
	}

}
