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

package io.github.prometheusweb.autoconfigure;

import io.github.prometheusweb.servlet.HandlerObservationInterceptor;

import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Adds the {@link HandlerObservationInterceptor} ahead of every other interceptor, so
 * that it sees every handler, whatever the others decide.
 *
 * @author prometheus-web authors
 */
class PrometheusWebMvcConfigurer implements WebMvcConfigurer {

	private final HandlerObservationInterceptor interceptor;

	PrometheusWebMvcConfigurer(HandlerObservationInterceptor interceptor) {
		this.interceptor = interceptor;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this.interceptor).order(Ordered.HIGHEST_PRECEDENCE);
	}

}
