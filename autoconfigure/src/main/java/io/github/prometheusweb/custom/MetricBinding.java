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

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.IntStream;

import io.github.prometheusweb.labels.CardinalityLimit;
import io.github.prometheusweb.labels.DefaultLabels;
import io.github.prometheusweb.labels.LabelContext;
import io.github.prometheusweb.labels.LabelTemplate;
import io.prometheus.metrics.core.datapoints.DataPoint;
import io.prometheus.metrics.core.datapoints.GaugeDataPoint;

/**
 * A custom metric as one declaration uses it: the metric, the parsed labels of the
 * declaration, and the default labels last. It keeps the data points it records into, as
 * the default metrics do, so that recording does not hash label values:
 * <ul>
 * <li>when every label is literal, the one data point, looked up on first use;</li>
 * <li>when the declaration has expression labels and the default labels are literal, the
 * data point of each combination of expression results, keyed by the results as the
 * expressions give them (an {@code Integer} status, a {@code String} method), so that a
 * known combination costs no label string. Only values within the cardinality limit are
 * kept; a value beyond it is recorded as the overflow value each time, and counted;</li>
 * <li>when default labels are computed per observation, nothing: each observation looks
 * up its data point.</li>
 * </ul>
 *
 * @author prometheus-web authors
 */
final class MetricBinding {

	private final CustomMetric metric;

	private final LabelTemplate[] labels;

	private final CardinalityLimit[] limits;

	/**
	 * The default label values when they are literal, else {@code null}.
	 */
	private final String[] literalDefaults;

	/**
	 * All label values when every label is literal, else {@code null}.
	 */
	private final String[] literalValues;

	/**
	 * The positions in {@link #labels} of the expression labels.
	 */
	private final int[] expressions;

	private final ConcurrentMap<Object, DataPoint> byExpressionResults = new ConcurrentHashMap<>();

	private volatile DataPoint literalDataPoint;

	MetricBinding(CustomMetric metric, LabelTemplate[] labels, CardinalityLimit[] limits, DefaultLabels defaultLabels) {
		this.metric = metric;
		this.labels = labels;
		this.limits = limits;
		this.literalDefaults = defaultLabels.isLiteral() ? defaultLabels.values(() -> null) : null;
		this.expressions = IntStream.range(0, labels.length).filter((i) -> !labels[i].isLiteral()).toArray();
		this.literalValues = (this.literalDefaults != null && this.expressions.length == 0)
				? values(null, this.literalDefaults) : null;
	}

	/**
	 * Whether an own label is a template, evaluated per observation.
	 * @return {@code true} if the labels read the context of the observation
	 */
	boolean readsContext() {
		return this.expressions.length > 0;
	}

	/**
	 * Creates the series of literal labels, so that it shows its initial value.
	 */
	void initialize() {
		if (this.literalValues != null) {
			this.literalDataPoint = this.metric.dataPoint(this.literalValues);
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
		this.metric.record(dataPoint(context, defaultValues), durationNanos);
	}

	/**
	 * Counts a call as started, for a gauge.
	 * @param context the variables of the call
	 * @param defaultValues the default label values of the call
	 * @return the data point to decrement when the call ends
	 */
	GaugeDataPoint started(LabelContext context, String[] defaultValues) {
		GaugeDataPoint dataPoint = (GaugeDataPoint) dataPoint(context, defaultValues);
		dataPoint.inc();
		return dataPoint;
	}

	private DataPoint dataPoint(LabelContext context, String[] defaultValues) {
		if (this.literalValues != null) {
			DataPoint dataPoint = this.literalDataPoint;
			if (dataPoint == null) {
				dataPoint = this.metric.dataPoint(this.literalValues);
				this.literalDataPoint = dataPoint;
			}
			return dataPoint;
		}
		if (this.literalDefaults == null) {
			return this.metric.dataPoint(values(context, defaultValues));
		}
		if (this.expressions.length == 1) {
			Object key = keyOf(this.labels[this.expressions[0]], context);
			DataPoint known = this.byExpressionResults.get(key);
			return (known != null) ? known : admit(key, new Object[] { key });
		}
		Object[] keys = new Object[this.expressions.length];
		for (int i = 0; i < keys.length; i++) {
			keys[i] = keyOf(this.labels[this.expressions[i]], context);
		}
		Object key = Arrays.asList(keys);
		DataPoint known = this.byExpressionResults.get(key);
		return (known != null) ? known : admit(key, keys);
	}

	/**
	 * The data point of expression results seen for the first time, kept if every value
	 * is within its cardinality limit.
	 */
	private DataPoint admit(Object key, Object[] keys) {
		String[] values = new String[this.labels.length + this.literalDefaults.length];
		boolean overflow = false;
		for (int label = 0, result = 0; label < this.labels.length; label++) {
			if (this.labels[label].isLiteral()) {
				values[label] = this.labels[label].value(null);
			}
			else {
				values[label] = limited(label, this.labels[label].labelValue(keys[result++]));
				overflow |= CardinalityLimit.OVERFLOW.equals(values[label]);
			}
		}
		System.arraycopy(this.literalDefaults, 0, values, this.labels.length, this.literalDefaults.length);
		DataPoint dataPoint = this.metric.dataPoint(values);
		if (!overflow) {
			this.byExpressionResults.putIfAbsent(key, dataPoint);
		}
		return dataPoint;
	}

	/**
	 * The key of what a label's expression gives: the result itself when it is a value (a
	 * string, a boxed primitive, an enum constant), which equals another result of the
	 * same label value; else its label value, so that its {@code toString()} runs once.
	 */
	private static Object keyOf(LabelTemplate label, LabelContext context) {
		Object result = label.evaluate(context);
		if (result instanceof String || result instanceof Integer || result instanceof Long || result instanceof Boolean
				|| result instanceof Enum<?> || result instanceof Short || result instanceof Byte
				|| result instanceof Character) {
			return result;
		}
		return label.labelValue(result);
	}

	private String limited(int label, String value) {
		return (this.limits[label] != null) ? this.limits[label].apply(value) : value;
	}

	private String[] values(LabelContext context, String[] defaultValues) {
		String[] values = new String[this.labels.length + defaultValues.length];
		for (int i = 0; i < this.labels.length; i++) {
			values[i] = this.labels[i].isLiteral() ? this.labels[i].value(null)
					: limited(i, this.labels[i].value(context));
		}
		System.arraycopy(defaultValues, 0, values, this.labels.length, defaultValues.length);
		return values;
	}

}
