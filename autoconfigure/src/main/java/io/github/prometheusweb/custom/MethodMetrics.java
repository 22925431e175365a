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

import java.util.List;

import io.github.prometheusweb.labels.LabelContext;
import io.prometheus.metrics.core.datapoints.GaugeDataPoint;

/**
 * The custom metrics of one method: gauges, counted while a call is in progress, and the
 * metrics recorded when a call ends.
 *
 * @param gauges the gauges
 * @param recorded the counters, histograms and summaries
 * @param parameterNames the parameter names the label templates may use, or {@code null}
 * @author prometheus-web authors
 */
record MethodMetrics(List<MetricBinding> gauges, List<MetricBinding> recorded, String[] parameterNames) {

	static final MethodMetrics NONE = new MethodMetrics(List.of(), List.of(), null);

	boolean isEmpty() {
		return this.gauges.isEmpty() && this.recorded.isEmpty();
	}

	GaugeDataPoint[] startGauges(LabelContext context, String[] defaultValues) {
		GaugeDataPoint[] started = new GaugeDataPoint[this.gauges.size()];
		for (int i = 0; i < started.length; i++) {
			started[i] = this.gauges.get(i).started(context, defaultValues);
		}
		return started;
	}

	void record(LabelContext context, String[] defaultValues, long durationNanos) {
		for (MetricBinding binding : this.recorded) {
			binding.record(context, defaultValues, durationNanos);
		}
	}

}
