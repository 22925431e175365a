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

import io.github.prometheusweb.grouping.GroupByStrategy;
import io.github.prometheusweb.grouping.HandlerDetails;
import io.github.prometheusweb.metrics.RequestRecorder;
import io.github.prometheusweb.testapp.MockApp;
import io.github.prometheusweb.testapp.Scrape;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A failure in metrics code never changes or breaks the application's response, is logged
 * once, not once per request, and leaves no metric in a wrong state.
 */
@ExtendWith(OutputCaptureExtension.class)
class MetricsFailureTests {

	@Test
	void failingRecorderLeavesResponsesUnchangedAndIsLoggedOnce(CapturedOutput output) {
		try (MockApp app = MockApp.start(new Class<?>[] { FailingRecorderConfiguration.class })) {
			assertResponsesUnchanged(app);
			assertThat(occurrences(output.getOut() + output.getErr(), "Failed to record the metrics of a request"))
				.isEqualTo(1);
			assertThat(output.getOut() + output.getErr()).contains("recorder broke");
			app.scrape()
				.assertValue("spring_http_request_total{method=\"GET\",status=\"200\"}")
				.as("the other recorders still record")
				.isEqualTo("5.0");
		}
	}

	@Test
	void failingGroupByStrategyLeavesResponsesUnchangedAndIsLoggedOnce(CapturedOutput output) {
		try (MockApp app = MockApp.start(new Class<?>[] { FailingGroupingConfiguration.class })) {
			assertResponsesUnchanged(app);
			assertThat(occurrences(output.getOut() + output.getErr(), "The group-by strategy failed")).isEqualTo(1);
			assertThat(output.getOut() + output.getErr()).contains("grouping broke");
			Scrape scrape = app.scrape();
			scrape.assertValue("spring_http_request_total{method=\"GET\",status=\"200\"}")
				.as("the metrics without the group label still record")
				.isEqualTo("5.0");
			assertThat(scrape.samples("spring_http_request_duration_seconds_count")).isEmpty();
		}
	}

	@Test
	void asynchronousRequestThatCannotBeFollowedIsRecordedAtOnceAndLeavesTheInProgressGauge(CapturedOutput output) {
		try (MockApp app = MockApp.start(new Class<?>[] { UnfollowableAsyncConfiguration.class },
				"prometheus.web.in-progress.enabled=true")) {
			assertThat(app.get("/async/deferred").statusCode()).isEqualTo(200);
			Scrape scrape = app.scrape();
			scrape.assertValue("spring_http_requests_in_progress{method=\"GET\"}").isEqualTo("0.0");
			scrape.assertValue("spring_http_request_total{method=\"GET\",status=\"200\"}").isEqualTo("1.0");
			assertThat(output.getOut() + output.getErr()).contains("Failed to follow an asynchronous request")
				.contains("no listeners here");
		}
	}

	private static void assertResponsesUnchanged(MockApp app) {
		for (int i = 0; i < 5; i++) {
			MockApp.Answer response = app.get("/items/" + i);
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.body()).isEqualTo("item " + i);
		}
		assertThat(app.get("/boom").statusCode()).isEqualTo(500);
		assertThat(app.get("/handled").body()).isEqualTo("handled");
	}

	private static int occurrences(String text, String part) {
		return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
	}

	@Configuration(proxyBeanMethods = false)
	static class FailingRecorderConfiguration {

		@Bean
		RequestRecorder failingRecorder() {
			return (request) -> {
				throw new IllegalStateException("recorder broke");
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class FailingGroupingConfiguration {

		@Bean
		GroupByStrategy failingGrouping() {
			return new GroupByStrategy() {

				@Override
				public String labelName() {
					return "broken";
				}

				@Override
				public String labelValue(HttpServletRequest request, HandlerDetails handler) {
					throw new IllegalStateException("grouping broke");
				}

			};
		}

	}

	/**
	 * A filter ahead of the metrics filter whose requests take no asynchronous listener.
	 */
	@Configuration(proxyBeanMethods = false)
	static class UnfollowableAsyncConfiguration {

		@Bean
		FilterRegistrationBean<Filter> unfollowableAsync() {
			Filter filter = (request, response, chain) -> chain
				.doFilter(new HttpServletRequestWrapper((HttpServletRequest) request) {

					@Override
					public AsyncContext getAsyncContext() {
						AsyncContext context = super.getAsyncContext();
						if (context == null) {
							return null;
						}
						ProxyFactory proxy = new ProxyFactory(context);
						proxy.addAdvice((org.aopalliance.intercept.MethodInterceptor) (invocation) -> {
							if (invocation.getMethod().getName().equals("addListener")) {
								throw new IllegalStateException("no listeners here");
							}
							return invocation.proceed();
						});
						return (AsyncContext) proxy.getProxy();
					}

				}, response);
			FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
			return registration;
		}

	}

}
