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

import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.datapoints.DataPoint;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.core.metrics.Summary;
import io.prometheus.metrics.model.registry.Collector;
import io.prometheus.metrics.model.snapshots.Unit;

/**
 * One registered custom metric, shared by every declaration of its name.
 *
 * @author prometheus-web authors
 */
final class CustomMetric {

	private final MetricDefinition definition;

	/**
	 * A Counter, Gauge, Histogram or Summary; called through those public classes only,
	 * because their common superclass is not public in client_java 1.3.
	 */
	private final Collector metric;

	private CustomMetric(MetricDefinition definition, Collector metric) {
		this.definition = definition;
		this.metric = metric;
	}

	static CustomMetric create(MetricDefinition definition, boolean exemplars) {
		String[] labelNames = definition.labelNames().toArray(String[]::new);
		Collector metric = switch (definition.type()) {
			case COUNTER -> {
				Counter.Builder builder = Counter.builder()
					.name(definition.name())
					.help(definition.help())
					.labelNames(labelNames);
				yield (exemplars ? builder : builder.withoutExemplars()).build();
			}
			case GAUGE -> {
				Gauge.Builder builder = Gauge.builder()
					.name(definition.name())
					.help(definition.help())
					.labelNames(labelNames);
				yield (exemplars ? builder : builder.withoutExemplars()).build();
			}
			case HISTOGRAM -> {
				Histogram.Builder builder = Histogram.builder()
					.name(definition.name())
					.help(definition.help())
					.labelNames(labelNames)
					.classicOnly()
					.classicUpperBounds(definition.buckets().stream().mapToDouble(Double::doubleValue).toArray());
				yield (exemplars ? builder : builder.withoutExemplars()).build();
			}
			case SUMMARY -> {
				Summary.Builder builder = Summary.builder()
					.name(definition.name())
					.help(definition.help())
					.labelNames(labelNames);
				definition.quantiles().forEach(builder::quantile);
				yield (exemplars ? builder : builder.withoutExemplars()).build();
			}
		};
		return new CustomMetric(definition, metric);
	}

	MetricDefinition definition() {
		return this.definition;
	}

	Collector collector() {
		return this.metric;
	}

	/**
	 * The data point of a series, created (and so shown with its initial value) if it is
	 * new. Look it up once and keep it: each look-up hashes the label values.
	 * @param labelValues the label values
	 * @return the data point
	 */
	DataPoint dataPoint(String[] labelValues) {
		return switch (this.definition.type()) {
			case COUNTER -> ((Counter) this.metric).labelValues(labelValues);
			case GAUGE -> ((Gauge) this.metric).labelValues(labelValues);
			case HISTOGRAM -> ((Histogram) this.metric).labelValues(labelValues);
			case SUMMARY -> ((Summary) this.metric).labelValues(labelValues);
		};
	}

	/**
	 * Records one call or request that ended.
	 * @param dataPoint a data point of this metric
	 * @param durationNanos how long it took
	 */
	void record(DataPoint dataPoint, long durationNanos) {
		switch (this.definition.type()) {
			case COUNTER -> ((CounterDataPoint) dataPoint).inc();
			case HISTOGRAM, SUMMARY ->
				((DistributionDataPoint) dataPoint).observe(Unit.nanosToSeconds(Math.max(0, durationNanos)));
			case GAUGE -> throw new IllegalStateException("A gauge records calls in progress");
		}
	}

}
