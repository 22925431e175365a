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

import java.util.Set;
import java.util.stream.Collectors;

import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * The JVM and process metrics of client_java ({@code jvm_*}, {@code process_*}), served
 * in a context's registry until the context closes.
 * <p>
 * They describe the JVM, so there is one set per JVM: client_java's {@code JvmMetrics}
 * keeps every registry it was ever given for the life of the JVM, so registering them in
 * each context's registry would keep every closed context's metrics in memory. They are
 * registered once, in a registry of their own, and each context serves that registry.
 *
 * @author prometheus-web authors
 */
public final class JvmMetricsRegistration implements AutoCloseable {

	private final RegistryBridge bridge;

	private JvmMetricsRegistration(RegistryBridge bridge) {
		this.bridge = bridge;
	}

	/**
	 * Serves the JVM and process metrics in a registry.
	 * @param registry the registry that the metrics endpoint scrapes
	 * @return the registration, to close with the context
	 */
	public static JvmMetricsRegistration register(PrometheusRegistry registry) {
		return new JvmMetricsRegistration(RegistryBridge.serve(Jvm.REGISTRY, registry, Set.of()));
	}

	/**
	 * The names of the metric families served.
	 * @return the names, for example {@code jvm_threads_current}
	 */
	public Set<String> names() {
		return Jvm.NAMES;
	}

	/**
	 * Stops serving the JVM metrics in the registry.
	 */
	@Override
	public void close() {
		this.bridge.close();
	}

	/**
	 * The registry of the JVM metrics, created on first use.
	 */
	private static final class Jvm {

		static final PrometheusRegistry REGISTRY = create();

		static final Set<String> NAMES = REGISTRY.scrape()
			.stream()
			.map((snapshot) -> snapshot.getMetadata().getPrometheusName())
			.collect(Collectors.toUnmodifiableSet());

		private static PrometheusRegistry create() {
			PrometheusRegistry registry = new PrometheusRegistry();
			JvmMetrics.builder(PrometheusProperties.get()).register(registry);
			return registry;
		}

	}

}
