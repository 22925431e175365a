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
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import io.github.prometheusweb.autoconfigure.PrometheusWebProperties;
import io.github.prometheusweb.grouping.GroupByStrategy;
import io.github.prometheusweb.labels.DefaultLabels;
import io.github.prometheusweb.labels.LabelContext;
import io.github.prometheusweb.labels.ResponseWithStatus;
import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.core.metrics.Summary;
import io.prometheus.metrics.model.registry.Collector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The default request metrics: request duration (histogram or summary), request count,
 * exception count and, when enabled, request and response sizes. Metrics are registered
 * when this object is created and unregistered when it is closed.
 *
 * @author prometheus-web authors
 */
public class DefaultRequestMetrics implements RequestRecorder, AutoCloseable {

	private final PrometheusRegistry registry;

	private final GroupByStrategy grouping;

	private final StatusLabel statusLabel;

	private final DefaultLabels defaultLabels;

	private final boolean countHandledExceptions;

	private final Function<String[], DistributionDataPoint> duration;

	private final Counter total;

	private final Counter exceptions;

	private final Summary requestSize;

	private final Summary responseSize;

	private final RequestDataPoints<DistributionDataPoint> durationDataPoints;

	private final RequestDataPoints<CounterDataPoint> totalDataPoints;

	private final RequestDataPoints<DistributionDataPoint> requestSizeDataPoints;

	private final RequestDataPoints<DistributionDataPoint> responseSizeDataPoints;

	private final List<Collector> registered = new ArrayList<>();

	/**
	 * Creates the default metrics and registers them.
	 * @param properties the configuration
	 * @param grouping the group-by strategy of the duration and size metrics
	 * @param registry the registry to register the metrics in
	 * @param defaultLabels the default labels to add to every metric
	 * @param limits the limits of the request-derived labels
	 */
	public DefaultRequestMetrics(PrometheusWebProperties properties, GroupByStrategy grouping,
			PrometheusRegistry registry, DefaultLabels defaultLabels, CardinalityLimits limits) {
		this.registry = registry;
		this.grouping = grouping;
		this.statusLabel = new StatusLabel(properties.isGroupStatusCodes());
		this.countHandledExceptions = properties.isCountHandledExceptions();
		String group = grouping.labelName();
		checkDefaultLabelNames(defaultLabels, group);
		String[] defaultNames = defaultLabels.names();
		this.defaultLabels = defaultLabels;
		String prefix = MetricNames.prefix(properties.getPrefix());
		this.duration = registerDuration(properties, prefix + "http_request_duration_seconds",
				labelNames(defaultNames, "method", group, "status"));
		boolean cached = defaultLabels.isLiteral();
		this.durationDataPoints = new RequestDataPoints<>(
				(request, method, groupValue, status) -> this.duration
					.apply(labelValues(request, method, groupValue, this.statusLabel.of(status))),
				limits.forLabel(prefix + "http_request_duration_seconds", group), cached);
		this.total = register(counter(properties).name(prefix + "http_request_total")
			.help("Total number of HTTP requests")
			.labelNames(labelNames(defaultNames, "method", "status"))
			.build());
		this.exceptions = register(counter(properties).name(prefix + "http_request_exceptions_total")
			.help("Total number of HTTP requests which resulted in an exception")
			.labelNames(labelNames(defaultNames, "method", "status", "exception"))
			.build());
		boolean sizes = properties.getSizes().isEnabled();
		this.requestSize = sizes ? registerSize(prefix + "http_request_size_bytes", "HTTP request body size in bytes",
				labelNames(defaultNames, "method", group)) : null;
		this.responseSize = sizes ? registerSize(prefix + "http_response_size_bytes",
				"HTTP response body size in bytes", labelNames(defaultNames, "method", group)) : null;
		this.totalDataPoints = new RequestDataPoints<>((request, method, groupValue, status) -> this.total
			.labelValues(labelValues(request, method, this.statusLabel.of(status))), null, cached);
		this.requestSizeDataPoints = sizes ? new RequestDataPoints<>(
				(request, method, groupValue, status) -> this.requestSize
					.labelValues(labelValues(request, method, groupValue)),
				limits.forLabel(prefix + "http_request_size_bytes", group), cached) : null;
		this.responseSizeDataPoints = sizes ? new RequestDataPoints<>(
				(request, method, groupValue, status) -> this.responseSize
					.labelValues(labelValues(request, method, groupValue)),
				limits.forLabel(prefix + "http_response_size_bytes", group), cached) : null;
	}

	private Function<String[], DistributionDataPoint> registerDuration(PrometheusWebProperties properties, String name,
			String[] labelNames) {
		String help = "HTTP request duration in seconds";
		if (properties.isLatencyAsHistogram()) {
			Histogram.Builder builder = Histogram.builder()
				.name(name)
				.help(help)
				.unit(Unit.SECONDS)
				.labelNames(labelNames)
				.classicUpperBounds(properties.getBuckets().stream().mapToDouble(Double::doubleValue).toArray());
			if (!properties.isNativeHistograms()) {
				builder.classicOnly();
			}
			if (!ExemplarSupport.isEnabled(properties)) {
				builder.withoutExemplars();
			}
			Histogram histogram = register(builder.build());
			// A lambda, not a method reference: labelValues is declared in
			// StatefulMetric,
			// which is not public in client_java 1.3.x (IllegalAccessError there).
			return (values) -> histogram.labelValues(values);
		}
		Summary.Builder builder = Summary.builder().name(name).help(help).unit(Unit.SECONDS).labelNames(labelNames);
		properties.getSummaryQuantiles().forEach(builder::quantile);
		if (!ExemplarSupport.isEnabled(properties)) {
			builder.withoutExemplars();
		}
		Summary summary = register(builder.build());
		return (values) -> summary.labelValues(values);
	}

	private static Counter.Builder counter(PrometheusWebProperties properties) {
		Counter.Builder builder = Counter.builder();
		if (!ExemplarSupport.isEnabled(properties)) {
			builder.withoutExemplars();
		}
		return builder;
	}

	private Summary registerSize(String name, String help, String[] labelNames) {
		// Sizes carry no exemplars: they are for latency.
		return register(Summary.builder()
			.name(name)
			.help(help)
			.unit(Unit.BYTES)
			.labelNames(labelNames)
			.withoutExemplars()
			.build());
	}

	private <C extends Collector> C register(C collector) {
		this.registry.register(collector);
		this.registered.add(collector);
		return collector;
	}

	@Override
	public void record(CompletedRequest request) {
		String method = request.method();
		int status = request.status();
		// The metrics without the group label first: a failing group-by strategy loses
		// only the duration and sizes.
		this.totalDataPoints.get(request, method, null, status).inc();
		Throwable exception = countedException(request);
		if (exception != null) {
			this.exceptions
				.labelValues(labelValues(request, method, this.statusLabel.of(status), exceptionName(exception)))
				.inc();
		}
		String group = this.grouping.labelValue(request.request(), request.handler());
		this.durationDataPoints.get(request, method, group, status)
			.observe(Unit.nanosToSeconds(Math.max(0, request.durationNanos())));
		if (this.requestSizeDataPoints != null && request.requestBytes() >= 0) {
			this.requestSizeDataPoints.get(request, method, group, 0).observe(request.requestBytes());
		}
		if (this.responseSizeDataPoints != null && request.responseBytes() >= 0) {
			this.responseSizeDataPoints.get(request, method, group, 0).observe(request.responseBytes());
		}
	}

	private Throwable countedException(CompletedRequest request) {
		if (request.escapedException() != null) {
			return request.escapedException();
		}
		Throwable handled = request.handledException();
		if (this.countHandledExceptions && handled != null && !hasStatusOfItsOwn(handled)) {
			return handled;
		}
		return null;
	}

	/**
	 * Whether Spring MVC maps the exception to a status itself
	 * ({@code ResponseStatusException}, the standard MVC exceptions,
	 * {@code @ResponseStatus}); such exceptions are a way to answer with a status, not a
	 * failure an {@code @ExceptionHandler} dealt with.
	 */
	private static boolean hasStatusOfItsOwn(Throwable exception) {
		return exception instanceof ErrorResponse
				|| AnnotatedElementUtils.hasAnnotation(exception.getClass(), ResponseStatus.class);
	}

	private static String exceptionName(Throwable exception) {
		String name = exception.getClass().getSimpleName();
		return name.isEmpty() ? exception.getClass().getName() : name;
	}

	private String[] labelValues(CompletedRequest request, String... values) {
		return this.defaultLabels.appendTo(values, () -> LabelContext.ofRequest(request.request(),
				ResponseWithStatus.of(request.response(), request.status()), request.handler()));
	}

	private static String[] labelNames(String[] defaultNames, String... names) {
		String[] all = Arrays.copyOf(names, names.length + defaultNames.length);
		System.arraycopy(defaultNames, 0, all, names.length, defaultNames.length);
		return all;
	}

	private static void checkDefaultLabelNames(DefaultLabels defaultLabels, String groupLabel) {
		List<String> names = Arrays.asList(defaultLabels.names());
		for (String reserved : List.of("method", "status", "exception", "le", "quantile", groupLabel)) {
			if (names.contains(reserved)) {
				throw new IllegalArgumentException("Default label '" + reserved + "' (prometheus.web.default-labels."
						+ reserved + " or a RequestLabelContributor) clashes with a label of the default metrics; "
						+ "choose another name");
			}
		}
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
