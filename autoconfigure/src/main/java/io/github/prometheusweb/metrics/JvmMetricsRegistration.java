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

import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * The JVM and process metrics of client_java ({@code jvm_*}, {@code process_*}),
 * registered once in a registry.
 *
 * @author prometheus-web authors
 */
public final class JvmMetricsRegistration {

	private final PrometheusRegistry registry;

	private JvmMetricsRegistration(PrometheusRegistry registry) {
		this.registry = registry;
	}

	/**
	 * Registers the JVM and process metrics.
	 * @param registry the registry to register them in
	 * @return the registration
	 */
	public static JvmMetricsRegistration register(PrometheusRegistry registry) {
		JvmMetrics.builder(PrometheusProperties.get()).register(registry);
		return new JvmMetricsRegistration(registry);
	}

	/**
	 * The registry the metrics were registered in.
	 * @return the registry
	 */
	public PrometheusRegistry registry() {
		return this.registry;
	}

}
