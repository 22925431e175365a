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

import java.util.function.Function;

import io.github.prometheusweb.labels.CardinalityLimits;
import io.github.prometheusweb.labels.DefaultLabels;
import io.github.prometheusweb.metrics.RequestLabels.Registrations;
import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Summary;
import io.prometheus.metrics.model.snapshots.Unit;

/**
 * The default request metrics of the {@link Convention#FLASK} convention: request
 * duration (histogram or summary), request count, exception count and, when enabled,
 * request and response sizes and the requests in progress.
 *
 * @author prometheus-web authors
 */
final class FlaskRequestMetrics implements ConventionMetrics {

	private final StatusLabel statusLabel;

	private final Function<String[], DistributionDataPoint> duration;

	private final Counter exceptions;

	private final InProgressRequests inProgress;

	private final RequestDataPoints<DistributionDataPoint> durationDataPoints;

	private final RequestDataPoints<CounterDataPoint> totalDataPoints;

	private final RequestDataPoints<DistributionDataPoint> requestSizeDataPoints;

	private final RequestDataPoints<DistributionDataPoint> responseSizeDataPoints;

	/**
	 * Creates the metrics and registers them.
	 * @param settings how the metrics are built
	 * @param defaultLabels the default labels, whose names every metric carries last
	 * @param limits the limits of the group label
	 * @param registrations where to register the metrics
	 */
	FlaskRequestMetrics(DefaultMetricsSettings settings, DefaultLabels defaultLabels, CardinalityLimits limits,
			Registrations registrations) {
		this.statusLabel = new StatusLabel(settings.groupStatusCodes());
		String prefix = settings.namePrefix();
		String group = settings.groupLabel();
		String[] defaultNames = defaultLabels.names();
		boolean cached = defaultLabels.isLiteral();
		String durationName = prefix + "http_request_duration_seconds";
		this.duration = settings.duration(durationName, "HTTP request duration in seconds",
				RequestLabels.names(defaultNames, "method", group, "status"), settings.buckets(), registrations);
		this.durationDataPoints = new RequestDataPoints<>(
				(request, method, groupValue, status) -> this.duration
					.apply(RequestLabels.values(request, method, groupValue, this.statusLabel.of(status))),
				limits.forLabel(durationName, group), cached);
		Counter total = registrations.register(counter(settings).name(prefix + "http_request_total")
			.help("Total number of HTTP requests")
			.labelNames(RequestLabels.names(defaultNames, "method", "status"))
			.build());
		this.totalDataPoints = new RequestDataPoints<>((request, method, groupValue, status) -> total
			.labelValues(RequestLabels.values(request, method, this.statusLabel.of(status))), null, cached);
		this.exceptions = registrations.register(counter(settings).name(prefix + "http_request_exceptions_total")
			.help("Total number of HTTP requests which resulted in an exception")
			.labelNames(RequestLabels.names(defaultNames, "method", "status", "exception"))
			.build());
		this.requestSizeDataPoints = settings.sizes()
				? sizeDataPoints(prefix + "http_request_size_bytes", "HTTP request body size in bytes",
						RequestLabels.names(defaultNames, "method", group), group, limits, cached, registrations)
				: null;
		this.responseSizeDataPoints = settings.sizes()
				? sizeDataPoints(prefix + "http_response_size_bytes", "HTTP response body size in bytes",
						RequestLabels.names(defaultNames, "method", group), group, limits, cached, registrations)
				: null;
		this.inProgress = settings.inProgress() ? new InProgressRequests(prefix + "http_requests_in_progress",
				"HTTP requests in progress", "method", null, defaultLabels) : null;
		if (this.inProgress != null) {
			registrations.register(this.inProgress.gauge());
		}
	}

	private static Counter.Builder counter(DefaultMetricsSettings settings) {
		Counter.Builder builder = Counter.builder();
		return settings.exemplars() ? builder : builder.withoutExemplars();
	}

	private static RequestDataPoints<DistributionDataPoint> sizeDataPoints(String name, String help,
			String[] labelNames, String group, CardinalityLimits limits, boolean cached, Registrations registrations) {
		// Sizes carry no exemplars: they are for latency.
		Summary summary = registrations.register(Summary.builder()
			.name(name)
			.help(help)
			.unit(Unit.BYTES)
			.labelNames(labelNames)
			.withoutExemplars()
			.build());
		return new RequestDataPoints<>(
				(request, method, groupValue, status) -> summary
					.labelValues(RequestLabels.values(request, method, groupValue)),
				limits.forLabel(name, group), cached);
	}

	@Override
	public InProgressRequests inProgress() {
		return this.inProgress;
	}

	@Override
	public void record(CompletedRequest request) {
		String method = request.method();
		int status = request.status();
		this.totalDataPoints.get(request, method, null, status).inc();
		Throwable exception = request.exception();
		if (exception != null) {
			this.exceptions
				.labelValues(RequestLabels.values(request, method, this.statusLabel.of(status),
						RequestLabels.exceptionName(exception)))
				.inc();
		}
		String group = request.group();
		if (group == null) {
			return;
		}
		this.durationDataPoints.get(request, method, group, status)
			.observe(Unit.nanosToSeconds(Math.max(0, request.durationNanos())));
		if (this.requestSizeDataPoints != null && request.requestBytes() >= 0) {
			this.requestSizeDataPoints.get(request, method, group, 0).observe(request.requestBytes());
		}
		if (this.responseSizeDataPoints != null && request.responseBytes() >= 0) {
			this.responseSizeDataPoints.get(request, method, group, 0).observe(request.responseBytes());
		}
	}

}
