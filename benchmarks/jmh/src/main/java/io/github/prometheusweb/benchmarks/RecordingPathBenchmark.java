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

import java.io.IOException;

import io.github.prometheusweb.servlet.RequestMetricsFilter;
import jakarta.servlet.ServletException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The recording path of one request ({@code GET /items/{id}}, status 200): the metrics
 * filter, the handler interceptor and the recorders of the auto-configuration, in each
 * {@link Config configuration}; {@link Config#FLOOR} is the same request without the
 * starter. The cost of the starter is the difference to the floor.
 *
 * @author prometheus-web authors
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(java.util.concurrent.TimeUnit.NANOSECONDS)
public class RecordingPathBenchmark {

	/**
	 * The configuration.
	 */
	@Param({ "FLOOR", "DEFAULT", "OPENTELEMETRY", "MICROMETER", "PATH", "FULL_PATH", "ENDPOINT", "NATIVE_HISTOGRAMS",
			"SUMMARY", "CUSTOM_METRICS", "USER_METRICS" })
	public Config config;

	private StarterContext context;

	private RequestPath path;

	/**
	 * Starts the auto-configuration of the configuration.
	 */
	@Setup(Level.Trial)
	public void start() {
		this.context = StarterContext.start(this.config.properties(), this.config.controller());
		this.path = new RequestPath(this.context.bean(RequestMetricsFilter.class), this.context.interceptors(),
				this.context.beanFactory(), this.config.controller());
	}

	/**
	 * Stops it.
	 */
	@TearDown(Level.Trial)
	public void stop() {
		this.context.close();
	}

	/**
	 * The request and response of one thread, reused for each of its requests.
	 */
	@State(Scope.Thread)
	public static class Exchange {

		final MockHttpServletRequest request = RequestPath.newRequest();

		final MockHttpServletResponse response = new MockHttpServletResponse();

	}

	/**
	 * One request on one thread.
	 * @param exchange the request and response
	 * @return the response, so nothing is optimised away
	 * @throws IOException never
	 * @throws ServletException never
	 */
	@Benchmark
	@Threads(1)
	public MockHttpServletResponse oneThread(Exchange exchange) throws IOException, ServletException {
		this.path.handle(exchange.request, exchange.response);
		return exchange.response;
	}

	/**
	 * One request on each of two threads, on the same metrics.
	 * @param exchange the request and response of the thread
	 * @return the response, so nothing is optimised away
	 * @throws IOException never
	 * @throws ServletException never
	 */
	@Benchmark
	@Threads(2)
	public MockHttpServletResponse twoThreads(Exchange exchange) throws IOException, ServletException {
		this.path.handle(exchange.request, exchange.response);
		return exchange.response;
	}

}
