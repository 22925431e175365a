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

import java.lang.reflect.Method;
import java.util.List;

import io.github.prometheusweb.labels.LabelContext;
import io.prometheus.metrics.core.datapoints.GaugeDataPoint;

/**
 * The custom metrics of one method called on one class: gauges, counted while a call is
 * in progress, and the metrics recorded when a call ends.
 *
 * @param method the method, as calls of it are intercepted
 * @param targetClass the class of the objects it is called on
 * @param specificMethod the method as that class declares it, which is the handler method
 * Spring MVC calls
 * @param gauges the gauges
 * @param recorded the counters, histograms and summaries
 * @param parameterNames the parameter names the label templates may use, or {@code null}
 * @param readsContext whether a label reads the variables of a call
 * @author prometheus-web authors
 */
record MethodMetrics(Method method, Class<?> targetClass, Method specificMethod, MetricBinding[] gauges,
		MetricBinding[] recorded, String[] parameterNames, boolean readsContext) {

	private static final MetricBinding[] NO_BINDINGS = {};

	static MethodMetrics none(Method method, Class<?> targetClass) {
		return new MethodMetrics(method, targetClass, method, NO_BINDINGS, NO_BINDINGS, null, false);
	}

	static MethodMetrics of(Method method, Class<?> targetClass, Method specificMethod, List<MetricBinding> gauges,
			List<MetricBinding> recorded, String[] parameterNames) {
		boolean readsContext = gauges.stream().anyMatch(MetricBinding::readsContext)
				|| recorded.stream().anyMatch(MetricBinding::readsContext);
		return new MethodMetrics(method, targetClass, specificMethod, gauges.toArray(NO_BINDINGS),
				recorded.toArray(NO_BINDINGS), parameterNames, readsContext);
	}

	boolean isEmpty() {
		return this.gauges.length == 0 && this.recorded.length == 0;
	}

	GaugeDataPoint[] startGauges(LabelContext context, String[] defaultValues) {
		GaugeDataPoint[] started = new GaugeDataPoint[this.gauges.length];
		for (int i = 0; i < started.length; i++) {
			started[i] = this.gauges[i].started(context, defaultValues);
		}
		return started;
	}

	void record(LabelContext context, String[] defaultValues, long durationNanos) {
		for (MetricBinding binding : this.recorded) {
			binding.record(context, defaultValues, durationNanos);
		}
	}

}
