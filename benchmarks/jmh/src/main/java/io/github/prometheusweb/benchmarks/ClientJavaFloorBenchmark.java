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

package io.github.prometheusweb.benchmarks;

import java.util.concurrent.TimeUnit;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * What the default metrics of one request cost in client_java alone, measured in the same
 * run as {@link RecordingPathBenchmark}: the two clock reads of a duration, the increment
 * of the request counter and the observation of the duration histogram (the same buckets
 * and labels as the default metrics), on data points looked up once. The starter's
 * recording path cannot cost less than their sum.
 *
 * @author prometheus-web authors
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Threads(1)
public class ClientJavaFloorBenchmark {

	private static final double[] BUCKETS = { 0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5,
			10.0 };

	/**
	 * Whether exemplars are on, as they are by default in the starter.
	 */
	@Param({ "true", "false" })
	public boolean exemplars;

	private CounterDataPoint requests;

	private DistributionDataPoint duration;

	private long startNanos;

	/**
	 * Registers the metrics and looks up their data points.
	 */
	@Setup(Level.Trial)
	public void register() {
		PrometheusRegistry registry = new PrometheusRegistry();
		Counter.Builder counter = Counter.builder()
			.name("floor_http_request_total")
			.help("Requests")
			.labelNames("method", "status");
		Histogram.Builder histogram = Histogram.builder()
			.name("floor_http_request_duration_seconds")
			.help("Duration")
			.labelNames("method", "url_rule", "status")
			.classicOnly()
			.classicUpperBounds(BUCKETS);
		if (!this.exemplars) {
			counter.withoutExemplars();
			histogram.withoutExemplars();
		}
		this.requests = counter.register(registry).labelValues("GET", "200");
		this.duration = histogram.register(registry).labelValues("GET", RequestPath.ROUTE, "200");
		this.startNanos = System.nanoTime();
	}

	/**
	 * Two reads of the clock, as a duration needs.
	 * @return the difference, so nothing is optimised away
	 */
	@Benchmark
	public long clockReads() {
		long start = System.nanoTime();
		return System.nanoTime() - start;
	}

	/**
	 * One increment of the request counter.
	 */
	@Benchmark
	public void counterIncrement() {
		this.requests.inc();
	}

	/**
	 * One observation of the duration histogram.
	 */
	@Benchmark
	public void histogramObservation() {
		this.duration.observe(0.0042);
	}

	/**
	 * All of a request's default metrics: the clock read at its end, the counter and the
	 * histogram.
	 */
	@Benchmark
	public void defaultMetricsOfOneRequest() {
		long durationNanos = System.nanoTime() - this.startNanos;
		this.requests.inc();
		this.duration.observe(durationNanos / 1e9 % 0.01);
	}

}
