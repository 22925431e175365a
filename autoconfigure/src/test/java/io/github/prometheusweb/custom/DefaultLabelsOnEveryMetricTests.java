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

import java.util.concurrent.atomic.AtomicInteger;

import io.github.prometheusweb.labels.LabelContext;
import io.github.prometheusweb.labels.RequestLabelContributor;
import io.github.prometheusweb.metrics.ExporterInfo;
import io.github.prometheusweb.testapp.MockApp;
import io.github.prometheusweb.testapp.Scrape;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Default labels on default metrics and custom metrics, never on info metrics: the Flask
 * exporter's test_static_labels and test_default_labels.
 */
class DefaultLabelsOnEveryMetricTests {

	@Test
	void literalDefaultLabelsAreOnEveryMetricButTheExporterInfo() {
		try (MockApp app = MockApp.start(new Class<?>[] { DecoratorController.class },
				"prometheus.web.default-labels.app_name=Test-App", "prometheus.web.default-labels.api_version=1")) {
			app.scrape().assertValue("cnt_1_total{api_version=\"1\",app_name=\"Test-App\"}").isEqualTo("0.0");
			app.get(1, "/cnt", 200);
			Scrape scrape = app.scrape();
			scrape.assertValue("cnt_1_total{api_version=\"1\",app_name=\"Test-App\"}").isEqualTo("1.0");
			scrape.assertValue(
					"spring_http_request_total{api_version=\"1\",app_name=\"Test-App\",method=\"GET\",status=\"200\"}")
				.isEqualTo("1.0");
			scrape
				.assertValue("spring_http_request_duration_seconds_count{api_version=\"1\",app_name=\"Test-App\","
						+ "method=\"GET\",status=\"200\",url_rule=\"/cnt\"}")
				.isEqualTo("1");
			scrape.assertValue("spring_exporter_info{version=\"" + ExporterInfo.version() + "\"}").isEqualTo("1");
		}
	}

	@Test
	void expressionDefaultLabelsCombineWithLiteralOnesAndOverrideMetricLabels() {
		try (MockApp app = MockApp.start(new Class<?>[] { DecoratorController.class },
				"prometheus.web.default-labels.static=testing", "prometheus.web.default-labels.dm=#{#request.method}",
				"prometheus.web.default-labels.uri=#{#handler.routeTemplate}")) {
			app.get(1, "/cnt", 200);
			app.get(2, "/hist/2", 200);
			Scrape scrape = app.scrape();
			scrape.assertValue("cnt_1_total{dm=\"GET\",static=\"testing\",uri=\"/cnt\"}").isEqualTo("1.0");
			scrape.assertValue("hist_2_count{code=\"200\",dm=\"GET\",static=\"testing\",uri=\"/hist/2\"}")
				.isEqualTo("2");
			scrape.assertValue(
					"spring_http_request_total{dm=\"GET\",method=\"GET\",static=\"testing\",status=\"200\",uri=\"/hist/2\"}")
				.isEqualTo("2.0");
		}
	}

	@Test
	void expressionDefaultLabelsReachAServiceMethodWhoseOwnLabelsAreLiteral() {
		try (MockApp app = MockApp.start(new Class<?>[] { OrderService.class, ServiceController.class },
				"prometheus.web.default-labels.dm=#{#request?.method ?: 'none'}")) {
			app.get(2, "/audits", 200);
			app.context().getBean(OrderService.class).audit();
			Scrape scrape = app.scrape();
			scrape.assertValue("orders_audited_total{dm=\"GET\"}").isEqualTo("2.0");
			scrape.assertValue("orders_audited_total{dm=\"none\"}").isEqualTo("1.0");
		}
	}

	@Test
	void inProgressGaugeEvaluatesDefaultLabelsWhenTheRequestStarts() {
		try (MockApp app = MockApp.start("prometheus.web.in-progress.enabled=true",
				"prometheus.web.default-labels.dm=#{#request.method}")) {
			app.get(2, "/test", 200);
			Scrape scrape = app.scrape();
			assertThat(scrape.samples("spring_http_requests_in_progress{"))
				.singleElement(InstanceOfAssertFactories.STRING)
				.startsWith("spring_http_requests_in_progress{dm=\"GET\",method=\"GET\"} ");
		}
	}

	@Test
	void requestLabelContributorBeanAddsALabelComputedInJava() {
		try (MockApp app = MockApp.start(new Class<?>[] { DecoratorController.class, TenantLabel.class })) {
			app.get("/cnt", "X-Tenant", "acme");
			app.get("/cnt");
			Scrape scrape = app.scrape();
			scrape.assertValue("cnt_1_total{tenant=\"acme\"}").isEqualTo("1.0");
			scrape.assertValue("cnt_1_total{tenant=\"unknown\"}").isEqualTo("1.0");
			scrape.assertValue("spring_http_request_total{method=\"GET\",status=\"200\",tenant=\"acme\"}")
				.isEqualTo("1.0");
		}
	}

	@Test
	void aComputedDefaultLabelIsEvaluatedOncePerRequestForEveryMetricOfIt() {
		try (MockApp app = MockApp.start(new Class<?>[] { DecoratorController.class, CallNumberLabel.class },
				"prometheus.web.metrics[0].name=requests_seen", "prometheus.web.metrics[0].help=Requests seen")) {
			app.get(1, "/cnt", 200);
			Scrape scrape = app.scrape();
			scrape.assertValue("spring_http_request_total{call=\"1\",method=\"GET\",status=\"200\"}").isEqualTo("1.0");
			scrape
				.assertValue("spring_http_request_duration_seconds_count{call=\"1\",method=\"GET\",status=\"200\","
						+ "url_rule=\"/cnt\"}")
				.isEqualTo("1");
			scrape.assertValue("requests_seen_total{call=\"1\"}").isEqualTo("1.0");
			scrape.assertValue("cnt_1_total{call=\"1\"}").isEqualTo("1.0");
			assertThat(app.context().getBean(CallNumberLabel.class).calls).hasValue(1);
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class CallNumberLabel {

		final AtomicInteger calls = new AtomicInteger();

		@Bean
		RequestLabelContributor callNumber() {
			return new RequestLabelContributor() {

				@Override
				public String labelName() {
					return "call";
				}

				@Override
				public String labelValue(LabelContext context) {
					return String.valueOf(CallNumberLabel.this.calls.incrementAndGet());
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class TenantLabel {

		@Bean
		RequestLabelContributor tenantLabel() {
			return new RequestLabelContributor() {

				@Override
				public String labelName() {
					return "tenant";
				}

				@Override
				public String labelValue(LabelContext context) {
					String tenant = (context.request() != null) ? context.request().getHeader("X-Tenant") : null;
					return (tenant != null) ? tenant : "unknown";
				}

			};
		}

	}

}
