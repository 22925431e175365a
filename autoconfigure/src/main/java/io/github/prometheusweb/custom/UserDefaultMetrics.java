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
import java.util.List;

import io.github.prometheusweb.autoconfigure.PrometheusWebProperties.UserMetric;
import io.github.prometheusweb.labels.DefaultLabels;
import io.github.prometheusweb.labels.LabelContext;
import io.github.prometheusweb.labels.LabelTemplate;
import io.github.prometheusweb.labels.ResponseWithStatus;
import io.github.prometheusweb.metrics.CompletedRequest;
import io.github.prometheusweb.metrics.RequestRecorder;

/**
 * The user-defined default metrics of {@code prometheus.web.metrics}: recorded for every
 * tracked request, like the default metrics: never for the metrics endpoint or a
 * {@code @DoNotTrack} or {@code @ExcludeAllMetrics} handler, and for excluded paths only
 * when {@code prometheus.web.exclude-user-defaults} is false. Counters count requests;
 * histograms and summaries observe their duration in seconds.
 *
 * @author prometheus-web authors
 */
public class UserDefaultMetrics implements RequestRecorder {

	private final List<MetricBinding> bindings;

	private final boolean recordsExcludedPaths;

	/**
	 * Creates the metrics, or finds them when annotations declare the same ones.
	 * @param metrics the declarations, as configured
	 * @param customMetrics the custom metrics to create them in
	 * @param defaultLabels the default labels to add
	 * @param defaultBuckets the buckets of histograms that set none
	 * @param recordsExcludedPaths whether requests to excluded paths are recorded too
	 * ({@code prometheus.web.exclude-user-defaults: false})
	 */
	public UserDefaultMetrics(List<UserMetric> metrics, CustomMetrics customMetrics, DefaultLabels defaultLabels,
			List<Double> defaultBuckets, boolean recordsExcludedPaths) {
		this.recordsExcludedPaths = recordsExcludedPaths;
		List<MetricBinding> bindings = new ArrayList<>();
		for (int i = 0; i < metrics.size(); i++) {
			UserMetric metric = metrics.get(i);
			String property = "prometheus.web.metrics[" + i + "]";
			List<LabelTemplate> labels = metric.getLabels()
				.entrySet()
				.stream()
				.map((label) -> LabelTemplate.parse(label.getKey(), label.getValue(),
						property + ".labels." + label.getKey()))
				.toList();
			List<Double> buckets = metric.getBuckets().isEmpty() ? defaultBuckets : metric.getBuckets();
			bindings.add(MetricBinding.bind(customMetrics, metric.getType(), metric.getName(), metric.getHelp(), labels,
					buckets, metric.getQuantiles(), true, defaultLabels, property + " (" + metric.getName() + ")"));
		}
		this.bindings = List.copyOf(bindings);
	}

	@Override
	public boolean recordsExcludedPaths() {
		return this.recordsExcludedPaths && !this.bindings.isEmpty();
	}

	@Override
	public void record(CompletedRequest request) {
		LabelContext context = LabelContext.ofRequest(request.request(),
				ResponseWithStatus.of(request.response(), request.status()), request.handler());
		for (MetricBinding binding : this.bindings) {
			binding.record(context, request.durationNanos());
		}
	}

}
