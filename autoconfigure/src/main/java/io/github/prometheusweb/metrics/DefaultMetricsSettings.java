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
import java.util.function.Function;

import io.github.prometheusweb.metrics.RequestLabels.Registrations;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.core.metrics.Summary;
import io.prometheus.metrics.model.snapshots.Unit;

/**
 * How the default request metrics are built: plain values, mapped from
 * {@code prometheus.web.*} by the auto-configuration.
 *
 * @param conventions the conventions whose names the metrics have, each recorded exactly
 * @param namePrefix the start of every metric name of the Flask convention, for example
 * {@code spring_}, or an empty string
 * @param groupLabel the name of the group label of the Flask convention
 * @param groupStatusCodes whether the status label of the Flask convention is the status
 * class ({@code 2xx})
 * @param durationAsHistogram whether the duration is a histogram rather than a summary
 * @param buckets the bucket upper bounds of the duration histogram, in seconds
 * @param nativeHistograms whether the histograms also keep native buckets
 * @param summaryQuantiles the quantiles of the duration summary
 * @param exemplars whether the duration and the request count sample exemplars
 * @param sizes whether request and response body sizes are recorded
 * @param inProgress whether the requests in progress are counted
 * @author prometheus-web authors
 */
public record DefaultMetricsSettings(List<Convention> conventions, String namePrefix, String groupLabel,
		boolean groupStatusCodes, boolean durationAsHistogram, List<Double> buckets, boolean nativeHistograms,
		List<Double> summaryQuantiles, boolean exemplars, boolean sizes, boolean inProgress) {

	/**
	 * The labels of the default metrics, which default labels must not take.
	 * @param conventions the conventions of the default metrics
	 * @param groupLabel the name of the group label of the Flask convention
	 * @return the label names
	 */
	public static List<String> builtInLabelNames(List<Convention> conventions, String groupLabel) {
		List<String> names = new ArrayList<>(List.of("le", "quantile"));
		for (Convention convention : conventions) {
			names.addAll(convention.labelNames());
		}
		if (conventions.contains(Convention.FLASK)) {
			names.add(groupLabel);
		}
		return names;
	}

	/**
	 * Registers the duration metric of a convention: a histogram, or a summary unless
	 * {@code durationAsHistogram}.
	 * @param name the name of the metric
	 * @param help its help text
	 * @param labelNames its label names
	 * @param bounds the classic bucket upper bounds of the histogram
	 * @param registrations where to register it
	 * @return the data point of a label set's values
	 */
	Function<String[], DistributionDataPoint> duration(String name, String help, String[] labelNames,
			List<Double> bounds, Registrations registrations) {
		if (this.durationAsHistogram) {
			Histogram histogram = registrations
				.register(histogram(bounds).name(name).help(help).unit(Unit.SECONDS).labelNames(labelNames).build());
			// A lambda, not a method reference: labelValues is declared in a class that
			// is not public in client_java 1.3 (IllegalAccessError there).
			return (values) -> histogram.labelValues(values);
		}
		Summary summary = registrations
			.register(summary().name(name).help(help).unit(Unit.SECONDS).labelNames(labelNames).build());
		return (values) -> summary.labelValues(values);
	}

	/**
	 * A histogram builder with these settings: native buckets, exemplars.
	 * @param bounds the classic bucket upper bounds
	 * @return the builder
	 */
	Histogram.Builder histogram(List<Double> bounds) {
		Histogram.Builder builder = Histogram.builder()
			.classicUpperBounds(bounds.stream().mapToDouble(Double::doubleValue).toArray());
		if (!this.nativeHistograms) {
			builder.classicOnly();
		}
		return this.exemplars ? builder : builder.withoutExemplars();
	}

	/**
	 * A summary builder of the duration with these settings: quantiles, exemplars.
	 * @return the builder
	 */
	Summary.Builder summary() {
		Summary.Builder builder = Summary.builder();
		this.summaryQuantiles.forEach(builder::quantile);
		return this.exemplars ? builder : builder.withoutExemplars();
	}

}
