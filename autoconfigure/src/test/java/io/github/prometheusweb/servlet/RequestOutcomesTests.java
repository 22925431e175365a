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

import io.github.prometheusweb.testapp.MockApp;
import io.github.prometheusweb.testapp.Scrape;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Every row of the outcomes table: each request recorded exactly once, with the status
 * the client received. The rows where the servlet container matters (the error dispatch,
 * asynchronous requests) are in {@link EveryRequestOnceIntegrationTests} and
 * {@link AsyncRequestsIntegrationTests}.
 */
class RequestOutcomesTests {

	private MockApp app;

	@BeforeEach
	void start() {
		this.app = MockApp.start();
	}

	@AfterEach
	void stop() {
		this.app.close();
	}

	@Test
	void routeTemplateGroupsRequestsToOneRoute() {
		this.app.get(1, "/items/1", 200);
		this.app.get(1, "/items/2", 200);
		this.app.get(1, "/items/3", 200);
		Scrape scrape = this.app.scrape();
		scrape.assertValue(
				"spring_http_request_duration_seconds_count{method=\"GET\",status=\"200\",url_rule=\"/items/{id}\"}")
			.isEqualTo("3");
		scrape.assertValue("spring_http_request_total{method=\"GET\",status=\"200\"}").isEqualTo("3.0");
		assertThat(scrape.samples("spring_http_request_exceptions_total")).isEmpty();
	}

	@Test
	void handlerStatusIsRecordedAsAnswered() {
		this.app.get(2, "/status/201", 201);
		this.app.get(1, "/status/404", 404);
		this.app.get(3, "/status/500", 500);
		Scrape scrape = this.app.scrape();
		scrape.assertValue("spring_http_request_total{method=\"GET\",status=\"201\"}").isEqualTo("2.0");
		scrape.assertValue("spring_http_request_total{method=\"GET\",status=\"404\"}").isEqualTo("1.0");
		scrape.assertValue("spring_http_request_total{method=\"GET\",status=\"500\"}").isEqualTo("3.0");
		scrape.assertValue(
				"spring_http_request_duration_seconds_count{method=\"GET\",status=\"500\",url_rule=\"/status/{code}\"}")
			.isEqualTo("3");
		assertThat(scrape.samples("spring_http_request_exceptions_total")).isEmpty();
	}

	@Test
	void responseStatusExceptionIsItsStatusAndNoException() {
		this.app.get(2, "/response-status-exception", 503);
		this.app.get(1, "/annotated-exception", 409);
		Scrape scrape = this.app.scrape();
		scrape.assertValue("spring_http_request_total{method=\"GET\",status=\"503\"}").isEqualTo("2.0");
		scrape.assertValue(
				"spring_http_request_duration_seconds_count{method=\"GET\",status=\"503\",url_rule=\"/response-status-exception\"}")
			.isEqualTo("2");
		scrape.assertValue("spring_http_request_total{method=\"GET\",status=\"409\"}").isEqualTo("1.0");
		assertThat(scrape.samples("spring_http_request_exceptions_total")).isEmpty();
	}

	@Test
	void exceptionResolvedByExceptionHandlerIsTheHandlersStatusAndNoException() {
		this.app.get(2, "/handled", 400);
		Scrape scrape = this.app.scrape();
		scrape.assertValue("spring_http_request_total{method=\"GET\",status=\"400\"}").isEqualTo("2.0");
		scrape
			.assertValue(
					"spring_http_request_duration_seconds_count{method=\"GET\",status=\"400\",url_rule=\"/handled\"}")
			.isEqualTo("2");
		assertThat(scrape.samples("spring_http_request_exceptions_total")).isEmpty();
	}

	@Test
	void uncaughtExceptionIsOne500AndOneException() {
		this.app.get(3, "/boom", 500);
		Scrape scrape = this.app.scrape();
		scrape.assertValue("spring_http_request_total{method=\"GET\",status=\"500\"}").isEqualTo("3.0");
		scrape
			.assertValue("spring_http_request_duration_seconds_count{method=\"GET\",status=\"500\",url_rule=\"/boom\"}")
			.isEqualTo("3");
		scrape
			.assertValue(
					"spring_http_request_exceptions_total{exception=\"BoomException\",method=\"GET\",status=\"500\"}")
			.isEqualTo("3.0");
	}

	@Test
	void unmappedPathIsGroupedAsNone() {
		this.app.get(2, "/no/such/path", 404);
		Scrape scrape = this.app.scrape();
		scrape.assertValue("spring_http_request_total{method=\"GET\",status=\"404\"}").isEqualTo("2.0");
		scrape
			.assertValue("spring_http_request_duration_seconds_count{method=\"GET\",status=\"404\",url_rule=\"none\"}")
			.isEqualTo("2");
		assertThat(scrape.text()).doesNotContain("url_rule=\"/**\"").doesNotContain("url_rule=\"/error\"");
	}

	@Test
	void wrongMethodIs405GroupedAsNone() {
		assertThat(this.app.send("DELETE", "/items/1").statusCode()).isEqualTo(405);
		assertThat(this.app.get("/post-only").statusCode()).isEqualTo(405);
		Scrape scrape = this.app.scrape();
		scrape.assertValue("spring_http_request_total{method=\"DELETE\",status=\"405\"}").isEqualTo("1.0");
		scrape.assertValue("spring_http_request_total{method=\"GET\",status=\"405\"}").isEqualTo("1.0");
		scrape
			.assertValue("spring_http_request_duration_seconds_count{method=\"GET\",status=\"405\",url_rule=\"none\"}")
			.isEqualTo("1");
	}

	@Test
	void notAcceptableAndUnsupportedMediaTypeAreRecordedAsAnswered() {
		assertThat(this.app.get("/json", "Accept", "text/csv").statusCode()).isEqualTo(406);
		assertThat(this.app.perform(post("/consumes-json").contentType("text/plain").content("x")).statusCode())
			.isEqualTo(415);
		Scrape scrape = this.app.scrape();
		scrape.assertValue("spring_http_request_total{method=\"GET\",status=\"406\"}").isEqualTo("1.0");
		scrape.assertValue("spring_http_request_total{method=\"POST\",status=\"415\"}").isEqualTo("1.0");
	}

	@Test
	void missingParameterIs400OnItsRoute() {
		this.app.get(1, "/needs-param", 400);
		this.app.scrape()
			.assertValue(
					"spring_http_request_duration_seconds_count{method=\"GET\",status=\"400\",url_rule=\"/needs-param\"}")
			.isEqualTo("1");
	}

	@Test
	void rejectionByAFilterBeforeTheDispatcherServletIsGroupedAsNone() {
		this.app.get(2, "/secured/area", 401);
		Scrape scrape = this.app.scrape();
		scrape.assertValue("spring_http_request_total{method=\"GET\",status=\"401\"}").isEqualTo("2.0");
		scrape
			.assertValue("spring_http_request_duration_seconds_count{method=\"GET\",status=\"401\",url_rule=\"none\"}")
			.isEqualTo("2");
	}

	@Test
	void nonStandardMethodIsRecordedAsOther() {
		this.app.send("FOO", "/items/1");
		this.app.send("PROPFIND", "/test");
		Scrape scrape = this.app.scrape();
		scrape.assertValue("spring_http_request_total{method=\"_OTHER\",status=\"405\"}").isEqualTo("2.0");
		assertThat(scrape.text()).doesNotContain("method=\"FOO\"").doesNotContain("method=\"PROPFIND\"");
	}

	@Test
	void headAndOptionsAreRecordedWithTheirMethod() {
		assertThat(this.app.send("HEAD", "/items/7").statusCode()).isEqualTo(200);
		assertThat(this.app.send("OPTIONS", "/items/7").statusCode()).isEqualTo(200);
		Scrape scrape = this.app.scrape();
		scrape.assertValue(
				"spring_http_request_duration_seconds_count{method=\"HEAD\",status=\"200\",url_rule=\"/items/{id}\"}")
			.isEqualTo("1");
		scrape.assertValue("spring_http_request_total{method=\"OPTIONS\",status=\"200\"}").isEqualTo("1.0");
	}

	@Test
	void doNotTrackAndExcludeAllMetricsHandlersAreNotRecorded() {
		this.app.get(2, "/untracked", 200);
		this.app.get(2, "/exclude-all", 200);
		this.app.get(1, "/skip", 200);
		Scrape scrape = this.app.scrape();
		assertThat(scrape.samples("spring_http_request_total")).isEmpty();
		assertThat(scrape.samples("spring_http_request_duration_seconds")).isEmpty();
	}

	@Test
	void metricsEndpointIsNotRecorded() {
		this.app.scrape();
		this.app.scrape();
		Scrape scrape = this.app.scrape();
		assertThat(scrape.samples("spring_http_request_total")).isEmpty();
		assertThat(scrape.text()).doesNotContain("url_rule=\"/metrics\"");
	}

	@Test
	void durationCoversTheHandler() {
		this.app.get(1, "/sleep/150", 200);
		Scrape scrape = this.app.scrape();
		String series = "spring_http_request_duration_seconds_bucket{method=\"GET\",status=\"200\",url_rule=\"/sleep/{millis}\",le=\"%s\"}";
		scrape.assertValue(series.formatted("0.1")).isEqualTo("0");
		scrape.assertValue(series.formatted("10.0")).isEqualTo("1");
		scrape.assertValue(series.formatted("+Inf")).isEqualTo("1");
		assertThat(Double.parseDouble(scrape.value(
				"spring_http_request_duration_seconds_sum{method=\"GET\",status=\"200\",url_rule=\"/sleep/{millis}\"}")))
			.isGreaterThanOrEqualTo(0.15);
	}

}
