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
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The gauge of requests in progress, by method ({@code P_http_requests_in_progress}).
 *
 * @author prometheus-web authors
 */
public class InProgressRequests implements AutoCloseable {

	private final PrometheusRegistry registry;

	private final Gauge gauge;

	private final DefaultLabels defaultLabels;

	/**
	 * Creates the gauge and registers it.
	 * @param prefix the configured metric name prefix, possibly empty
	 * @param defaultLabels the default labels, evaluated when a request starts
	 * @param registry the registry to register the gauge in
	 */
	public InProgressRequests(String prefix, DefaultLabels defaultLabels, PrometheusRegistry registry) {
		this.registry = registry;
		String[] names = new String[defaultLabels.names().length + 1];
		names[0] = "method";
		System.arraycopy(defaultLabels.names(), 0, names, 1, defaultLabels.names().length);
		this.defaultLabels = defaultLabels;
		this.gauge = Gauge.builder()
			.name(MetricNames.prefix(prefix) + "http_requests_in_progress")
			.help("HTTP requests in progress")
			.labelNames(names)
			.withoutExemplars()
			.build();
		registry.register(this.gauge);
	}

	/**
	 * Counts a request as started.
	 * @param method the {@code method} label value
	 * @param request the request, for default labels that read it, or {@code null}
	 * @return the data point to pass to {@link #finished(GaugeDataPoint)}
	 */
	public GaugeDataPoint started(String method, HttpServletRequest request) {
		GaugeDataPoint dataPoint = this.gauge.labelValues(this.defaultLabels.appendTo(new String[] { method },
				() -> LabelContext.ofRequest(request, null, null)));
		dataPoint.inc();
		return dataPoint;
	}

	/**
	 * Counts a request as finished.
	 * @param dataPoint the data point returned by {@link #started(String)}
	 */
	public void finished(GaugeDataPoint dataPoint) {
		dataPoint.dec();
	}

	/**
	 * Unregisters the gauge.
	 */
	@Override
	public void close() {
		this.registry.unregister(this.gauge);
	}

}
