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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Flask exporter's decorator tests (test_metrics.py, test_defaults.py,
 * test_endpoint.py), ported to the annotations.
 * {@link AsyncCustomMetricsIntegrationTests} covers asynchronous handlers.
 */
class DecoratorTests {

	private MockApp app;

	@BeforeEach
	void start() {
		this.app = MockApp.start(new Class<?>[] { DecoratorController.class });
	}

	@AfterEach
	void stop() {
		this.app.close();
	}

	@Test
	void histogramObservesEachCallWithItsLabelsAndBuckets() {
		this.app.scrape().assertValue("hist_1_count").isEqualTo("0");
		this.app.get(1, "/hist/1", 200);
		Scrape scrape = this.app.scrape();
		scrape.assertValue("hist_1_count").isEqualTo("1");
		scrape.assertValue("hist_1_bucket{le=\"2.5\"}").isEqualTo("1");
		this.app.get(1, "/hist/2", 200);
		scrape = this.app.scrape();
		scrape.assertValue("hist_2_count{code=\"200\",uri=\"/hist/2\"}").isEqualTo("1");
		scrape.assertValue("hist_2_bucket{code=\"200\",uri=\"/hist/2\",le=\"2.5\"}").isEqualTo("1");
		this.app.get(1, "/hist/77/2", 200);
		scrape = this.app.scrape();
		scrape.assertValue("hist_3_count{x_value=\"77\",y_value=\"2\"}").isEqualTo("1");
		scrape.assertValue("hist_3_bucket{x_value=\"77\",y_value=\"2\",le=\"0.7\"}").isEqualTo("1");
		scrape.assertValue("hist_3_bucket{x_value=\"77\",y_value=\"2\",le=\"2.9\"}").isEqualTo("1");
		scrape.assertValue("hist_3_bucket{x_value=\"77\",y_value=\"2\",le=\"+Inf\"}").isEqualTo("1");
		assertThat(scrape.samples("hist_3_bucket")).hasSize(3);
	}

	@Test
	void summaryObservesEachCallWithLiteralAndExpressionLabels() {
		this.app.scrape().assertValue("sum_1_count").isEqualTo("0");
		this.app.get(1, "/sum/1", 200);
		this.app.scrape().assertValue("sum_1_count").isEqualTo("1");
		this.app.get(1, "/sum/2", 200);
		this.app.scrape().assertValue("sum_2_count{code=\"200\",uri=\"/sum/2\",variant=\"2\"}").isEqualTo("1");
	}

	@Test
	void gaugeCountsTheCallInProgressAndDropsAfterIt() {
		String during = this.app.get("/gauge/5").body();
		assertThat(new Scrape(during).value("gauge_1{a=\"5\"}")).isEqualTo("1.0");
		this.app.scrape().assertValue("gauge_1{a=\"5\"}").isEqualTo("0.0");
	}

	@Test
	void counterCountsEveryCall() {
		this.app.scrape().assertValue("cnt_1_total").isEqualTo("0.0");
		for (int i = 1; i <= 3; i++) {
			this.app.get(1, "/cnt", 200);
			this.app.scrape().assertValue("cnt_1_total").isEqualTo(i + ".0");
		}
	}

	@Test
	void doNotTrackOnlyExcludesTheDefaultMetrics() {
		this.app.get(2, "/do-not-track", 200);
		Scrape scrape = this.app.scrape();
		scrape.assertValue("cnt_before_total").isEqualTo("2.0");
		scrape.assertValue("cnt_after_total").isEqualTo("2.0");
		assertThat(scrape.text()).doesNotContain("/do-not-track");
		assertThat(scrape.samples("spring_http_request_total")).isEmpty();
	}

	@Test
	void excludeAllMetricsExcludesCustomMetricsOnBothSides() {
		this.app.get(2, "/exclude-all-wrapping", 200);
		Scrape scrape = this.app.scrape();
		scrape.assertValue("cnt_excluded_before_total").isEqualTo("0.0");
		scrape.assertValue("cnt_excluded_after_total").isEqualTo("0.0");
		scrape.assertValue("gauge_excluded_before").isEqualTo("0.0");
		scrape.assertValue("gauge_excluded_after").isEqualTo("0.0");
		assertThat(scrape.samples("spring_http_request_total")).isEmpty();
	}

	@Test
	void oneMetricNameOnSeveralEndpointsIsOneMetric() {
		this.app.get(5, "/multi/first", 200);
		this.app.get(5, "/multi/second", 200);
		this.app.get(2, "/multi/third", 200);
		Scrape scrape = this.app.scrape();
		scrape.assertValue("multi_counter_total{path=\"/multi/first\"}").isEqualTo("5.0");
		scrape.assertValue("multi_counter_total{path=\"/multi/second\"}").isEqualTo("5.0");
		scrape.assertValue("multi_counter_total{path=\"/multi/third\"}").isEqualTo("2.0");
	}

	@Test
	void responseStatusExceptionIsTheStatusTheLabelsSee() {
		this.app.get(1, "/abort", 503);
		Scrape scrape = this.app.scrape();
		scrape.assertValue("abort_summary_count{code=\"503\"}").isEqualTo("1");
		scrape.assertValue("abort_histogram_bucket{code=\"503\",le=\"0.5\"}").isEqualTo("1");
		scrape.assertValue("abort_histogram_bucket{code=\"503\",le=\"10.0\"}").isEqualTo("1");
	}

	@Test
	void uncaughtExceptionIsStatus500ForTheLabels() {
		this.app.get(1, "/exception", 500);
		this.app.scrape()
			.assertValue("exception_summary_count{code=\"500\",exception=\"IllegalStateException\"}")
			.isEqualTo("1");
	}

	@Test
	void exceptionHandlerStatusAndHeadersAreWhatTheLabelsSee() {
		this.app.get(1, "/handled-error", 400);
		this.app.scrape().assertValue("handled_summary_count{code=\"400\",original=\"409\"}").isEqualTo("1");
	}

}
