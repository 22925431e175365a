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

import io.github.prometheusweb.autoconfigure.PrometheusWebProperties;
import io.github.prometheusweb.testapp.MockApp;
import io.github.prometheusweb.testapp.RunningApp;
import io.github.prometheusweb.testapp.Scrape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Tests for the basic authentication of the metrics endpoint
 * ({@code prometheus.web.endpoint.basic-auth.*}), and that its password shows in no log,
 * no error message and no {@code toString()}.
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

	@Test
	void wrongCredentialsOnARealServerNeverShowThePasswordEvenAtTraceLevel(CapturedOutput output) {
		String password = "s3cret-Pa55";
		try (RunningApp app = RunningApp.start("prometheus.web.endpoint.basic-auth.username=prometheus",
				"prometheus.web.endpoint.basic-auth.password=" + password,
				"logging.level.io.github.prometheusweb=TRACE")) {
			for (String authorization : new String[] { basic("prometheus", "wrong-guess"),
					basic("prometheus", password + "x"), basic("Prometheus", password), "Basic !!!",
					"Basic " + password, "Bearer " + password }) {
				assertThat(app.get("/metrics", "Authorization", authorization).statusCode()).as(authorization)
					.isEqualTo(401);
			}
			assertThat(app.get("/metrics?debug=nonsense", "Authorization", basic("prometheus", password)).statusCode())
				.isEqualTo(400);
			assertThat(app.get("/metrics", "Authorization", basic("prometheus", password)).statusCode()).isEqualTo(200);
			assertThat(app.context().getBean(PrometheusWebProperties.class).getEndpoint().getBasicAuth())
				.hasToString("BasicAuth[username=(set), password=(set)]");
		}
		assertThat(output).doesNotContain(password)
			.doesNotContain("wrong-guess")
			.doesNotContain(basic("prometheus", password).substring(6));
	}

	@Test
	void startupFailedByARelatedPropertyNeverShowsThePassword(CapturedOutput output) {
		String password = "t0p-s3cret-2";
		Throwable failure = catchThrowable(() -> RunningApp.start("debug=true",
				"prometheus.web.endpoint.basic-auth.username=prometheus",
				"prometheus.web.endpoint.basic-auth.password=" + password, "prometheus.web.endpoint.path=metrics"));
		assertThat(failure).hasStackTraceContaining("prometheus.web.endpoint.path 'metrics' must start with '/'");
		assertThat(stackTrace(failure)).doesNotContain(password);
		assertThat(output).contains("APPLICATION FAILED TO START").doesNotContain(password);
	}

	@Test
	void startupFailedByAMisspelledPasswordKeyNeverShowsThePassword(CapturedOutput output) {
		String password = "t0p-s3cret-3";
		Throwable failure = catchThrowable(
				() -> RunningApp.start("prometheus.web.endpoint.basic-auth.username=prometheus",
						"prometheus.web.endpoint.basic-auth.pasword=" + password));
		assertThat(failure).hasStackTraceContaining(
				"prometheus.web.endpoint.basic-auth.username is set but prometheus.web.endpoint.basic-auth.password is not");
		assertThat(stackTrace(failure)).doesNotContain(password);
		assertThat(output).doesNotContain(password);
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
