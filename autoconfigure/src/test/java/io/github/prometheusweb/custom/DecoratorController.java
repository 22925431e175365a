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
package io.github.prometheusweb.custom;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import io.github.prometheusweb.annotation.DoNotTrack;
import io.github.prometheusweb.annotation.ExcludeAllMetrics;
import io.github.prometheusweb.annotation.Label;
import io.github.prometheusweb.annotation.PrometheusCounter;
import io.github.prometheusweb.annotation.PrometheusGauge;
import io.github.prometheusweb.annotation.PrometheusHistogram;
import io.github.prometheusweb.annotation.PrometheusSummary;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The views of the Flask exporter's decorator tests, annotated the Spring way.
 */
@RestController
public class DecoratorController {

	private final PrometheusRegistry registry;

	public DecoratorController(PrometheusRegistry registry) {
		this.registry = registry;
	}

	@GetMapping("/hist/1")
	@PrometheusHistogram(name = "hist_1", help = "Histogram 1")
	public String hist1() {
		return "OK";
	}

	@GetMapping("/hist/2")
	@PrometheusHistogram(name = "hist_2", help = "Histogram 2",
			labels = { @Label(name = "uri", value = "#{#request.requestURI}"),
					@Label(name = "code", value = "#{#response.status}") })
	public String hist2() {
		return "OK";
	}

	@GetMapping("/hist/{x}/{y}")
	@PrometheusHistogram(name = "hist_3", help = "Histogram 3",
			labels = { @Label(name = "x_value", value = "#{#x}"), @Label(name = "y_value", value = "#{#y}") },
			buckets = { 0.7, 2.9 })
	public String hist3(@PathVariable int x, @PathVariable int y) {
		return "OK: " + x + "/" + y;
	}

	@GetMapping("/sum/1")
	@PrometheusSummary(name = "sum_1", help = "Summary 1")
	public String sum1() {
		return "OK";
	}

	@GetMapping("/sum/2")
	@PrometheusSummary(name = "sum_2", help = "Summary 2",
			labels = { @Label(name = "uri", value = "#{#request.requestURI}"),
					@Label(name = "code", value = "#{#response.status}"), @Label(name = "variant", value = "2") })
	public String sum2() {
		return "OK";
	}

	@GetMapping("/gauge/{a}")
	@PrometheusGauge(name = "gauge_1", help = "Gauge 1", labels = @Label(name = "a", value = "#{#pathVariables['a']}"))
	public String gauge(@PathVariable String a) throws IOException {
		return scrape();
	}

	@GetMapping("/cnt")
	@PrometheusCounter(name = "cnt_1", help = "Counter 1")
	public String counter() {
		return "OK";
	}

	@GetMapping("/do-not-track")
	@PrometheusCounter(name = "cnt_before", help = "Counter before")
	@DoNotTrack
	@PrometheusCounter(name = "cnt_after", help = "Counter after")
	public String doNotTrack() {
		return "OK";
	}

	@GetMapping("/exclude-all-wrapping")
	@PrometheusCounter(name = "cnt_excluded_before", help = "Counter before")
	@PrometheusGauge(name = "gauge_excluded_before", help = "Gauge before")
	@ExcludeAllMetrics
	@PrometheusCounter(name = "cnt_excluded_after", help = "Counter after")
	@PrometheusGauge(name = "gauge_excluded_after", help = "Gauge after")
	public String excludeAllWrapping() {
		return "OK";
	}

	@GetMapping({ "/multi/first", "/multi/second" })
	@PrometheusCounter(name = "multi_counter", help = "Multi counter",
			labels = @Label(name = "path", value = "#{#request.requestURI}"))
	public String multiFirst() {
		return "OK";
	}

	@GetMapping("/multi/third")
	@PrometheusCounter(name = "multi_counter", help = "Multi counter",
			labels = @Label(name = "path", value = "#{#request.requestURI}"))
	public String multiThird() {
		return "OK";
	}

	@GetMapping("/abort")
	@PrometheusSummary(name = "abort_summary", help = "Summary of aborted calls",
			labels = @Label(name = "code", value = "#{#response.status}"))
	@PrometheusHistogram(name = "abort_histogram", help = "Histogram of aborted calls",
			labels = @Label(name = "code", value = "#{#response.status}"), buckets = { 0.5, 10.0 })
	public String abort() {
		throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE);
	}

	@GetMapping("/exception")
	@PrometheusSummary(name = "exception_summary", help = "Summary of failed calls",
			labels = { @Label(name = "code", value = "#{#response.status}"),
					@Label(name = "exception", value = "#{#exception.class.simpleName}") })
	public String exception() {
		throw new IllegalStateException("unhandled");
	}

	@GetMapping("/handled-error")
	@PrometheusSummary(name = "handled_summary", help = "Summary of handled calls",
			labels = { @Label(name = "code", value = "#{#response.status}"),
					@Label(name = "original", value = "#{#response.getHeader('X-Original')}") })
	public String handledError() {
		throw new ConflictException();
	}

	@ExceptionHandler(ConflictException.class)
	public ResponseEntity<String> handleConflict(ConflictException ex) {
		return ResponseEntity.badRequest().header("X-Original", "409").body("handled");
	}

	private String scrape() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		PrometheusTextFormatWriter.create().write(out, this.registry.scrape());
		return out.toString(StandardCharsets.UTF_8);
	}

	static class ConflictException extends RuntimeException {

		private static final long serialVersionUID = 1L;

	}

}
