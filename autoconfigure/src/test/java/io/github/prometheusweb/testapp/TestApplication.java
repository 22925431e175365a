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

package io.github.prometheusweb.testapp;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;

/**
 * What the behaviour tests run: the test controllers, plus a filter that rejects
 * {@code /secured/**} with 401 before the {@code DispatcherServlet}, as a security filter
 * would. {@link RunningApp} runs it with every auto-configuration of the classpath, as an
 * application would; {@link MockApp} with those that Spring MVC and prometheus-web need.
 */
@SpringBootConfiguration
@Import({ TestController.class, AsyncController.class, UntrackedController.class })
public class TestApplication {

	@Bean
	FilterRegistrationBean<Filter> rejectingFilter() {
		Filter filter = (request, response, chain) -> {
			HttpServletRequest httpRequest = (HttpServletRequest) request;
			if (httpRequest.getRequestURI().startsWith("/secured")) {
				((HttpServletResponse) response).sendError(401);
				return;
			}
			chain.doFilter(request, response);
		};
		FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
		return registration;
	}

}
