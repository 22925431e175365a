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
package io.github.prometheusweb.custom;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.prometheusweb.metrics.CardinalityLimit;
import io.github.prometheusweb.metrics.CardinalityLimits;
import io.github.prometheusweb.metrics.ExemplarSupport;
import io.github.prometheusweb.metrics.PrometheusNames;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * The custom metrics of an application, by name: creates and registers a metric on its
 * first declaration and hands the same metric to every later declaration that agrees with
 * it.
 *
 * @author prometheus-web authors
 */
public class CustomMetrics implements AutoCloseable {

	private final PrometheusRegistry registry;

	private final CardinalityLimits cardinalityLimits;

	private final boolean exemplars;

	/**
	 * One limit per metric and label, shared by every declaration of the metric.
	 */
	private final Map<String, CardinalityLimit> limits = new ConcurrentHashMap<>();

	private final Map<String, CustomMetric> metrics = new LinkedHashMap<>();

	/**
	 * Creates an empty set of custom metrics.
	 * @param registry the registry to register them in
	 * @param cardinalityLimits the limits of labels computed per call
	 * @param exemplars whether the metrics sample exemplars (see {@link ExemplarSupport})
	 */
	public CustomMetrics(PrometheusRegistry registry, CardinalityLimits cardinalityLimits, boolean exemplars) {
		this.registry = registry;
		this.cardinalityLimits = cardinalityLimits;
		this.exemplars = exemplars;
	}

	/**
	 * The limit of a label computed per call.
	 * @param metric the metric name
	 * @param label the label name
	 * @return the limit
	 */
	CardinalityLimit limit(String metric, String label) {
		return this.limits.computeIfAbsent(metric + "\u0000" + label,
				(key) -> this.cardinalityLimits.forLabel(metric, label));
	}

	/**
	 * The metric of a declaration, created and registered on first use.
	 * @param definition the declaration
	 * @return the metric
	 * @throws IllegalStateException if the declaration is invalid or disagrees with an
	 * earlier one of the same name
	 */
	synchronized CustomMetric metric(MetricDefinition definition) {
		CustomMetric existing = this.metrics.get(definition.name());
		if (existing != null) {
			String difference = existing.definition().differenceFrom(definition);
			if (difference != null) {
				throw new IllegalStateException("Custom metric '" + definition.name() + "' is declared differently by "
						+ existing.definition().declaredBy() + " and by " + definition.declaredBy() + " (" + difference
						+ "); one name must have one type, one set of labels and one set of " + "buckets/quantiles");
			}
			return existing;
		}
		validate(definition);
		CustomMetric metric;
		try {
			metric = CustomMetric.create(definition, this.exemplars);
			this.registry.register(metric.collector());
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			throw new IllegalStateException(definition.declaredBy() + ": custom metric '" + definition.name()
					+ "' cannot be registered: " + ex.getMessage(), ex);
		}
		this.metrics.put(definition.name(), metric);
		return metric;
	}

	private static void validate(MetricDefinition definition) {
		String where = definition.declaredBy() + ": ";
		if (!PrometheusNames.isValidMetricName(definition.name())) {
			throw new IllegalStateException(where + "metric name '" + definition.name()
					+ "' is not a valid metric name: use letters, digits, '_' and ':', not starting with a digit");
		}
		if (definition.help() == null || definition.help().isBlank()) {
			throw new IllegalStateException(where + "metric '" + definition.name() + "' needs a help text");
		}
		Set<String> seen = new HashSet<>();
		for (String label : definition.labelNames()) {
			if (!seen.add(label)) {
				throw new IllegalStateException(
						where + "label '" + label + "' is used twice in metric '" + definition.name() + "'");
			}
			if ((definition.type() == CustomMetricType.HISTOGRAM && label.equals("le"))
					|| (definition.type() == CustomMetricType.SUMMARY && label.equals("quantile"))) {
				throw new IllegalStateException(where + "label '" + label + "' is reserved in a "
						+ definition.type().displayName() + " ('" + definition.name() + "')");
			}
		}
		double previous = Double.NEGATIVE_INFINITY;
		for (double bound : definition.buckets()) {
			if (!(bound > previous) || Double.isInfinite(bound) || Double.isNaN(bound)) {
				throw new IllegalStateException(where + "buckets " + definition.buckets() + " of metric '"
						+ definition.name() + "' must be finite and increasing (+Inf is always added)");
			}
			previous = bound;
		}
		for (double quantile : definition.quantiles()) {
			if (!(quantile > 0 && quantile < 1)) {
				throw new IllegalStateException(where + "quantile " + quantile + " of metric '" + definition.name()
						+ "' must be greater than 0 and less than 1");
			}
		}
	}

	/**
	 * Unregisters every custom metric.
	 */
	@Override
	public synchronized void close() {
		List<CustomMetric> all = new ArrayList<>(this.metrics.values());
		all.forEach((metric) -> this.registry.unregister(metric.collector()));
		this.metrics.clear();
	}

}
