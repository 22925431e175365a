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

import io.github.prometheusweb.labels.CardinalityLimit;
import io.github.prometheusweb.labels.CardinalityLimits;
import io.github.prometheusweb.labels.DefaultLabels;
import io.github.prometheusweb.metrics.RequestLabels.Registrations;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
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

	private final CardinalityLimit uriLimit;

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
		this.timer = settings.duration(NAME, HELP, labelNames, percentileHistogramBuckets(), registrations);
		registrations.register(GaugeWithCallback.builder()
			.name(NAME + "_max")
			.help("Longest HTTP server request of the last minute")
			.labelNames(labelNames)
			.callback((callback) -> {
				long now = System.nanoTime();
				this.maxima.forEach((values, max) -> callback.call(max.get(now), values.toArray(String[]::new)));
			})
			.build());
		this.uriLimit = limits.forLabel(NAME, "uri");
		this.timings = new RequestDataPoints<>(
				(request, method, uri, status) -> timing(request, method, uri, status, NONE, NONE), this.uriLimit,
				defaultLabels.isLiteral());
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
		String uri = uri(request, status);
		Throwable exception = request.exception();
		// Micrometer's error is the simple name, empty for an anonymous class; Spring's
		// exception falls back to the full name.
		Timing timing = (exception != null) ? timing(request, method, this.uriLimit.apply(uri), status,
				exception.getClass().getSimpleName(), RequestLabels.exceptionName(exception))
				: this.timings.get(request, method, uri, status);
		double seconds = Unit.nanosToSeconds(Math.max(0, request.durationNanos()));
		timing.duration().observe(seconds);
		timing.max().record(seconds, request.completedNanos());
	}

	private Timing timing(CompletedRequest request, String method, String uri, int status, String error,
			String exception) {
		String[] values = RequestLabels.values(request, error, exception, method, outcome(status),
				this.statusLabel.of(status), uri);
		WindowMax max = this.maxima.computeIfAbsent(List.of(values),
				(key) -> new WindowMax(MAX_WINDOW_NANOS, request.completedNanos()));
		return new Timing(this.timer.apply(values), max);
	}

	private String method(String method) {
		return this.knownMethods.contains(method) ? method : UNKNOWN;
	}

	/**
	 * The {@code uri} label value, as Spring's
	 * {@code DefaultServerRequestObservationConvention} gives it: the route template;
	 * with no route, {@code REDIRECTION} for a known 3xx status, {@code NOT_FOUND} for a
	 * 404 and {@code UNKNOWN} otherwise. (Spring's {@code root}, for an empty pattern,
	 * does not occur: Spring MVC reports {@code /} for a handler mapped with an empty
	 * path, and so does Actuator.)
	 */
	private static String uri(CompletedRequest request, int status) {
		String route = request.handler().routeTemplate();
		if (route != null) {
			return route;
		}
		HttpStatus known = HttpStatus.resolve(status);
		if (known != null && known.is3xxRedirection()) {
			return "REDIRECTION";
		}
		return (known == HttpStatus.NOT_FOUND) ? "NOT_FOUND" : UNKNOWN;
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
