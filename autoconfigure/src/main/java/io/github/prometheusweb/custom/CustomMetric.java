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

import io.prometheus.metrics.core.datapoints.GaugeDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.core.metrics.StatefulMetric;
import io.prometheus.metrics.core.metrics.Summary;
import io.prometheus.metrics.model.snapshots.Unit;

/**
 * One registered custom metric, shared by every declaration of its name.
 *
 * @author prometheus-web authors
 */
final class CustomMetric {

	private final MetricDefinition definition;

	private final StatefulMetric<?, ?> metric;

	private CustomMetric(MetricDefinition definition, StatefulMetric<?, ?> metric) {
		this.definition = definition;
		this.metric = metric;
	}

	static CustomMetric create(MetricDefinition definition) {
		String[] labelNames = definition.labelNames().toArray(String[]::new);
		StatefulMetric<?, ?> metric = switch (definition.type()) {
			case COUNTER ->
				Counter.builder().name(definition.name()).help(definition.help()).labelNames(labelNames).build();
			case GAUGE ->
				Gauge.builder().name(definition.name()).help(definition.help()).labelNames(labelNames).build();
			case HISTOGRAM -> Histogram.builder()
				.name(definition.name())
				.help(definition.help())
				.labelNames(labelNames)
				.classicOnly()
				.classicUpperBounds(definition.buckets().stream().mapToDouble(Double::doubleValue).toArray())
				.build();
			case SUMMARY -> {
				Summary.Builder builder = Summary.builder()
					.name(definition.name())
					.help(definition.help())
					.labelNames(labelNames);
				definition.quantiles().forEach(builder::quantile);
				yield builder.build();
			}
		};
		return new CustomMetric(definition, metric);
	}

	MetricDefinition definition() {
		return this.definition;
	}

	StatefulMetric<?, ?> collector() {
		return this.metric;
	}

	/**
	 * Creates a series, so that it shows its initial value.
	 * @param labelValues the label values
	 */
	void initialize(String[] labelValues) {
		this.metric.labelValues(labelValues);
	}

	/**
	 * Records one call or request that ended.
	 * @param labelValues the label values
	 * @param durationNanos how long it took
	 */
	void record(String[] labelValues, long durationNanos) {
		switch (this.definition.type()) {
			case COUNTER -> ((Counter) this.metric).labelValues(labelValues).inc();
			case HISTOGRAM -> ((Histogram) this.metric).labelValues(labelValues)
				.observe(Unit.nanosToSeconds(Math.max(0, durationNanos)));
			case SUMMARY -> ((Summary) this.metric).labelValues(labelValues)
				.observe(Unit.nanosToSeconds(Math.max(0, durationNanos)));
			case GAUGE -> throw new IllegalStateException("A gauge records calls in progress");
		}
	}

	/**
	 * Counts a call as started.
	 * @param labelValues the label values
	 * @return the data point to decrement when the call ends
	 */
	GaugeDataPoint started(String[] labelValues) {
		GaugeDataPoint dataPoint = ((Gauge) this.metric).labelValues(labelValues);
		dataPoint.inc();
		return dataPoint;
	}

}
