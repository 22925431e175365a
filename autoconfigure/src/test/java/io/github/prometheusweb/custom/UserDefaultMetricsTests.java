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
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * User-defined default metrics from {@code prometheus.web.metrics}: the Flask exporter's
 * register_default tests.
 */
class UserDefaultMetricsTests {

	@Test
	void userDefaultMetricsTrackEveryHandler() {
		try (MockApp app = MockApp.start("prometheus.web.metrics[0].name=test_counter",
				"prometheus.web.metrics[0].help=Counter",
				"prometheus.web.metrics[0].labels.path=#{#request.requestURI}",
				"prometheus.web.metrics[1].type=summary", "prometheus.web.metrics[1].name=test_summary",
				"prometheus.web.metrics[1].help=Summary",
				"prometheus.web.metrics[1].labels.path=#{#request.requestURI}")) {
			app.get(5, "/test", 200);
			app.get(3, "/items/1", 200);
			Scrape scrape = app.scrape();
			scrape.assertValue("test_counter_total{path=\"/test\"}").isEqualTo("5.0");
			scrape.assertValue("test_counter_total{path=\"/items/1\"}").isEqualTo("3.0");
			scrape.assertValue("test_summary_count{path=\"/test\"}").isEqualTo("5");
			scrape.assertValue("test_summary_count{path=\"/items/1\"}").isEqualTo("3");
			assertThat(scrape.text()).doesNotContain("#{").doesNotContain("path=\"/metrics\"");
		}
	}

	@Test
	void userDefaultMetricsSkipExcludedPaths() {
		try (MockApp app = MockApp.start("prometheus.web.excluded-paths=/excluded",
				"prometheus.web.metrics[0].name=by_path_counter", "prometheus.web.metrics[0].help=Requests by path",
				"prometheus.web.metrics[0].labels.path=#{#request.requestURI}")) {
			app.get(3, "/excluded", 200);
			app.get(2, "/test", 200);
			Scrape scrape = app.scrape();
			scrape.assertValue("by_path_counter_total{path=\"/test\"}").isEqualTo("2.0");
			assertThat(scrape.samples("by_path_counter_total")).hasSize(1);
		}
	}

	@Test
	void userDefaultMetricsRecordExcludedPathsWhenExcludeUserDefaultsIsOff() {
		try (MockApp app = MockApp.start(new Class<?>[] { OrderService.class, ServiceController.class },
				"prometheus.web.excluded-paths=/excluded,/orders/excluded",
				"prometheus.web.exclude-user-defaults=false", "prometheus.web.metrics[0].name=by_path_counter",
				"prometheus.web.metrics[0].help=Requests by path",
				"prometheus.web.metrics[0].labels.path=#{#request.requestURI}",
				"prometheus.web.metrics[0].labels.route=#{#handler.routeTemplate}")) {
			app.get(3, "/excluded", 200);
			app.get(2, "/orders/excluded", 200);
			app.get(1, "/test", 200);
			Scrape scrape = app.scrape();
			scrape.assertValue("by_path_counter_total{path=\"/excluded\",route=\"/excluded\"}").isEqualTo("3.0");
			scrape.assertValue("by_path_counter_total{path=\"/orders/excluded\",route=\"/orders/{kind}\"}")
				.isEqualTo("2.0");
			scrape.assertValue("by_path_counter_total{path=\"/test\",route=\"/test\"}").isEqualTo("1.0");
			scrape.assertValue("orders_placed_total{kind=\"excluded\"}").isEqualTo("2.0");
			scrape.assertValue("spring_http_request_total{method=\"GET\",status=\"200\"}").isEqualTo("1.0");
		}
	}

	@Test
	void userDefaultMetricsSkipDoNotTrackAndExcludeAllHandlers() {
		try (MockApp app = MockApp.start("prometheus.web.metrics[0].name=by_path_counter",
				"prometheus.web.metrics[0].help=Requests by path",
				"prometheus.web.metrics[0].labels.path=#{#request.requestURI}")) {
			app.get(2, "/untracked", 200);
			app.get(2, "/exclude-all", 200);
			app.get(1, "/test", 200);
			Scrape scrape = app.scrape();
			scrape.assertValue("by_path_counter_total{path=\"/test\"}").isEqualTo("1.0");
			assertThat(scrape.samples("by_path_counter_total")).hasSize(1);
		}
	}

	@Test
	void userDefaultHistogramSeesTheFinalStatusAndItsOwnBuckets() {
		try (MockApp app = MockApp.start("prometheus.web.metrics[0].type=histogram",
				"prometheus.web.metrics[0].name=by_status", "prometheus.web.metrics[0].help=Duration by status",
				"prometheus.web.metrics[0].labels.code=#{#response.status}",
				"prometheus.web.metrics[0].labels.route=#{#handler.routeTemplate}",
				"prometheus.web.metrics[0].labels.kind=api", "prometheus.web.metrics[0].buckets=1.0,30.0")) {
			app.get(2, "/status/404", 404);
			app.get(1, "/boom", 500);
			Scrape scrape = app.scrape();
			scrape.assertValue("by_status_bucket{code=\"404\",kind=\"api\",route=\"/status/{code}\",le=\"30.0\"}")
				.isEqualTo("2");
			scrape.assertValue("by_status_count{code=\"500\",kind=\"api\",route=\"/boom\"}").isEqualTo("1");
			assertThat(scrape.samples("by_status_bucket{code=\"404\"")).hasSize(3);
		}
	}

}
