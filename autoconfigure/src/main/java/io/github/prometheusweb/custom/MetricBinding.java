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

import io.github.prometheusweb.labels.CardinalityLimit;
import io.github.prometheusweb.labels.DefaultLabels;
import io.github.prometheusweb.labels.LabelContext;
import io.github.prometheusweb.labels.LabelTemplate;
import io.prometheus.metrics.core.datapoints.GaugeDataPoint;

/**
 * A custom metric as one declaration uses it: the metric, the parsed labels of the
 * declaration, and the default labels last. When every label is literal the label values
 * are computed once, at startup.
 *
 * @author prometheus-web authors
 */
final class MetricBinding {

	private final CustomMetric metric;

	private final LabelTemplate[] labels;

	private final CardinalityLimit[] limits;

	private final String[] literalValues;

	MetricBinding(CustomMetric metric, LabelTemplate[] labels, CardinalityLimit[] limits, DefaultLabels defaultLabels) {
		this.metric = metric;
		this.labels = labels;
		this.limits = limits;
		boolean literal = defaultLabels.isLiteral() && !readsContext();
		this.literalValues = literal ? values(null, defaultLabels.values(() -> null)) : null;
	}

	/**
	 * Whether an own label is a template, evaluated per observation.
	 * @return {@code true} if the labels read the context of the observation
	 */
	boolean readsContext() {
		for (LabelTemplate label : this.labels) {
			if (!label.isLiteral()) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Creates the series of literal labels, so that it shows its initial value.
	 */
	void initialize() {
		if (this.literalValues != null) {
			this.metric.initialize(this.literalValues);
		}
	}

	/**
	 * Records one call or request that ended.
	 * @param context the variables of the observation, or {@code null} if no label reads
	 * them
	 * @param defaultValues the default label values of the observation
	 * @param durationNanos how long it took
	 */
	void record(LabelContext context, String[] defaultValues, long durationNanos) {
		this.metric.record(labelValues(context, defaultValues), durationNanos);
	}

	/**
	 * Counts a call as started, for a gauge.
	 * @param context the variables of the call
	 * @param defaultValues the default label values of the call
	 * @return the data point to decrement when the call ends
	 */
	GaugeDataPoint started(LabelContext context, String[] defaultValues) {
		return this.metric.started(labelValues(context, defaultValues));
	}

	private String[] labelValues(LabelContext context, String[] defaultValues) {
		return (this.literalValues != null) ? this.literalValues : values(context, defaultValues);
	}

	private String[] values(LabelContext context, String[] defaultValues) {
		String[] values = new String[this.labels.length + defaultValues.length];
		for (int i = 0; i < this.labels.length; i++) {
			String value = this.labels[i].value(context);
			values[i] = (this.limits[i] != null) ? this.limits[i].apply(value) : value;
		}
		System.arraycopy(defaultValues, 0, values, this.labels.length, defaultValues.length);
		return values;
	}

}
