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

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.Collector;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;

/**
 * A histogram with two labels that a data point may leave out, as OpenTelemetry's
 * Prometheus exporter writes an attribute a measurement does not have: absent, not empty.
 * It keeps one client_java histogram for each combination of the two labels and serves
 * them as one metric.
 *
 * @author prometheus-web authors
 */
final class OptionalLabelsHistogram implements Collector {

	private final Histogram[] variants = new Histogram[4];

	private final String prometheusName;

	/**
	 * Creates the histogram, not registered.
	 * @param builder a new builder with the name, help, unit and buckets of the histogram
	 * @param labelNames the names of the labels every data point has
	 * @param first the name of the first label a data point may leave out
	 * @param second the name of the second label a data point may leave out
	 */
	OptionalLabelsHistogram(Supplier<Histogram.Builder> builder, String[] labelNames, String first, String second) {
		for (int i = 0; i < this.variants.length; i++) {
			List<String> names = new ArrayList<>(List.of(labelNames));
			if ((i & 1) != 0) {
				names.add(first);
			}
			if ((i & 2) != 0) {
				names.add(second);
			}
			this.variants[i] = builder.get().labelNames(names.toArray(String[]::new)).build();
		}
		this.prometheusName = this.variants[0].collect().getMetadata().getPrometheusName();
	}

	/**
	 * The data point of a label set.
	 * @param values the values of the labels every data point has
	 * @param first the value of the first optional label, or {@code null} to leave it out
	 * @param second the value of the second optional label, or {@code null} to leave it
	 * out
	 * @return the data point
	 */
	DistributionDataPoint labelValues(String[] values, String first, String second) {
		int variant = ((first != null) ? 1 : 0) | ((second != null) ? 2 : 0);
		String[] all = new String[values.length + Integer.bitCount(variant)];
		System.arraycopy(values, 0, all, 0, values.length);
		int next = values.length;
		if (first != null) {
			all[next++] = first;
		}
		if (second != null) {
			all[next] = second;
		}
		return this.variants[variant].labelValues(all);
	}

	@Override
	public MetricSnapshot collect() {
		HistogramSnapshot first = this.variants[0].collect();
		List<HistogramDataPointSnapshot> dataPoints = new ArrayList<>(first.getDataPoints());
		for (int i = 1; i < this.variants.length; i++) {
			dataPoints.addAll(this.variants[i].collect().getDataPoints());
		}
		return new HistogramSnapshot(first.getMetadata(), dataPoints);
	}

	/**
	 * The name of the metric, with which the registry rejects another metric of the same
	 * name when it is registered, not at the first scrape.
	 */
	@Override
	@SuppressWarnings("deprecation")
	public String getPrometheusName() {
		return this.prometheusName;
	}

}
