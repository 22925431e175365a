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
package io.github.prometheusweb.endpoint;

import java.net.http.HttpResponse;

import io.github.prometheusweb.testapp.RunningApp;
import io.github.prometheusweb.testapp.ServletContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bad scrape request gets a 4xx or a sensible fallback, never a 500, and never a 406
 * for a reasonable scraper.
 */
class BadScrapeRequestIntegrationTests {

	private RunningApp app;

	@BeforeEach
	void start() {
		this.app = RunningApp.start();
	}

	@AfterEach
	void stop() {
		this.app.close();
	}

	@Test
	void malformedNameFilterIsABadRequest() {
		assertThat(this.app.rawGetStatus("/metrics?name%5B%5D=%ZZ")).isEqualTo(400);
		assertThat(this.app.rawGetStatus("/metrics?name%5B%5D=%")).isEqualTo(400);
	}

	@Test
	void hugeQueryIsRejectedWithA4xx() {
		String names = "name%5B%5D=" + "x".repeat(20_000);
		assertThat(this.app.get("/metrics?" + names).statusCode()).isBetween(400, 499);
		StringBuilder many = new StringBuilder("/metrics?");
		for (int i = 0; i < 1100; i++) {
			many.append("name%5B%5D=a").append(i).append('&');
		}
		assertThat(this.app.get(many.toString()).statusCode()).isBetween(400, 499);
	}

	@Test
	void unknownFilterMatchesNothing() {
		HttpResponse<String> response = this.app.get("/metrics?name%5B%5D=no_such_metric");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEmpty();
	}

	@Test
	void unknownOrOddAcceptFallsBackToText() {
		String textFormat = ServletContainer.current().sends("text/plain; version=0.0.4; charset=utf-8");
		for (String accept : new String[] { "application/json", "foo/bar;;;q=x", "*/*", "text/html", "" }) {
			HttpResponse<String> response = accept.isEmpty() ? this.app.get("/metrics")
					: this.app.get("/metrics", "Accept", accept);
			assertThat(response.statusCode()).as(accept).isEqualTo(200);
			assertThat(response.headers().firstValue("Content-Type")).as(accept).hasValue(textFormat);
		}
	}

	@Test
	void headIsHeadersOnly() {
		HttpResponse<String> response = this.app.send("HEAD", "/metrics", "Accept",
				"application/openmetrics-text; version=1.0.0");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEmpty();
	}

	@Test
	void otherMethodsAreNotAllowed() {
		assertThat(this.app.send("POST", "/metrics").statusCode()).isEqualTo(405);
		assertThat(this.app.send("DELETE", "/metrics").statusCode()).isEqualTo(405);
	}

}
