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
import java.util.List;

import io.github.prometheusweb.labels.DefaultLabels;
import io.github.prometheusweb.labels.LabelContext;
import io.github.prometheusweb.labels.LabelTemplate;
import io.github.prometheusweb.metrics.CardinalityLimit;
import io.prometheus.metrics.core.datapoints.GaugeDataPoint;

/**
 * A custom metric as one declaration uses it: the metric and the parsed labels of the
 * declaration, default labels last. Label values are computed per observation only when
 * some of them are templates.
 *
 * @author prometheus-web authors
 */
final class MetricBinding {

	private final CustomMetric metric;

	private final LabelTemplate[] labels;

	private final DefaultLabels defaultLabels;

	private final String[] literalValues;

	private final CardinalityLimit[] limits;

	private MetricBinding(CustomMetric metric, LabelTemplate[] labels, DefaultLabels defaultLabels,
			CardinalityLimit[] limits) {
		this.metric = metric;
		this.labels = labels;
		this.defaultLabels = defaultLabels;
		this.limits = limits;
		boolean literal = defaultLabels.isLiteral() && Arrays.stream(labels).allMatch(LabelTemplate::isLiteral);
		this.literalValues = literal ? defaultLabels.appendTo(values(null), () -> null) : null;
	}

	/**
	 * Binds a declaration to its metric, creating the metric on first use.
	 * @param metrics the custom metrics
	 * @param type the type
	 * @param name the metric name
	 * @param help the help text
	 * @param labels the declared labels; one a default label overrides is dropped
	 * @param buckets the histogram buckets
	 * @param quantiles the summary quantiles
	 * @param initialize whether a series whose labels are all literal starts at 0
	 * @param defaultLabels the default labels
	 * @param declaredBy where it is declared, for messages
	 * @return the binding
	 */
	static MetricBinding bind(CustomMetrics metrics, CustomMetricType type, String name, String help,
			List<LabelTemplate> labels, List<Double> buckets, List<Double> quantiles, boolean initialize,
			DefaultLabels defaultLabels, String declaredBy) {
		List<String> defaultNames = Arrays.asList(defaultLabels.names());
		List<LabelTemplate> own = labels.stream().filter((label) -> !defaultNames.contains(label.name())).toList();
		List<String> labelNames = new ArrayList<>(own.stream().map(LabelTemplate::name).toList());
		labelNames.addAll(defaultNames);
		MetricDefinition definition = new MetricDefinition(type, name, help, List.copyOf(labelNames),
				(type == CustomMetricType.HISTOGRAM) ? List.copyOf(buckets) : List.of(),
				(type == CustomMetricType.SUMMARY) ? List.copyOf(quantiles) : List.of(), declaredBy);
		CardinalityLimit[] limits = own.stream()
			.map((label) -> label.isLiteral() ? null : metrics.limit(name, label.name()))
			.toArray(CardinalityLimit[]::new);
		MetricBinding binding = new MetricBinding(metrics.metric(definition), own.toArray(LabelTemplate[]::new),
				defaultLabels, limits);
		if (binding.literalValues != null && (initialize || labels.isEmpty())) {
			binding.metric.initialize(binding.literalValues);
		}
		return binding;
	}

	/**
	 * Whether the label values are the same for every observation.
	 * @return {@code true} if all labels are literal
	 */
	boolean isLiteral() {
		return this.literalValues != null;
	}

	CustomMetricType type() {
		return this.metric.definition().type();
	}

	void record(LabelContext context, long durationNanos) {
		this.metric.record(labelValues(context), durationNanos);
	}

	GaugeDataPoint started(LabelContext context) {
		return this.metric.started(labelValues(context));
	}

	private String[] labelValues(LabelContext context) {
		if (this.literalValues != null) {
			return this.literalValues;
		}
		return this.defaultLabels.appendTo(values(context), () -> context);
	}

	private String[] values(LabelContext context) {
		String[] values = new String[this.labels.length];
		for (int i = 0; i < values.length; i++) {
			String value = this.labels[i].value(context);
			values[i] = (this.limits[i] != null) ? this.limits[i].apply(value) : value;
		}
		return values;
	}

}
