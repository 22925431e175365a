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

import java.util.ArrayList;
import java.util.List;

import io.github.prometheusweb.annotation.Label;
import io.github.prometheusweb.annotation.PrometheusCounter;
import io.github.prometheusweb.annotation.PrometheusGauge;
import io.github.prometheusweb.annotation.PrometheusHistogram;
import io.github.prometheusweb.testapp.MockApp;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.SmartFactoryBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A bad declaration fails startup with a message that says where it is and what is wrong.
 */
class StartupErrorsTests {

	@Test
	void unparsableExpressionNamesTheMethodAndTheExpression() {
		assertThat(startupFailure(new Class<?>[] { UnparsableExpression.class }))
			.contains(UnparsableExpression.class.getName() + ".call metric 'bad_expression'")
			.contains("label 'kind' value '#{#kind +}' is not a valid SpEL template");
	}

	@Test
	void annotationOnAMethodThatAopCannotInterceptFails() {
		assertThat(startupFailure(new Class<?>[] { PrivateMethod.class }))
			.contains(PrivateMethod.class.getName() + ".count is private, so Spring AOP never intercepts it");
	}

	@Test
	void invalidMetricNameIsReported() {
		assertThat(startupFailure(new Class<?>[] { InvalidMetricName.class }))
			.contains(InvalidMetricName.class.getName() + ".call: metric name '1bad' is not a valid metric name");
	}

	@Test
	void invalidLabelNameIsReported() {
		assertThat(startupFailure(new Class<?>[] { InvalidLabelName.class })).contains(InvalidLabelName.class.getName()
				+ ".call metric 'bad_label': label name 'bad-label' is not " + "a valid label name");
	}

	@Test
	void labelDeclaredTwiceIsReported() {
		assertThat(startupFailure(new Class<?>[] { LabelTwice.class }))
			.contains(LabelTwice.class.getName() + ".call metric 'label_twice': label 'kind' is declared twice");
	}

	@Test
	void conflictingDefinitionsNameBothMethods() {
		assertThat(startupFailure(new Class<?>[] { ConflictingTypes.class }))
			.contains("Custom metric 'shared' is declared differently by " + ConflictingTypes.class.getName()
					+ ".counted and by " + ConflictingTypes.class.getName() + ".inProgress (type counter vs gauge)");
		assertThat(startupFailure(new Class<?>[] { ConflictingBuckets.class }))
			.contains("Custom metric 'timed' is declared differently by " + ConflictingBuckets.class.getName()
					+ ".fast and by " + ConflictingBuckets.class.getName() + ".slow (buckets [0.1] vs [10.0])");
	}

	@Test
	void badDeclarationOnABeanWhoseClassIsUnknownAtStartupFailsItsCreation() {
		assertThat(startupFailure(new Class<?>[] { MadeByAFactory.class }))
			.contains(Counted.class.getName() + ".call: metric name '1bad' is not a valid metric name");
	}

	@Test
	void badPropertiesNameThePropertyAndTheValue() {
		assertThat(startupFailure(new Class<?>[0], "prometheus.web.default-labels.dm=#{#request.}"))
			.contains("prometheus.web.default-labels.dm: label 'dm' value '#{#request.}' is not a valid SpEL template");
		assertThat(startupFailure(new Class<?>[0], "prometheus.web.metrics[0].name=1bad",
				"prometheus.web.metrics[0].help=Bad"))
			.contains("prometheus.web.metrics[0].name '1bad' is not a valid metric name");
		assertThat(startupFailure(new Class<?>[0], "prometheus.web.metrics[0].name=in_progress",
				"prometheus.web.metrics[0].help=Requests in progress", "prometheus.web.metrics[0].type=gauge"))
			.contains("prometheus.web.metrics[0].type 'GAUGE' is not supported: use counter, histogram or summary");
		assertThat(startupFailure(new Class<?>[0], "prometheus.web.metrics[0].name=by_path",
				"prometheus.web.metrics[0].help=By path", "prometheus.web.metrics[0].labels.path=#{#request.}"))
			.contains("prometheus.web.metrics[0].labels.path: label 'path' value '#{#request.}' is not a valid "
					+ "SpEL template");
		assertThat(startupFailure(new Class<?>[0], "prometheus.web.info.name=bad-name"))
			.contains("prometheus.web.info.name 'bad-name' is not a valid metric name");
	}

	private static String startupFailure(Class<?>[] sources, String... properties) {
		Throwable failure = catchThrowable(() -> MockApp.start(sources, properties).close());
		assertThat(failure).as("startup failure").isNotNull();
		List<String> messages = new ArrayList<>();
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			messages.add(String.valueOf(cause.getMessage()));
		}
		return String.join("\n", messages);
	}

	@Configuration(proxyBeanMethods = false)
	static class MadeByAFactory {

		@Bean
		static SmartFactoryBean<Object> counted() {
			return new SmartFactoryBean<>() {

				@Override
				public Object getObject() {
					return new Counted();
				}

				@Override
				public Class<?> getObjectType() {
					return null;
				}

				@Override
				public boolean isEagerInit() {
					return true;
				}

			};
		}

	}

	/**
	 * A class that only its factory knows, so its type is unknown until it is made.
	 */
	public static class Counted {

		@PrometheusCounter(name = "1bad", help = "Bad")
		public void call() {
		}

	}

	@Service
	static class UnparsableExpression {

		@PrometheusCounter(name = "bad_expression", help = "Bad", labels = @Label(name = "kind", value = "#{#kind +}"))
		public void call(String kind) {
		}

	}

	@Service
	static class PrivateMethod {

		public void call() {
			count();
		}

		@PrometheusCounter(name = "never_counted", help = "Never counted")
		private void count() {
		}

	}

	@Service
	static class InvalidMetricName {

		@PrometheusCounter(name = "1bad", help = "Bad")
		public void call() {
		}

	}

	@Service
	static class InvalidLabelName {

		@PrometheusCounter(name = "bad_label", help = "Bad", labels = @Label(name = "bad-label", value = "x"))
		public void call() {
		}

	}

	@Service
	static class LabelTwice {

		@PrometheusCounter(name = "label_twice", help = "Bad",
				labels = { @Label(name = "kind", value = "a"), @Label(name = "kind", value = "b") })
		public void call() {
		}

	}

	@Service
	static class ConflictingTypes {

		@PrometheusCounter(name = "shared", help = "Shared")
		public void counted() {
		}

		@PrometheusGauge(name = "shared", help = "Shared")
		public void inProgress() {
		}

	}

	@Service
	static class ConflictingBuckets {

		@PrometheusHistogram(name = "timed", help = "Timed", buckets = 0.1)
		public void fast() {
		}

		@PrometheusHistogram(name = "timed", help = "Timed", buckets = 10.0)
		public void slow() {
		}

	}

}
