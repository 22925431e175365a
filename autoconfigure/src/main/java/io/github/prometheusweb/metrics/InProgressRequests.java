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
 * A gauge of requests in progress, by method (and, in the OpenTelemetry convention, by
 * URL scheme). Default labels are evaluated when the request starts, when only
 * {@code #request} is known.
 *
 * @author prometheus-web authors
 */
final class InProgressRequests {

	private final Gauge gauge;

	private final DefaultLabels defaultLabels;

	private final boolean withScheme;

	/**
	 * Creates the gauge, not registered.
	 * @param name the name of the gauge
	 * @param help its help text
	 * @param methodLabel the name of the method label
	 * @param schemeLabel the name of the URL scheme label, or {@code null} for none
	 * @param defaultLabels the default labels
	 */
	InProgressRequests(String name, String help, String methodLabel, String schemeLabel, DefaultLabels defaultLabels) {
		this.defaultLabels = defaultLabels;
		this.withScheme = schemeLabel != null;
		String[] own = this.withScheme ? new String[] { methodLabel, schemeLabel } : new String[] { methodLabel };
		this.gauge = Gauge.builder()
			.name(name)
			.help(help)
			.labelNames(RequestLabels.names(defaultLabels.names(), own))
			.withoutExemplars()
			.build();
	}

	Gauge gauge() {
		return this.gauge;
	}

	/**
	 * Counts a request as started.
	 * @param method the method label value
	 * @param request the request
	 * @return the data point to decrement when the request leaves the gauge
	 */
	GaugeDataPoint started(String method, HttpServletRequest request) {
		String[] defaults = this.defaultLabels.values(() -> LabelContext.ofRequest(request, null, null));
		int own = this.withScheme ? 2 : 1;
		String[] values = new String[defaults.length + own];
		values[0] = method;
		if (this.withScheme) {
			values[1] = RequestLabels.urlScheme(request);
		}
		System.arraycopy(defaults, 0, values, own, defaults.length);
		GaugeDataPoint dataPoint = this.gauge.labelValues(values);
		dataPoint.inc();
		return dataPoint;
	}

}
