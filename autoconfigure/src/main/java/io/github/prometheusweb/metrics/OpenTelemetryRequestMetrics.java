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

import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;

import io.github.prometheusweb.labels.CardinalityLimit;
import io.github.prometheusweb.labels.CardinalityLimits;
import io.github.prometheusweb.labels.DefaultLabels;
import io.github.prometheusweb.metrics.RequestLabels.Registrations;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.snapshots.Unit;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The default request metrics of the {@link Convention#OPENTELEMETRY} convention: the
 * stable HTTP server metric of the OpenTelemetry semantic conventions,
 * {@code http_server_request_duration_seconds}, as OpenTelemetry's Prometheus exporter
 * writes it; with {@code sizes.enabled} the request and response body size histograms,
 * and with {@code in-progress.enabled} the {@code http_server_active_requests} gauge.
 * {@code http_route} is left out when no route matched, {@code error_type} unless the
 * status is 500 or more.
 *
 * @author prometheus-web authors
 */
final class OpenTelemetryRequestMetrics implements ConventionMetrics {

	/**
	 * The labels of the metrics.
	 */
	static final List<String> LABEL_NAMES = List.of("http_request_method", "http_response_status_code",
			"network_protocol_version", "url_scheme", "http_route", "error_type");

	/**
	 * The name of the duration histogram.
	 */
	static final String DURATION = "http_server_request_duration_seconds";

	/**
	 * The bucket upper bounds of the OpenTelemetry SDK's default histogram aggregation,
	 * which the body sizes use.
	 */
	static final List<Double> SIZE_BUCKETS = List.of(0.0, 5.0, 10.0, 25.0, 50.0, 75.0, 100.0, 250.0, 500.0, 750.0,
			1000.0, 2500.0, 5000.0, 7500.0, 10000.0);

	private final StatusLabel statusLabel = new StatusLabel(false);

	private final OptionalLabelsHistogram duration;

	private final OptionalLabelsHistogram requestSize;

	private final OptionalLabelsHistogram responseSize;

	private final InProgressRequests inProgress;

	private final CardinalityLimit routeLimit;

	private final boolean cached;

	private final AtomicReferenceArray<RequestDataPoints<DataPoints>> connections = new AtomicReferenceArray<>(
			RequestLabels.URL_SCHEMES.size() * RequestLabels.PROTOCOL_VERSIONS.size());

	/**
	 * Creates the metrics and registers them.
	 * @param settings how the metrics are built
	 * @param defaultLabels the default labels, whose names every metric carries last
	 * @param limits the limits of the {@code http_route} label
	 * @param registrations where to register the metrics
	 */
	OpenTelemetryRequestMetrics(DefaultMetricsSettings settings, DefaultLabels defaultLabels, CardinalityLimits limits,
			Registrations registrations) {
		this.routeLimit = limits.forLabel(DURATION, "http_route");
		this.cached = defaultLabels.isLiteral();
		String[] labelNames = RequestLabels.names(defaultLabels.names(), "http_request_method",
				"http_response_status_code", "network_protocol_version", "url_scheme");
		this.duration = registrations.register(new OptionalLabelsHistogram(() -> settings.histogram(settings.buckets())
			.name(DURATION)
			.help("Duration of HTTP server requests.")
			.unit(Unit.SECONDS), labelNames, "http_route", "error_type"));
		this.requestSize = settings.sizes() ? registrations.register(size("http_server_request_body_size_bytes",
				"Size of HTTP server request bodies.", settings, labelNames)) : null;
		this.responseSize = settings.sizes() ? registrations.register(size("http_server_response_body_size_bytes",
				"Size of HTTP server response bodies.", settings, labelNames)) : null;
		this.inProgress = settings.inProgress() ? new InProgressRequests("http_server_active_requests",
				"Number of active HTTP server requests.", "http_request_method", "url_scheme", defaultLabels) : null;
		if (this.inProgress != null) {
			registrations.register(this.inProgress.gauge());
		}
	}

	private static OptionalLabelsHistogram size(String name, String help, DefaultMetricsSettings settings,
			String[] labelNames) {
		// Sizes carry no exemplars: they are for latency.
		return new OptionalLabelsHistogram(() -> {
			Histogram.Builder builder = settings.histogram(SIZE_BUCKETS).name(name).help(help).unit(Unit.BYTES);
			return builder.withoutExemplars();
		}, labelNames, "http_route", "error_type");
	}

	@Override
	public InProgressRequests inProgress() {
		return this.inProgress;
	}

	@Override
	public void record(CompletedRequest request) {
		HttpServletRequest servletRequest = request.request();
		String route = request.handler().routeTemplate();
		DataPoints points = connection(RequestLabels.urlScheme(servletRequest),
				RequestLabels.protocolVersion(servletRequest))
			.get(request, request.method(), route, request.status());
		points.duration().observe(Unit.nanosToSeconds(Math.max(0, request.durationNanos())));
		// As OpenTelemetry's instrumentation: the size a request declares, if it does.
		if (this.requestSize != null && servletRequest.getContentLengthLong() >= 0 && request.requestBytes() >= 0) {
			points.requestSize().observe(request.requestBytes());
		}
		if (points.responseSize() != null && request.responseBytes() >= 0) {
			points.responseSize().observe(request.responseBytes());
		}
	}

	/**
	 * The data points of one URL scheme and protocol version, made when the first request
	 * of that kind completes.
	 */
	private RequestDataPoints<DataPoints> connection(int scheme, int version) {
		int index = scheme * RequestLabels.PROTOCOL_VERSIONS.size() + version;
		RequestDataPoints<DataPoints> dataPoints = this.connections.get(index);
		if (dataPoints == null) {
			String schemeValue = RequestLabels.URL_SCHEMES.get(scheme);
			String versionValue = RequestLabels.PROTOCOL_VERSIONS.get(version);
			dataPoints = new RequestDataPoints<>((request, method, route, status) -> dataPoints(request, method, route,
					status, schemeValue, versionValue), this.routeLimit, this.cached);
			if (!this.connections.compareAndSet(index, null, dataPoints)) {
				dataPoints = this.connections.get(index);
			}
		}
		return dataPoints;
	}

	private DataPoints dataPoints(CompletedRequest request, String method, String route, int status, String scheme,
			String version) {
		String[] values = RequestLabels.values(request, method, this.statusLabel.of(status), version, scheme);
		String httpRoute = (route == null || CardinalityLimit.OVERFLOW.equals(route)) ? route
				: request.request().getContextPath() + route;
		String errorType = (status >= 500) ? this.statusLabel.of(status) : null;
		return new DataPoints(this.duration.labelValues(values, httpRoute, errorType),
				(this.requestSize != null) ? () -> this.requestSize.labelValues(values, httpRoute, errorType) : null,
				(this.responseSize != null) ? this.responseSize.labelValues(values, httpRoute, errorType) : null);
	}

	/**
	 * The data points of one label set. The request size is made on its first
	 * observation, so that label sets of requests without a body show no request size.
	 */
	private static final class DataPoints {

		private final DistributionDataPoint duration;

		private final Supplier<DistributionDataPoint> newRequestSize;

		private final DistributionDataPoint responseSize;

		private volatile DistributionDataPoint requestSize;

		DataPoints(DistributionDataPoint duration, Supplier<DistributionDataPoint> newRequestSize,
				DistributionDataPoint responseSize) {
			this.duration = duration;
			this.newRequestSize = newRequestSize;
			this.responseSize = responseSize;
		}

		DistributionDataPoint duration() {
			return this.duration;
		}

		DistributionDataPoint requestSize() {
			DistributionDataPoint dataPoint = this.requestSize;
			if (dataPoint == null) {
				// Looked up in the histogram: two threads get the same one.
				dataPoint = this.newRequestSize.get();
				this.requestSize = dataPoint;
			}
			return dataPoint;
		}

		DistributionDataPoint responseSize() {
			return this.responseSize;
		}

	}

}
