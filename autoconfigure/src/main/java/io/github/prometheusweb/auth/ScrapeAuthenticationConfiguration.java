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

import io.github.prometheusweb.autoconfigure.PrometheusWebProperties;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The optional basic authentication of the metrics endpoint and the separate metrics
 * server ({@code prometheus.web.endpoint.basic-auth.*}).
 *
 * @author prometheus-web authors
 */
@Configuration(proxyBeanMethods = false)
public class ScrapeAuthenticationConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ScrapeAuthentication scrapeAuthentication(PrometheusWebProperties properties) {
		return ScrapeAuthentication.of(properties.getEndpoint().getBasicAuth());
	}

	/**
	 * Protection of the metrics endpoint of the application.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = "prometheus.web.endpoint.enabled", matchIfMissing = true)
	static class EndpointProtectionConfiguration {

		@Bean
		WebMvcConfigurer scrapeAuthenticationWebMvcConfigurer(ScrapeAuthentication authentication) {
			ScrapeAuthenticationInterceptor interceptor = new ScrapeAuthenticationInterceptor(authentication);
			return new WebMvcConfigurer() {

				@Override
				public void addInterceptors(InterceptorRegistry registry) {
					if (authentication.isRequired()) {
						// After the interceptor that marks the endpoint as untracked.
						registry.addInterceptor(interceptor).order(Ordered.HIGHEST_PRECEDENCE + 1);
					}
				}

			};
		}

	}

}
