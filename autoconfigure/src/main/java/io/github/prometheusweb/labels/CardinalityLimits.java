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
package io.github.prometheusweb.labels;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * Creates the {@link CardinalityLimit} of each request-derived label and owns the
 * {@code P_exporter_label_overflow_total{metric,label}} counter they share.
 *
 * @author prometheus-web authors
 */
public final class CardinalityLimits implements AutoCloseable {

	private final PrometheusRegistry registry;

	private final int limit;

	private final Counter overflows;

	/**
	 * Creates the overflow counter and registers it.
	 * @param namePrefix the start of the counter's name, for example {@code spring_}, or
	 * an empty string
	 * @param limit the most distinct values of one label in one metric
	 * @param registry the registry to register the counter in
	 */
	public CardinalityLimits(String namePrefix, int limit, PrometheusRegistry registry) {
		this.registry = registry;
		this.limit = limit;
		this.overflows = Counter.builder()
			.name(namePrefix + "exporter_label_overflow_total")
			.help("Observations whose label value was replaced by __overflow__ because the label reached "
					+ "prometheus.web.cardinality-limit")
			.labelNames("metric", "label")
			.withoutExemplars()
			.build();
		registry.register(this.overflows);
	}

	/**
	 * The limit of one label of one metric.
	 * @param metric the name of the metric
	 * @param label the name of the label
	 * @return a new limit, counting its overflows under that metric and label
	 */
	public CardinalityLimit forLabel(String metric, String label) {
		return new CardinalityLimit(metric, label, this.limit, this.overflows.labelValues(metric, label));
	}

	/**
	 * Unregisters the overflow counter.
	 */
	@Override
	public void close() {
		this.registry.unregister(this.overflows);
	}

}
