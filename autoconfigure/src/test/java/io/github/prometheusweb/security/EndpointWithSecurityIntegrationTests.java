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

package io.github.prometheusweb.security;

import java.net.http.HttpResponse;
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
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With Spring Security, the application's own {@link SecurityFilterChain} protects the
 * metrics endpoint like any other path. Runs in its own surefire execution, the only one
 * with Spring Security on the classpath.
 *
 * @author prometheus-web authors
 */
class EndpointWithSecurityIntegrationTests {

	@Test
	void securityFilterChainProtectsTheEndpoint() {
		try (RunningApp app = RunningApp.start(new Class<?>[] { MetricsSecurity.class })) {
			app.get(1, "/items/1", 200);
			HttpResponse<String> anonymous = app.get("/metrics");
			assertThat(anonymous.statusCode()).isEqualTo(401);
			assertThat(anonymous.headers().firstValue("WWW-Authenticate"))
				.hasValueSatisfying((challenge) -> assertThat(challenge).startsWith("Basic realm="));
			assertThat(app.get("/metrics", "Authorization", basic("prometheus", "wrong")).statusCode()).isEqualTo(401);
			HttpResponse<String> authenticated = app.get("/metrics", "Authorization", basic("prometheus", "s3cret"));
			assertThat(authenticated.statusCode()).isEqualTo(200);
			Scrape scrape = new Scrape(authenticated.body());
			scrape.assertValue("spring_http_request_total{method=\"GET\",status=\"200\"}").isEqualTo("1.0");
			// Rejected by a filter before the DispatcherServlet: recorded, with no route.
			scrape.assertValue("spring_http_request_total{method=\"GET\",status=\"401\"}").isEqualTo("2.0");
			scrape
				.assertValue(
						"spring_http_request_duration_seconds_count{method=\"GET\",status=\"401\",url_rule=\"none\"}")
				.isEqualTo("2");
		}
	}

	private static String basic(String username, String password) {
		return "Basic "
				+ Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	@Configuration(proxyBeanMethods = false)
	static class MetricsSecurity {

		@Bean
		SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
			http.authorizeHttpRequests(
					(requests) -> requests.requestMatchers("/metrics").hasRole("METRICS").anyRequest().permitAll())
				.httpBasic(Customizer.withDefaults())
				.csrf((csrf) -> csrf.disable());
			return http.build();
		}

		@Bean
		UserDetailsService users() {
			return new InMemoryUserDetailsManager(
					User.withUsername("prometheus").password("{noop}s3cret").roles("METRICS").build());
		}

	}

}
