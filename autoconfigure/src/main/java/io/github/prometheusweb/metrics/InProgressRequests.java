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
import io.prometheus.metrics.core.datapoints.GaugeDataPoint;
import io.prometheus.metrics.core.metrics.Gauge;
import jakarta.servlet.http.HttpServletRequest;

/**
 * A gauge of requests in progress, by method (and, in the OpenTelemetry convention, by
 * URL scheme), with the default labels.
 *
 * @author prometheus-web authors
 */
final class InProgressRequests {

	private final Gauge gauge;

	private final boolean withScheme;

	/**
	 * Creates the gauge, not registered.
	 * @param name the name of the gauge
	 * @param help its help text
	 * @param methodLabel the name of the method label
	 * @param schemeLabel the name of the URL scheme label, or {@code null} for none
	 * @param defaultLabels the default labels, whose names the gauge carries last
	 */
	InProgressRequests(String name, String help, String methodLabel, String schemeLabel, DefaultLabels defaultLabels) {
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
	 * The data point of a request, not yet incremented.
	 * @param method the method label value
	 * @param request the request
	 * @param defaults the values of the default labels, evaluated when the request
	 * started
	 * @return the data point to increment now and decrement when the request leaves the
	 * gauge
	 */
	GaugeDataPoint dataPoint(String method, HttpServletRequest request, String[] defaults) {
		int own = this.withScheme ? 2 : 1;
		String[] values = new String[defaults.length + own];
		values[0] = method;
		if (this.withScheme) {
			values[1] = RequestLabels.URL_SCHEMES.get(RequestLabels.urlScheme(request));
		}
		System.arraycopy(defaults, 0, values, own, defaults.length);
		return this.gauge.labelValues(values);
	}

}
