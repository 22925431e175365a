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
import java.util.function.Function;

import io.github.prometheusweb.labels.CardinalityLimits;
import io.github.prometheusweb.labels.DefaultLabels;
import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.datapoints.GaugeDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.core.metrics.Summary;
import io.prometheus.metrics.model.registry.Collector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The default request metrics: request duration (histogram or summary), request count,
 * exception count and, when enabled, request and response sizes and the requests in
 * progress. Metrics are registered when this object is created and unregistered when it
 * is closed.
 *
 * @author prometheus-web authors
 */
public final class DefaultRequestMetrics implements AutoCloseable {

	private final PrometheusRegistry registry;

	private final StatusLabel statusLabel;

	private final Function<String[], DistributionDataPoint> duration;

	private final Counter total;

	private final Counter exceptions;

	private final InProgressRequests inProgress;

	private final RequestDataPoints<DistributionDataPoint> durationDataPoints;

	private final RequestDataPoints<CounterDataPoint> totalDataPoints;

	private final RequestDataPoints<DistributionDataPoint> requestSizeDataPoints;

	private final RequestDataPoints<DistributionDataPoint> responseSizeDataPoints;

	private final List<Collector> registered = new ArrayList<>();

	/**
	 * Creates the default metrics and registers them.
	 * @param settings how the metrics are built
	 * @param defaultLabels the default labels, whose names every metric carries last
	 * @param limits the limits of the group label
	 * @param registry the registry to register the metrics in
	 */
	public DefaultRequestMetrics(DefaultMetricsSettings settings, DefaultLabels defaultLabels, CardinalityLimits limits,
			PrometheusRegistry registry) {
		this.registry = registry;
		this.statusLabel = new StatusLabel(settings.groupStatusCodes());
		String prefix = settings.namePrefix();
		String group = settings.groupLabel();
		String[] defaultNames = defaultLabels.names();
		boolean cached = defaultLabels.isLiteral();
		String durationName = prefix + "http_request_duration_seconds";
		this.duration = registerDuration(settings, durationName, labelNames(defaultNames, "method", group, "status"));
		this.durationDataPoints = new RequestDataPoints<>(
				(request, method, groupValue, status) -> this.duration
					.apply(labelValues(request, method, groupValue, this.statusLabel.of(status))),
				limits.forLabel(durationName, group), cached);
		this.total = register(counter(settings).name(prefix + "http_request_total")
			.help("Total number of HTTP requests")
			.labelNames(labelNames(defaultNames, "method", "status"))
			.build());
		this.totalDataPoints = new RequestDataPoints<>((request, method, groupValue, status) -> this.total
			.labelValues(labelValues(request, method, this.statusLabel.of(status))), null, cached);
		this.exceptions = register(counter(settings).name(prefix + "http_request_exceptions_total")
			.help("Total number of HTTP requests which resulted in an exception")
			.labelNames(labelNames(defaultNames, "method", "status", "exception"))
			.build());
		this.requestSizeDataPoints = settings.sizes() ? sizeDataPoints(prefix + "http_request_size_bytes",
				"HTTP request body size in bytes", labelNames(defaultNames, "method", group), group, limits, cached)
				: null;
		this.responseSizeDataPoints = settings.sizes() ? sizeDataPoints(prefix + "http_response_size_bytes",
				"HTTP response body size in bytes", labelNames(defaultNames, "method", group), group, limits, cached)
				: null;
		this.inProgress = settings.inProgress()
				? new InProgressRequests(prefix + "http_requests_in_progress", defaultLabels) : null;
		if (this.inProgress != null) {
			register(this.inProgress.gauge());
		}
	}

	private Function<String[], DistributionDataPoint> registerDuration(DefaultMetricsSettings settings, String name,
			String[] labelNames) {
		String help = "HTTP request duration in seconds";
		if (settings.durationAsHistogram()) {
			Histogram.Builder builder = Histogram.builder()
				.name(name)
				.help(help)
				.unit(Unit.SECONDS)
				.labelNames(labelNames)
				.classicUpperBounds(settings.buckets().stream().mapToDouble(Double::doubleValue).toArray());
			if (!settings.nativeHistograms()) {
				builder.classicOnly();
			}
			if (!settings.exemplars()) {
				builder.withoutExemplars();
			}
			Histogram histogram = register(builder.build());
			// A lambda, not a method reference: labelValues is declared in a class that
			// is not public in client_java 1.3 (IllegalAccessError there).
			return (values) -> histogram.labelValues(values);
		}
		Summary.Builder builder = Summary.builder().name(name).help(help).unit(Unit.SECONDS).labelNames(labelNames);
		settings.summaryQuantiles().forEach(builder::quantile);
		if (!settings.exemplars()) {
			builder.withoutExemplars();
		}
		Summary summary = register(builder.build());
		return (values) -> summary.labelValues(values);
	}

	private static Counter.Builder counter(DefaultMetricsSettings settings) {
		Counter.Builder builder = Counter.builder();
		return settings.exemplars() ? builder : builder.withoutExemplars();
	}

	private RequestDataPoints<DistributionDataPoint> sizeDataPoints(String name, String help, String[] labelNames,
			String group, CardinalityLimits limits, boolean cached) {
		// Sizes carry no exemplars: they are for latency.
		Summary summary = register(Summary.builder()
			.name(name)
			.help(help)
			.unit(Unit.BYTES)
			.labelNames(labelNames)
			.withoutExemplars()
			.build());
		return new RequestDataPoints<>(
				(request, method, groupValue, status) -> summary.labelValues(labelValues(request, method, groupValue)),
				limits.forLabel(name, group), cached);
	}

	private <C extends Collector> C register(C collector) {
		this.registry.register(collector);
		this.registered.add(collector);
		return collector;
	}

	/**
	 * Whether the in-progress gauge is on, so that {@link #started} counts requests.
	 * @return whether requests in progress are counted
	 */
	public boolean countsInProgress() {
		return this.inProgress != null;
	}

	/**
	 * Counts a request as in progress, if the gauge is on.
	 * @param method the {@code method} label value
	 * @param request the request, for default labels that read it
	 * @return the data point to decrement when the request is no longer in progress, or
	 * {@code null} if the gauge is off
	 */
	public GaugeDataPoint started(String method, HttpServletRequest request) {
		return (this.inProgress != null) ? this.inProgress.started(method, request) : null;
	}

	/**
	 * Records a completed request.
	 * @param request the completed request
	 */
	public void record(CompletedRequest request) {
		String method = request.method();
		int status = request.status();
		this.totalDataPoints.get(request, method, null, status).inc();
		Throwable exception = request.exception();
		if (exception != null) {
			this.exceptions
				.labelValues(labelValues(request, method, this.statusLabel.of(status), exceptionName(exception)))
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

	private static String exceptionName(Throwable exception) {
		String name = exception.getClass().getSimpleName();
		return name.isEmpty() ? exception.getClass().getName() : name;
	}

	private static String[] labelValues(CompletedRequest request, String... values) {
		String[] defaults = request.defaultLabelValues();
		if (defaults.length == 0) {
			return values;
		}
		String[] all = new String[values.length + defaults.length];
		System.arraycopy(values, 0, all, 0, values.length);
		System.arraycopy(defaults, 0, all, values.length, defaults.length);
		return all;
	}

	private static String[] labelNames(String[] defaultNames, String... names) {
		String[] all = new String[names.length + defaultNames.length];
		System.arraycopy(names, 0, all, 0, names.length);
		System.arraycopy(defaultNames, 0, all, names.length, defaultNames.length);
		return all;
	}

	/**
	 * Unregisters the metrics.
	 */
	@Override
	public void close() {
		this.registered.forEach(this.registry::unregister);
		this.registered.clear();
	}

}
