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

import io.github.prometheusweb.labels.CardinalityLimits;
import io.github.prometheusweb.labels.DefaultLabels;
import io.github.prometheusweb.labels.LabelContext;
import io.github.prometheusweb.metrics.RequestLabels.Registrations;
import io.prometheus.metrics.core.datapoints.GaugeDataPoint;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The default request metrics, in each configured {@link Convention}: each request is
 * recorded once in every one of them. Metrics are registered when this object is created
 * and unregistered when it is closed.
 *
 * @author prometheus-web authors
 */
public final class DefaultRequestMetrics implements AutoCloseable {

	private final Registrations registrations;

	private final List<RequestRecorder> recorders = new ArrayList<>();

	private final InProgressRequests[] inProgress;

	private final DefaultLabels defaultLabels;

	/**
	 * Creates the default metrics and registers them.
	 * @param settings how the metrics are built
	 * @param defaultLabels the default labels, whose names every metric carries last
	 * @param limits the limits of the request-derived labels
	 * @param registry the registry to register the metrics in
	 */
	public DefaultRequestMetrics(DefaultMetricsSettings settings, DefaultLabels defaultLabels, CardinalityLimits limits,
			PrometheusRegistry registry) {
		this.registrations = new Registrations(registry);
		this.defaultLabels = defaultLabels;
		List<InProgressRequests> gauges = new ArrayList<>();
		for (Convention convention : settings.conventions()) {
			ConventionMetrics metrics = switch (convention) {
				case FLASK -> new FlaskRequestMetrics(settings, defaultLabels, limits, this.registrations);
				case OPENTELEMETRY ->
					new OpenTelemetryRequestMetrics(settings, defaultLabels, limits, this.registrations);
				case MICROMETER -> new MicrometerRequestMetrics(settings, defaultLabels, limits, this.registrations);
			};
			this.recorders.add(metrics);
			if (metrics.inProgress() != null) {
				gauges.add(metrics.inProgress());
			}
		}
		this.inProgress = gauges.toArray(InProgressRequests[]::new);
	}

	/**
	 * The recorders of the default metrics, one for each convention: a failure in one
	 * does not keep the others from recording.
	 * @return the recorders
	 */
	public List<RequestRecorder> recorders() {
		return List.copyOf(this.recorders);
	}

	/**
	 * Whether a gauge of requests in progress is on, so that {@link #started} counts
	 * requests.
	 * @return whether requests in progress are counted
	 */
	public boolean countsInProgress() {
		return this.inProgress.length > 0;
	}

	/**
	 * Counts a request as in progress in each gauge of requests in progress. The default
	 * labels are evaluated once, when the request starts, when only {@code #request} is
	 * known; every data point is found before any is incremented.
	 * @param method the {@code method} label value
	 * @param request the request, for the labels that read it
	 * @return the data points to decrement when the request is no longer in progress
	 */
	public GaugeDataPoint[] started(String method, HttpServletRequest request) {
		String[] defaults = this.defaultLabels.values(() -> LabelContext.ofRequest(request, null, null));
		GaugeDataPoint[] started = new GaugeDataPoint[this.inProgress.length];
		for (int i = 0; i < started.length; i++) {
			started[i] = this.inProgress[i].dataPoint(method, request, defaults);
		}
		for (GaugeDataPoint dataPoint : started) {
			dataPoint.inc();
		}
		return started;
	}

	/**
	 * Unregisters the metrics.
	 */
	@Override
	public void close() {
		this.registrations.close();
	}

}
