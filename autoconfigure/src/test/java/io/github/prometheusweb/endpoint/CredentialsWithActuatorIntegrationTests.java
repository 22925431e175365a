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
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import io.github.prometheusweb.testapp.RunningApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The password of {@code prometheus.web.endpoint.basic-auth} never shows in Spring Boot
 * Actuator's {@code env} and {@code configprops} endpoints, even where they are set to
 * show every value, under any spelling of its property name (the environment variable
 * {@code PROMETHEUS_WEB_ENDPOINT_BASICAUTH_PASSWORD} too), nor in the log.
 */
@ExtendWith(OutputCaptureExtension.class)
class CredentialsWithActuatorIntegrationTests {

	private static final String PASSWORD = "Act-u4t0r-s3cret";

	private static final String[] SHOW_VALUES = { "management.endpoints.web.exposure.include=env,configprops",
			"management.endpoint.env.show-values=ALWAYS", "management.endpoint.configprops.show-values=ALWAYS" };

	@Test
	void envAndConfigpropsNeverShowThePassword(CapturedOutput output) {
		try (RunningApp app = RunningApp.start(properties("prometheus.web.endpoint.basic-auth.username=prometheus",
				"prometheus.web.endpoint.basic-auth.password=" + PASSWORD))) {
			String env = body(app, "/actuator/env");
			assertThat(env.contains("\"prometheus.web.endpoint.basic-auth.username\":{\"value\":\"prometheus\""))
				.as("/actuator/env shows the user name")
				.isTrue();
			assertThat(env.contains(PASSWORD)).as("/actuator/env shows the password").isFalse();
			assertThat(body(app, "/actuator/env/prometheus.web.endpoint.basic-auth.password"))
				.contains("\"value\":\"******\"")
				.doesNotContain(PASSWORD);
			String configprops = body(app, "/actuator/configprops");
			assertThat(configprops.contains("\"username\":\"prometheus\""))
				.as("/actuator/configprops shows the user name")
				.isTrue();
			assertThat(configprops.contains(PASSWORD)).as("/actuator/configprops shows the password").isFalse();
			assertThat(body(app, "/actuator/configprops/prometheus.web")).contains("\"password\":\"******\"")
				.doesNotContain(PASSWORD);
		}
		assertThat(output).doesNotContain(PASSWORD)
			.doesNotContain(
					Base64.getEncoder().encodeToString(("prometheus:" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void everySpellingOfThePasswordPropertyIsHidden() {
		try (RunningApp app = RunningApp.start(SHOW_VALUES)) {
			List<SanitizingFunction> functions = app.context()
				.getBeanProvider(SanitizingFunction.class)
				.orderedStream()
				.toList();
			for (String key : new String[] { "prometheus.web.endpoint.basic-auth.password",
					"PROMETHEUS_WEB_ENDPOINT_BASICAUTH_PASSWORD", "prometheus.web.endpoint.basicAuth.password",
					"prometheus.web.endpoint.basic_auth.password" }) {
				assertThat(sanitize(functions, key, PASSWORD)).as(key).isEqualTo("******");
			}
			for (String key : new String[] { "prometheus.web.endpoint.basic-auth.username",
					"prometheus.web.endpoint.path", "server.port" }) {
				assertThat(sanitize(functions, key, "value")).as(key).isEqualTo("value");
			}
		}
	}

	private static Object sanitize(List<SanitizingFunction> functions, String key, Object value) {
		SanitizableData data = new SanitizableData(null, key, value);
		for (SanitizingFunction function : functions) {
			data = function.apply(data);
		}
		return data.getValue();
	}

	private static String[] properties(String... credentials) {
		String[] all = new String[SHOW_VALUES.length + credentials.length];
		System.arraycopy(SHOW_VALUES, 0, all, 0, SHOW_VALUES.length);
		System.arraycopy(credentials, 0, all, SHOW_VALUES.length, credentials.length);
		return all;
	}

	private static String body(RunningApp app, String path) {
		HttpResponse<String> response = app.get(path);
		assertThat(response.statusCode()).as("status of %s", path).isEqualTo(200);
		return response.body();
	}

}
