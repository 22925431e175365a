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

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.github.prometheusweb.testapp.RunningApp;
import io.github.prometheusweb.testapp.Scrape;
import org.junit.jupiter.api.Test;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests that Spring Security rejects before the {@code DispatcherServlet} are recorded
 * once, with their status and the group value {@code none}; the application's own
 * {@code SecurityFilterChain} protects the metrics endpoint. Runs in the
 * {@code with-security} test execution, whose classpath has Spring Security.
 */
class RejectionsWithSecurityIntegrationTests {

	private static final String USER = "Basic "
			+ Base64.getEncoder().encodeToString("user:secret".getBytes(StandardCharsets.UTF_8));

	@Test
	void unauthorizedAndForbiddenRequestsAreRecordedOnce() {
		try (RunningApp app = RunningApp.start(new Class<?>[] { SecurityConfiguration.class })) {
			assertThat(app.get("/items/1").statusCode()).isEqualTo(401);
			assertThat(app.get("/items/2").statusCode()).isEqualTo(401);
			assertThat(app.get("/items/3", "Authorization", USER).statusCode()).isEqualTo(200);
			assertThat(app.get("/status/200", "Authorization", USER).statusCode()).isEqualTo(403);
			assertThat(app.get("/test").statusCode()).isEqualTo(200);
			Scrape scrape = new Scrape(app.get("/metrics", "Authorization", USER).body());
			scrape.assertValue("spring_http_request_total{method=\"GET\",status=\"401\"}").isEqualTo("2.0");
			scrape
				.assertValue(
						"spring_http_request_duration_seconds_count{method=\"GET\",status=\"401\",url_rule=\"none\"}")
				.isEqualTo("2");
			scrape.assertValue("spring_http_request_total{method=\"GET\",status=\"403\"}").isEqualTo("1.0");
			scrape
				.assertValue(
						"spring_http_request_duration_seconds_count{method=\"GET\",status=\"403\",url_rule=\"none\"}")
				.isEqualTo("1");
			scrape.assertValue(
					"spring_http_request_duration_seconds_count{method=\"GET\",status=\"200\",url_rule=\"/items/{id}\"}")
				.isEqualTo("1");
			scrape.assertValue("spring_http_request_total{method=\"GET\",status=\"200\"}").isEqualTo("2.0");
		}
	}

	@Test
	void applicationsSecurityFilterChainProtectsTheMetricsEndpoint() {
		try (RunningApp app = RunningApp.start(new Class<?>[] { SecurityConfiguration.class })) {
			assertThat(app.get("/metrics").statusCode()).isEqualTo(401);
			Scrape scrape = new Scrape(app.get("/metrics", "Authorization", USER).body());
			scrape
				.assertValue(
						"spring_http_request_duration_seconds_count{method=\"GET\",status=\"401\",url_rule=\"none\"}")
				.as("a rejected scrape is an ordinary rejected request")
				.isEqualTo("1");
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class SecurityConfiguration {

		@Bean
		SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
			http.authorizeHttpRequests((requests) -> requests.requestMatchers("/status/**")
				.hasRole("ADMIN")
				.requestMatchers("/items/**", "/metrics")
				.authenticated()
				.anyRequest()
				.permitAll()).httpBasic(Customizer.withDefaults()).csrf((csrf) -> csrf.disable());
			return http.build();
		}

		@Bean
		InMemoryUserDetailsManager users() {
			return new InMemoryUserDetailsManager(
					User.withUsername("user").password("{noop}secret").roles("USER").build());
		}

	}

}
