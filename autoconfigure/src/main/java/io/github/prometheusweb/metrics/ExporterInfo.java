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

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

import io.prometheus.metrics.core.metrics.Info;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * The {@code P_exporter_info{version="..."} 1} metric, which tells which version of
 * prometheus-web an application runs.
 *
 * @author prometheus-web authors
 */
public final class ExporterInfo implements AutoCloseable {

	private static final String VERSION_RESOURCE = "prometheus-web-version.properties";

	private final PrometheusRegistry registry;

	private final Info info;

	/**
	 * Creates the info metric and registers it.
	 * @param namePrefix the start of its name, for example {@code spring_}, or an empty
	 * string
	 * @param registry the registry to register it in
	 */
	public ExporterInfo(String namePrefix, PrometheusRegistry registry) {
		this.registry = registry;
		this.info = Info.builder()
			.name(namePrefix + "exporter_info")
			.help("Information about the prometheus-web exporter")
			.labelNames("version")
			.build();
		this.info.setLabelValues(version());
		registry.register(this.info);
	}

	/**
	 * The version of prometheus-web, as built.
	 * @return the version, for example {@code 0.1.0}
	 */
	public static String version() {
		try (InputStream in = ExporterInfo.class.getResourceAsStream(VERSION_RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException(VERSION_RESOURCE + " is missing from the prometheus-web jar");
			}
			Properties properties = new Properties();
			properties.load(in);
			return properties.getProperty("version");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Unregisters the info metric.
	 */
	@Override
	public void close() {
		this.registry.unregister(this.info);
	}

}
