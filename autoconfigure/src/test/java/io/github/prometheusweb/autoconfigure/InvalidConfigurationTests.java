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

package io.github.prometheusweb.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bad property fails startup with a message that names the property and the value.
 */
class InvalidConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(PrometheusWebAutoConfiguration.class));

	@Test
	void prefixThatIsNotAMetricName() {
		assertStartupFails("prometheus.web.prefix=1app", "prometheus.web.prefix", "1app");
		assertStartupFails("prometheus.web.prefix=my-app", "prometheus.web.prefix", "my-app");
	}

	@Test
	void unsortedBuckets() {
		assertStartupFails("prometheus.web.buckets=0.5,0.1", "prometheus.web.buckets", "[0.5, 0.1]");
	}

	@Test
	void negativeBucket() {
		assertStartupFails("prometheus.web.buckets=-1,1", "prometheus.web.buckets", "-1.0");
	}

	@Test
	void duplicateBucket() {
		assertStartupFails("prometheus.web.buckets=0.1,0.1,1", "prometheus.web.buckets", "[0.1, 0.1, 1.0]");
	}

	@Test
	void excludedPathThatIsNotARegularExpression() {
		assertStartupFails("prometheus.web.excluded-paths=/ok,/[unclosed", "prometheus.web.excluded-paths",
				"/[unclosed");
	}

	@Test
	void defaultLabelNameThatIsNotALabelName() {
		assertStartupFails("prometheus.web.default-labels.bad-name=x", "prometheus.web.default-labels.bad-name",
				"bad-name");
		assertStartupFails("prometheus.web.default-labels.__reserved=x", "prometheus.web.default-labels.__reserved",
				"__reserved");
	}

	@Test
	void defaultLabelThatClashesWithABuiltInLabel() {
		assertStartupFails("prometheus.web.default-labels.method=x", "prometheus.web.default-labels.method", "method");
		assertStartupFails("prometheus.web.default-labels.url_rule=x", "prometheus.web.default-labels.url_rule",
				"url_rule");
	}

	@Test
	void defaultLabelThatClashesWithABuiltInLabelFailsEvenWithoutTheDefaultMetrics() {
		assertStartupFails(
				new String[] { "prometheus.web.default-labels.status=x", "prometheus.web.export-defaults=false" },
				"prometheus.web.default-labels.status", "status");
	}

	@Test
	void basicAuthUserNameWithoutPassword() {
		assertStartupFails("prometheus.web.endpoint.basic-auth.username=scraper",
				"prometheus.web.endpoint.basic-auth.username", "prometheus.web.endpoint.basic-auth.password");
	}

	@Test
	void cardinalityLimitBelowOne() {
		assertStartupFails("prometheus.web.cardinality-limit=0", "prometheus.web.cardinality-limit", "0");
	}

	@Test
	void unknownGroupBy() {
		assertStartupFails("prometheus.web.group-by=sideways", "prometheus.web.group-by", "sideways");
	}

	@Test
	void quantileOutsideZeroToOne() {
		assertStartupFails("prometheus.web.summary-quantiles=0.5,1.5", "prometheus.web.summary-quantiles", "1.5");
		assertStartupFails("prometheus.web.summary-quantiles=0", "prometheus.web.summary-quantiles", "0.0");
	}

	@Test
	void endpointPathThatIsNotAPath() {
		assertStartupFails("prometheus.web.endpoint.path=metrics", "prometheus.web.endpoint.path", "metrics");
	}

	@Test
	void unknownConvention() {
		assertStartupFails("prometheus.web.convention=prometheus", "prometheus.web.convention", "prometheus");
	}

	@Test
	void emptyConvention() {
		assertStartupFails("prometheus.web.convention=", "prometheus.web.convention", "empty");
	}

	@Test
	void optionThatAppliesToNoneOfTheConventionsNamesBothProperties() {
		assertStartupFails(new String[] { "prometheus.web.convention=opentelemetry", "prometheus.web.group-by=path" },
				"prometheus.web.group-by 'path' does not apply to prometheus.web.convention 'opentelemetry'",
				"add flask to prometheus.web.convention");
		assertStartupFails(new String[] { "prometheus.web.convention=opentelemetry", "prometheus.web.prefix=shop" },
				"prometheus.web.prefix 'shop'", "prometheus.web.convention 'opentelemetry'");
		assertStartupFails(
				new String[] { "prometheus.web.convention=opentelemetry", "prometheus.web.latency-as-histogram=false" },
				"prometheus.web.latency-as-histogram 'false'", "add flask or micrometer to prometheus.web.convention");
		assertStartupFails(new String[] { "prometheus.web.convention=micrometer", "prometheus.web.buckets=0.1,1" },
				"prometheus.web.buckets '[0.1, 1.0]'", "prometheus.web.convention 'micrometer'");
		assertStartupFails(
				new String[] { "prometheus.web.convention=micrometer", "prometheus.web.in-progress.enabled=true" },
				"prometheus.web.in-progress.enabled 'true'", "prometheus.web.convention 'micrometer'");
		assertStartupFails(new String[] { "prometheus.web.convention=micrometer", "prometheus.web.sizes.enabled=true" },
				"prometheus.web.sizes.enabled 'true'", "prometheus.web.convention 'micrometer'");
		assertStartupFails(
				new String[] { "prometheus.web.convention=opentelemetry,micrometer",
						"prometheus.web.group-status-codes=true" },
				"prometheus.web.group-status-codes 'true'", "prometheus.web.convention 'opentelemetry,micrometer'");
	}

	@Test
	void optionThatAppliesToOneOfTheConventionsStarts() {
		this.contextRunner
			.withPropertyValues("prometheus.web.convention=flask,opentelemetry", "prometheus.web.group-by=path",
					"prometheus.web.prefix=shop")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void defaultLabelThatClashesWithALabelOfAConvention() {
		assertStartupFails(
				new String[] { "prometheus.web.convention=opentelemetry",
						"prometheus.web.default-labels.http_route=x" },
				"prometheus.web.default-labels.http_route 'http_route'", "prometheus.web.convention 'opentelemetry'");
		assertStartupFails(
				new String[] { "prometheus.web.convention=micrometer", "prometheus.web.default-labels.uri=x" },
				"prometheus.web.default-labels.uri 'uri'", "prometheus.web.convention 'micrometer'");
	}

	private void assertStartupFails(String property, String name, String value) {
		assertStartupFails(new String[] { property }, name, value);
	}

	private void assertStartupFails(String[] properties, String name, String value) {
		String property = String.join(", ", properties);
		this.contextRunner.withPropertyValues(properties).run((context) -> {
			assertThat(context).hasFailed();
			String messages = String.join("\n", messages(context.getStartupFailure()));
			assertThat(messages).as("startup failure for %s", property).contains(name).contains(value);
		});
	}

	private static List<String> messages(Throwable failure) {
		List<String> messages = new ArrayList<>();
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			messages.add(String.valueOf(cause.getMessage()));
		}
		return messages;
	}

}
