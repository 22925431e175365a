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

import java.util.LinkedHashMap;
import java.util.Map;

import io.prometheus.metrics.core.metrics.Info;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import org.springframework.boot.info.BuildProperties;

/**
 * The application info metric ({@code prometheus.web.info}): value 1, with the configured
 * labels, and {@code version} and {@code name} from Spring Boot's build info unless
 * configured. Default labels are not added. Registered only when it has a label.
 *
 * @author prometheus-web authors
 */
public final class ApplicationInfo implements AutoCloseable {

	private final PrometheusRegistry registry;

	private final Info info;

	/**
	 * Creates the info metric and registers it, if it has a label.
	 * @param name the metric name
	 * @param labels the configured labels
	 * @param build the build info, or {@code null}
	 * @param registry the registry
	 */
	public ApplicationInfo(String name, Map<String, String> labels, BuildProperties build,
			PrometheusRegistry registry) {
		this.registry = registry;
		Map<String, String> all = new LinkedHashMap<>(labels);
		if (build != null) {
			if (build.getVersion() != null) {
				all.putIfAbsent("version", build.getVersion());
			}
			if (build.getName() != null) {
				all.putIfAbsent("name", build.getName());
			}
		}
		if (all.isEmpty()) {
			this.info = null;
			return;
		}
		this.info = Info.builder()
			.name(name)
			.help("Information about the application")
			.labelNames(all.keySet().toArray(String[]::new))
			.build();
		this.info.setLabelValues(all.values().toArray(String[]::new));
		registry.register(this.info);
	}

	/**
	 * Unregisters the info metric.
	 */
	@Override
	public void close() {
		if (this.info != null) {
			this.registry.unregister(this.info);
		}
	}

}
