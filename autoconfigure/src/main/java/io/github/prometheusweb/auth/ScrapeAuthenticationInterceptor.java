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

package io.github.prometheusweb.auth;

import io.github.prometheusweb.endpoint.PrometheusScrapeController;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Answers a scrape of the metrics endpoint without the configured credentials with 401
 * and a basic authentication challenge. Other handlers pass untouched. Runs after the
 * interceptor that marks the endpoint as untracked, so rejected scrapes are not recorded
 * either.
 *
 * @author prometheus-web authors
 */
public class ScrapeAuthenticationInterceptor implements HandlerInterceptor {

	private final ScrapeAuthentication authentication;

	/**
	 * Creates the interceptor.
	 * @param authentication the credentials a scrape must present
	 */
	public ScrapeAuthenticationInterceptor(ScrapeAuthentication authentication) {
		this.authentication = authentication;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!(handler instanceof HandlerMethod handlerMethod)
				|| !PrometheusScrapeController.class.isAssignableFrom(handlerMethod.getBeanType())
				|| this.authentication.allows(request.getHeader("Authorization"))) {
			return true;
		}
		response.setHeader("WWW-Authenticate", ScrapeAuthentication.CHALLENGE);
		response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
		return false;
	}

}
