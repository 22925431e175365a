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

import io.github.prometheusweb.labels.DefaultLabels;
import io.github.prometheusweb.labels.LabelContext;
import io.prometheus.metrics.core.datapoints.GaugeDataPoint;
import io.prometheus.metrics.core.metrics.Gauge;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The gauge of requests in progress, by method ({@code P_http_requests_in_progress}).
 * Default labels are evaluated when the request starts, when only {@code #request} is
 * known.
 *
 * @author prometheus-web authors
 */
final class InProgressRequests {

	private final Gauge gauge;

	private final DefaultLabels defaultLabels;

	InProgressRequests(String name, DefaultLabels defaultLabels) {
		this.defaultLabels = defaultLabels;
		String[] names = new String[defaultLabels.names().length + 1];
		names[0] = "method";
		System.arraycopy(defaultLabels.names(), 0, names, 1, defaultLabels.names().length);
		this.gauge = Gauge.builder()
			.name(name)
			.help("HTTP requests in progress")
			.labelNames(names)
			.withoutExemplars()
			.build();
	}

	Gauge gauge() {
		return this.gauge;
	}

	/**
	 * Counts a request as started.
	 * @param method the {@code method} label value
	 * @param request the request
	 * @return the data point to decrement when the request leaves the gauge
	 */
	GaugeDataPoint started(String method, HttpServletRequest request) {
		String[] defaults = this.defaultLabels.values(() -> LabelContext.ofRequest(request, null, null));
		String[] values = new String[defaults.length + 1];
		values[0] = method;
		System.arraycopy(defaults, 0, values, 1, defaults.length);
		GaugeDataPoint dataPoint = this.gauge.labelValues(values);
		dataPoint.inc();
		return dataPoint;
	}

}
