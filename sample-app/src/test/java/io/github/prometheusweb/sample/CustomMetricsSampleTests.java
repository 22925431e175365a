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
package io.github.prometheusweb.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample app's custom metrics, as a user scrapes them.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "server.address=127.0.0.1")
class CustomMetricsSampleTests {

	private static final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	@LocalServerPort
	private int port;

	@Autowired
	private ObjectProvider<BuildProperties> build;

	@Test
	void customMetricsAreScrapedWithTheirLabels() throws Exception {
		assertThat(value(scrape(), "checkout_attempts_total{channel=\"web\"}")).isEqualTo("0.0");
		assertThat(send("GET", "/types/book").statusCode()).isEqualTo(200);
		assertThat(send("GET", "/types/book").statusCode()).isEqualTo(200);
		assertThat(send("GET", "/search").statusCode()).isEqualTo(400);
		assertThat(send("POST", "/checkout?item=pen").statusCode()).isEqualTo(200);
		assertThat(send("GET", "/ping").statusCode()).isEqualTo(200);
		assertThat(send("GET", "/internal").statusCode()).isEqualTo(200);
		String scrape = scrape();
		assertThat(value(scrape, "invocation_by_type_total{item_type=\"book\"}")).isEqualTo("2.0");
		assertThat(value(scrape, "search_seconds_count{status=\"400\"}")).isEqualTo("1");
		assertThat(value(scrape, "checkout_attempts_total{channel=\"web\"}")).isEqualTo("1.0");
		assertThat(value(scrape, "checkout_seconds_bucket{le=\"+Inf\"}")).isEqualTo("1");
		assertThat(value(scrape, "pings_total")).isEqualTo("1.0");
		assertThat(value(scrape, "reports_in_progress")).isEqualTo("0.0");
		assertThat(value(scrape, "requests_by_route_total{route=\"/types/{type}\",status=\"200\"}")).isEqualTo("2.0");
		assertThat(value(scrape, "requests_by_route_total{route=\"/search\",status=\"400\"}")).isEqualTo("1.0");
		assertThat(scrape).doesNotContain("/ping").doesNotContain("/internal");
		BuildProperties buildInfo = this.build.getIfAvailable();
		if (buildInfo != null) {
			assertThat(value(scrape,
					"app_info{name=\"" + buildInfo.getName() + "\",version=\"" + buildInfo.getVersion() + "\"}"))
				.isEqualTo("1");
		}
	}

	private String scrape() throws IOException, InterruptedException {
		HttpResponse<String> response = send("GET", "/metrics");
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	private HttpResponse<String> send(String method, String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(30))
			.method(method, BodyPublishers.noBody())
			.build();
		return client.send(request, BodyHandlers.ofString());
	}

	private static String value(String scrape, String series) {
		return Arrays.stream(scrape.split("\n"))
			.filter((line) -> line.startsWith(series + " "))
			.map((line) -> line.substring(series.length() + 1).split(" ")[0])
			.findFirst()
			.orElse(null);
	}

}
