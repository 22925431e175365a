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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.prometheusweb.labels.CardinalityLimit;
import io.github.prometheusweb.labels.CardinalityLimits;
import io.github.prometheusweb.labels.DefaultLabels;
import io.github.prometheusweb.labels.LabelTemplate;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * The custom metrics of an application, by name: creates and registers a metric on its
 * first declaration and binds every later declaration that agrees with it to the same
 * metric. A histogram declared without buckets gets the configured default buckets.
 *
 * @author prometheus-web authors
 */
public final class CustomMetricCatalog implements AutoCloseable {

	private final PrometheusRegistry registry;

	private final CardinalityLimits cardinalityLimits;

	private final boolean exemplars;

	private final List<Double> defaultBuckets;

	/**
	 * One limit per metric and label, shared by every declaration of the metric.
	 */
	private final Map<String, CardinalityLimit> limits = new ConcurrentHashMap<>();

	private final Map<String, CustomMetric> metrics = new LinkedHashMap<>();

	/**
	 * Creates an empty catalogue.
	 * @param registry the registry to register the metrics in
	 * @param cardinalityLimits the limits of labels computed per observation
	 * @param exemplars whether the metrics sample exemplars
	 * @param defaultBuckets the buckets of histograms declared without any
	 */
	public CustomMetricCatalog(PrometheusRegistry registry, CardinalityLimits cardinalityLimits, boolean exemplars,
			List<Double> defaultBuckets) {
		this.registry = registry;
		this.cardinalityLimits = cardinalityLimits;
		this.exemplars = exemplars;
		this.defaultBuckets = List.copyOf(defaultBuckets);
	}

	/**
	 * Binds a declaration to its metric, creating and registering the metric on first
	 * use. An own label that a default label of the same name replaces is dropped.
	 * @param declaration the declaration
	 * @param defaultLabels the default labels, last on every metric
	 * @return the binding
	 * @throws IllegalStateException if the declaration disagrees with an earlier one of
	 * the same name, or client_java refuses the metric
	 */
	MetricBinding bind(MetricDeclaration declaration, DefaultLabels defaultLabels) {
		List<String> defaultNames = Arrays.asList(defaultLabels.names());
		List<LabelTemplate> own = declaration.labels()
			.stream()
			.filter((label) -> !defaultNames.contains(label.name()))
			.toList();
		List<String> labelNames = new ArrayList<>(own.stream().map(LabelTemplate::name).toList());
		labelNames.addAll(defaultNames);
		List<Double> buckets = (declaration.type() == CustomMetricType.HISTOGRAM && declaration.buckets().isEmpty())
				? this.defaultBuckets : declaration.buckets();
		MetricDefinition definition = new MetricDefinition(declaration.type(), declaration.name(), declaration.help(),
				List.copyOf(labelNames), buckets, declaration.quantiles(), declaration.declaredBy());
		CardinalityLimit[] limits = own.stream()
			.map((label) -> label.isLiteral() ? null : limit(declaration.name(), label.name()))
			.toArray(CardinalityLimit[]::new);
		MetricBinding binding = new MetricBinding(metric(definition), own.toArray(LabelTemplate[]::new), limits,
				defaultLabels);
		if (declaration.initialize() || declaration.labels().isEmpty()) {
			binding.initialize();
		}
		return binding;
	}

	private CardinalityLimit limit(String metric, String label) {
		return this.limits.computeIfAbsent(metric + "\u0000" + label,
				(key) -> this.cardinalityLimits.forLabel(metric, label));
	}

	private synchronized CustomMetric metric(MetricDefinition definition) {
		CustomMetric existing = this.metrics.get(definition.name());
		if (existing != null) {
			String difference = existing.definition().differenceFrom(definition);
			if (difference != null) {
				throw new IllegalStateException("Custom metric '" + definition.name() + "' is declared differently by "
						+ existing.definition().declaredBy() + " and by " + definition.declaredBy() + " (" + difference
						+ "); one name must have one type, one set of labels and one set of buckets/quantiles");
			}
			return existing;
		}
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
