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

package io.github.prometheusweb.benchmarks;

import java.util.Map;

/**
 * The configurations the recording path is measured in: {@code prometheus.web.*}
 * properties, and the floor with the starter off.
 *
 * @author prometheus-web authors
 */
public enum Config {

	/**
	 * The starter off ({@code prometheus.web.enabled=false}): the cost of the request
	 * without metrics, which the other configurations are compared with.
	 */
	FLOOR(Map.of("prometheus.web.enabled", "false"), ItemsController.class),

	/**
	 * The defaults: grouped by route template ({@code url_rule}), classic histogram.
	 */
	DEFAULT(Map.of(), ItemsController.class),

	/**
	 * The names of the OpenTelemetry semantic conventions:
	 * {@code http_server_request_duration_seconds}.
	 */
	OPENTELEMETRY(Map.of("prometheus.web.convention", "opentelemetry"), ItemsController.class),

	/**
	 * The names Spring Boot Actuator writes: {@code http_server_requests_seconds} with
	 * Micrometer's percentile-histogram buckets, and its {@code _max}.
	 */
	MICROMETER(Map.of("prometheus.web.convention", "micrometer"), ItemsController.class),

	/**
	 * Grouped by request path.
	 */
	PATH(Map.of("prometheus.web.group-by", "path"), ItemsController.class),

	/**
	 * Grouped by request path and query string.
	 */
	FULL_PATH(Map.of("prometheus.web.group-by", "full-path"), ItemsController.class),

	/**
	 * Grouped by handler method.
	 */
	ENDPOINT(Map.of("prometheus.web.group-by", "endpoint"), ItemsController.class),

	/**
	 * Classic and native histogram.
	 */
	NATIVE_HISTOGRAMS(Map.of("prometheus.web.native-histograms", "true"), ItemsController.class),

	/**
	 * The duration as a summary without quantiles.
	 */
	SUMMARY(Map.of("prometheus.web.latency-as-histogram", "false"), ItemsController.class),

	/**
	 * The defaults, and custom-metric annotations on the handler: a histogram with a
	 * literal label and a counter with a SpEL label.
	 */
	CUSTOM_METRICS(Map.of(), AnnotatedItemsController.class),

	/**
	 * The defaults, and the same two metrics as {@link #CUSTOM_METRICS} declared in
	 * {@code prometheus.web.metrics} instead: recorded for every request, with the
	 * request's duration.
	 */
	USER_METRICS(
			Map.of("prometheus.web.metrics[0].type", "histogram", "prometheus.web.metrics[0].name",
					"items_lookup_seconds", "prometheus.web.metrics[0].help", "Item lookups",
					"prometheus.web.metrics[0].labels.source", "catalogue", "prometheus.web.metrics[1].type", "counter",
					"prometheus.web.metrics[1].name", "items_served", "prometheus.web.metrics[1].help",
					"Items served by status", "prometheus.web.metrics[1].labels.code", "#{#response.status}"),
			ItemsController.class);

	private final Map<String, String> properties;

	private final Class<? extends ItemsController> controller;

	Config(Map<String, String> properties, Class<? extends ItemsController> controller) {
		this.properties = properties;
		this.controller = controller;
	}

	/**
	 * The properties of this configuration.
	 * @return {@code prometheus.web.*} properties
	 */
	public Map<String, String> properties() {
		return this.properties;
	}

	/**
	 * The class of the handler.
	 * @return the controller class
	 */
	public Class<? extends ItemsController> controller() {
		return this.controller;
	}

}
