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

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.github.prometheusweb.testapp.MockApp;
import io.github.prometheusweb.testapp.Scrape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Tests for the basic authentication of the metrics endpoint
 * ({@code prometheus.web.endpoint.basic-auth.*}).
 *
 * @author prometheus-web authors
 */
@ExtendWith(OutputCaptureExtension.class)
class BasicAuthenticationTests {

	@Test
	void endpointAsksForCredentials(CapturedOutput output) {
		try (MockApp app = MockApp.start("prometheus.web.endpoint.basic-auth.username=prometheus",
				"prometheus.web.endpoint.basic-auth.password=s3cret-Pa55",
				"logging.level.io.github.prometheusweb=DEBUG")) {
			app.get(1, "/items/1", 200);
			MockApp.Answer anonymous = app.get("/metrics");
			assertThat(anonymous.statusCode()).isEqualTo(401);
			assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"metrics\"");
			assertThat(app.get("/metrics", "Authorization", basic("prometheus", "wrong")).statusCode()).isEqualTo(401);
			assertThat(app.get("/metrics", "Authorization", basic("other", "s3cret-Pa55")).statusCode()).isEqualTo(401);
			assertThat(app.get("/metrics", "Authorization", "Bearer s3cret-Pa55").statusCode()).isEqualTo(401);
			assertThat(app.get("/metrics", "Authorization", "Basic !!!").statusCode()).isEqualTo(401);
			MockApp.Answer authenticated = app.get("/metrics", "Authorization", basic("prometheus", "s3cret-Pa55"));
			assertThat(authenticated.statusCode()).isEqualTo(200);
			Scrape scrape = new Scrape(authenticated.body());
			scrape.assertValue("spring_http_request_total{method=\"GET\",status=\"200\"}").isEqualTo("1.0");
			// Rejected scrapes are scrapes: not recorded.
			assertThat(scrape.value("spring_http_request_total{method=\"GET\",status=\"401\"}")).isNull();
		}
		assertThat(output).doesNotContain("s3cret-Pa55");
	}

	@Test
	void otherPathsStayOpen() {
		try (MockApp app = MockApp.start("prometheus.web.endpoint.basic-auth.username=prometheus",
				"prometheus.web.endpoint.basic-auth.password=s3cret")) {
			assertThat(app.get("/items/1").statusCode()).isEqualTo(200);
			assertThat(app.get("/status/404").statusCode()).isEqualTo(404);
		}
	}

	@Test
	void withoutCredentialsTheEndpointIsOpen() {
		try (MockApp app = MockApp.start()) {
			assertThat(app.get("/metrics").statusCode()).isEqualTo(200);
		}
	}

	@Test
	void usernameWithoutPasswordFailsStartup() {
		Throwable failure = catchThrowable(
				() -> MockApp.start("prometheus.web.endpoint.basic-auth.username=prometheus"));
		assertThat(failure).hasStackTraceContaining(
				"prometheus.web.endpoint.basic-auth.username is set but prometheus.web.endpoint.basic-auth.password is not");
	}

	@Test
	void passwordWithoutUsernameFailsStartup(CapturedOutput output) {
		Throwable failure = catchThrowable(
				() -> MockApp.start("prometheus.web.endpoint.basic-auth.password=t0p-secret"));
		assertThat(failure).hasStackTraceContaining(
				"prometheus.web.endpoint.basic-auth.password is set but prometheus.web.endpoint.basic-auth.username is not");
		assertThat(output).doesNotContain("t0p-secret");
		assertThat(stackTrace(failure)).doesNotContain("t0p-secret");
	}

	private static String stackTrace(Throwable ex) {
		StringWriter writer = new StringWriter();
		ex.printStackTrace(new PrintWriter(writer));
		return writer.toString();
	}

	static String basic(String username, String password) {
		return "Basic "
				+ Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

}
