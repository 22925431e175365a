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

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import io.github.prometheusweb.grouping.HandlerDetails;
import io.github.prometheusweb.labels.CardinalityLimits;
import io.github.prometheusweb.labels.DefaultLabels;
import io.github.prometheusweb.metrics.RequestLabels.Registrations;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.core.metrics.Summary;
import io.prometheus.metrics.model.snapshots.Unit;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/**
 * The default request metrics of the {@link Convention#MICROMETER} convention: what
 * Spring Boot Actuator with {@code micrometer-registry-prometheus} writes for
 * {@code http.server.requests}. The timer {@code http_server_requests_seconds} (a
 * histogram with Micrometer's percentile-histogram buckets, or a summary with only
 * {@code _count} and {@code _sum}) and the gauge
 * {@code http_server_requests_seconds_max}, labelled as Spring's
 * {@code DefaultServerRequestObservationConvention} labels them.
 *
 * @author prometheus-web authors
 */
final class MicrometerRequestMetrics implements ConventionMetrics {

	/**
	 * The labels of the metrics.
	 */
	static final List<String> LABEL_NAMES = List.of("error", "exception", "method", "outcome", "status", "uri");

	/**
	 * The name of the timer.
	 */
	static final String NAME = "http_server_requests_seconds";

	/**
	 * The window of {@code _max}: Spring Boot's default step,
	 * {@code management.prometheus.metrics.export.step}.
	 */
	private static final long MAX_WINDOW_NANOS = Duration.ofMinutes(1).toNanos();

	/**
	 * Help text of the timer; Micrometer's is empty, which promtool reports.
	 */
	private static final String HELP = "Duration of HTTP server requests";

	private static final String NONE = "none";

	private static final String UNKNOWN = "UNKNOWN";

	private static final String[] OUTCOMES = new String[600];

	static {
		for (int status = 0; status < OUTCOMES.length; status++) {
			OUTCOMES[status] = outcomeOf(status);
		}
	}

	private final Set<String> knownMethods = new TreeSet<>();

	private final StatusLabel statusLabel = new StatusLabel(false);

	private final Function<String[], DistributionDataPoint> timer;

	private final Map<List<String>, WindowMax> maxima = new ConcurrentHashMap<>();

	private final RequestDataPoints<Timing> timings;

	/**
	 * Creates the metrics and registers them.
	 * @param settings how the metrics are built
	 * @param defaultLabels the default labels, whose names every metric carries last
	 * @param limits the limits of the {@code uri} label
	 * @param registrations where to register the metrics
	 */
	MicrometerRequestMetrics(DefaultMetricsSettings settings, DefaultLabels defaultLabels, CardinalityLimits limits,
			Registrations registrations) {
		for (HttpMethod method : HttpMethod.values()) {
			this.knownMethods.add(method.name());
		}
		String[] labelNames = RequestLabels.names(defaultLabels.names(), LABEL_NAMES.toArray(String[]::new));
		if (settings.durationAsHistogram()) {
			Histogram histogram = registrations.register(settings.histogram(percentileHistogramBuckets())
				.name(NAME)
				.help(HELP)
				.unit(Unit.SECONDS)
				.labelNames(labelNames)
				.build());
			this.timer = (values) -> histogram.labelValues(values);
		}
		else {
			Summary summary = registrations
				.register(settings.summary().name(NAME).help(HELP).unit(Unit.SECONDS).labelNames(labelNames).build());
			this.timer = (values) -> summary.labelValues(values);
		}
		registrations.register(GaugeWithCallback.builder()
			.name(NAME + "_max")
			.help("Longest HTTP server request of the last minute")
			.labelNames(labelNames)
			.callback((callback) -> {
				long now = System.nanoTime();
				this.maxima.forEach((values, max) -> callback.call(max.get(now), values.toArray(String[]::new)));
			})
			.build());
		this.timings = new RequestDataPoints<>(
				(request, method, uri, status) -> timing(request, method, uri, status, NONE),
				limits.forLabel(NAME, "uri"), defaultLabels.isLiteral());
	}

	/**
	 * The buckets of Micrometer's percentile histogram of a timer with its default range,
	 * 1 ms to 30 s: from 4^10 ns on, each power of four and the eight steps of a third of
	 * it that follow, within the range, and the two ends of the range.
	 * @return the upper bounds, in seconds
	 */
	static List<Double> percentileHistogramBuckets() {
		long min = Duration.ofMillis(1).toNanos();
		long max = Duration.ofSeconds(30).toNanos();
		TreeSet<Long> nanos = new TreeSet<>(List.of(min, max));
		for (long power = 4; power <= max; power *= 4) {
			long third = power / 3;
			for (int step = 0; step <= 8; step++) {
				long bound = power + step * third;
				if (bound >= min && bound <= max) {
					nanos.add(bound);
				}
			}
		}
		List<Double> seconds = new ArrayList<>();
		nanos.forEach((bound) -> seconds.add(bound / 1e9));
		return seconds;
	}

	@Override
	public InProgressRequests inProgress() {
		return null;
	}

	@Override
	public void record(CompletedRequest request) {
		String method = method(request.method());
		int status = request.status();
		String uri = uri(request.handler(), status);
		Throwable exception = request.exception();
		Timing timing = (exception != null)
				? timing(request, method, uri, status, RequestLabels.exceptionName(exception))
				: this.timings.get(request, method, uri, status);
		double seconds = Unit.nanosToSeconds(Math.max(0, request.durationNanos()));
		timing.duration().observe(seconds);
		timing.max().record(seconds, request.completedNanos());
	}

	private Timing timing(CompletedRequest request, String method, String uri, int status, String exception) {
		String[] values = RequestLabels.values(request, exception, exception, method, outcome(status),
				this.statusLabel.of(status), uri);
		WindowMax max = this.maxima.computeIfAbsent(List.of(values),
				(key) -> new WindowMax(MAX_WINDOW_NANOS, request.completedNanos()));
		return new Timing(this.timer.apply(values), max);
	}

	private String method(String method) {
		return this.knownMethods.contains(method) ? method : UNKNOWN;
	}

	/**
	 * The {@code uri} label value: the route template, {@code root} for an empty one;
	 * with no route, {@code REDIRECTION} for a redirect, {@code NOT_FOUND} for a 404 and
	 * {@code UNKNOWN} otherwise.
	 */
	private static String uri(HandlerDetails handler, int status) {
		String route = handler.routeTemplate();
		if (route != null) {
			return route.isEmpty() ? "root" : route;
		}
		if (status >= 300 && status < 400) {
			return "REDIRECTION";
		}
		return (status == 404) ? "NOT_FOUND" : UNKNOWN;
	}

	private static String outcome(int status) {
		return (status >= 0 && status < OUTCOMES.length) ? OUTCOMES[status] : UNKNOWN;
	}

	private static String outcomeOf(int status) {
		if (status >= 200 && status < 300) {
			return "SUCCESS";
		}
		HttpStatus known = HttpStatus.resolve(status);
		return (known != null) ? known.series().name() : UNKNOWN;
	}

	/**
	 * The timer and the maximum of one label set.
	 */
	private record Timing(DistributionDataPoint duration, WindowMax max) {

	}

}
