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

package io.github.prometheusweb.metrics;

import io.github.prometheusweb.autoconfigure.PrometheusWebProperties;

import org.springframework.util.ClassUtils;

/**
 * Whether metrics are built with exemplars. client_java samples exemplars through its
 * tracer bridge ({@code prometheus-metrics-tracer-initializer}); without it (excluded by
 * the application, or missing from its repository) a metric with exemplars fails at every
 * observation with a {@link NoClassDefFoundError}, so exemplars are then off.
 *
 * @author prometheus-web authors
 */
public final class ExemplarSupport {

	private static final boolean TRACER_BRIDGE_PRESENT = ClassUtils.isPresent(
			"io.prometheus.metrics.tracer.initializer.SpanContextSupplier", ExemplarSupport.class.getClassLoader());

	private ExemplarSupport() {
	}

	/**
	 * Whether metrics should sample exemplars.
	 * @param properties the configuration ({@code prometheus.web.exemplars.enabled})
	 * @return {@code true} if exemplars are enabled and client_java can sample them
	 */
	public static boolean isEnabled(PrometheusWebProperties properties) {
		return properties.getExemplars().isEnabled() && TRACER_BRIDGE_PRESENT;
	}

}
