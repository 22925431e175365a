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

import java.net.http.HttpResponse;

import io.github.prometheusweb.grouping.GroupByStrategy;
import io.github.prometheusweb.grouping.HandlerDetails;
import io.github.prometheusweb.metrics.RequestRecorder;
import io.github.prometheusweb.testapp.RunningApp;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A failure in metrics code never changes or breaks the application's response, and is
 * logged once, not once per request.
 */
@ExtendWith(OutputCaptureExtension.class)
class MetricsFailureIntegrationTests {

	@Test
	void failingRecorderLeavesResponsesUnchangedAndIsLoggedOnce(CapturedOutput output) {
		try (RunningApp app = RunningApp.start(new Class<?>[] { FailingRecorderConfiguration.class })) {
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
		try (RunningApp app = RunningApp.start(new Class<?>[] { FailingGroupingConfiguration.class })) {
			assertResponsesUnchanged(app);
			assertThat(occurrences(output.getOut() + output.getErr(), "Failed to record the metrics of a request"))
				.isEqualTo(1);
			assertThat(output.getOut() + output.getErr()).contains("grouping broke");
			app.scrape()
				.assertValue("spring_http_request_total{method=\"GET\",status=\"200\"}")
				.as("the metrics without the group label still record")
				.isEqualTo("5.0");
		}
	}

	private static void assertResponsesUnchanged(RunningApp app) {
		for (int i = 0; i < 5; i++) {
			HttpResponse<String> response = app.get("/items/" + i);
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

}
