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
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The sample application on a real server: the scenario of the README, and a scrape that
 * {@code promtool check metrics} accepts.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "server.address=127.0.0.1")
class SampleApplicationTests {

	private static final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	@Autowired
	private Environment environment;

	@Test
	void itemsAndFailuresAreCountedExactly() throws Exception {
		for (int id = 1; id <= 3; id++) {
			assertThat(get("/items/" + id).statusCode()).isEqualTo(200);
		}
		for (int i = 0; i < 3; i++) {
			assertThat(get("/fail").statusCode()).isEqualTo(500);
		}
		assertThat(get("/crash").statusCode()).isEqualTo(500);
		String scrape = get("/metrics").body();
		assertThat(scrape).contains(
				"spring_http_request_duration_seconds_count{method=\"GET\",status=\"200\",url_rule=\"/items/{id}\"} 3\n",
				"spring_http_request_total{method=\"GET\",status=\"500\"} 4.0\n",
				"spring_http_request_duration_seconds_count{method=\"GET\",status=\"500\",url_rule=\"/fail\"} 3\n",
				"spring_http_request_exceptions_total{exception=\"IllegalStateException\",method=\"GET\",status=\"500\"} 1.0\n");
		assertPromtoolAccepts(scrape);
	}

	private void assertPromtoolAccepts(String scrape) throws IOException, InterruptedException {
		boolean required = Boolean.parseBoolean(System.getenv("PROMTOOL_REQUIRED"));
		boolean installed = Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":"))
			.anyMatch((dir) -> Files.isExecutable(Path.of(dir, "promtool")));
		assertThat(installed || !required).as("promtool on the PATH (PROMTOOL_REQUIRED=true)").isTrue();
		assumeTrue(installed, "promtool is not installed");
		Process promtool = new ProcessBuilder("promtool", "check", "metrics").redirectErrorStream(true).start();
		try (OutputStream in = promtool.getOutputStream()) {
			in.write(scrape.getBytes(StandardCharsets.UTF_8));
		}
		String output = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(promtool.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(output).as("promtool check metrics output").isEmpty();
		assertThat(promtool.exitValue()).isZero();
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		String port = this.environment.getProperty("local.server.port");
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(30))
			.build();
		return client.send(request, BodyHandlers.ofString());
	}

}
