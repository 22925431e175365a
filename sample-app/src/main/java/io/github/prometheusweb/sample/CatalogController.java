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
package io.github.prometheusweb.sample;

import java.util.concurrent.ThreadLocalRandom;

import io.github.prometheusweb.annotation.DoNotTrack;
import io.github.prometheusweb.annotation.ExcludeAllMetrics;
import io.github.prometheusweb.annotation.Label;
import io.github.prometheusweb.annotation.PrometheusCounter;
import io.github.prometheusweb.annotation.PrometheusGauge;
import io.github.prometheusweb.annotation.PrometheusSummary;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Custom metrics on handler methods: one annotation of each kind, with labels read from
 * the request, the response and the method's parameters.
 *
 * @author prometheus-web authors
 */
@RestController
public class CatalogController {

	private final CheckoutService checkout;

	public CatalogController(CheckoutService checkout) {
		this.checkout = checkout;
	}

	/**
	 * Counts calls by the {@code type} path variable:
	 * {@code invocation_by_type_total{item_type="book"}}.
	 * @param type the item type
	 * @return the items
	 */
	@GetMapping("/types/{type}")
	@PrometheusCounter(name = "invocation_by_type", help = "Number of invocations by item type",
			labels = @Label(name = "item_type", value = "#{#pathVariables['type']}"))
	public String itemsOfType(@PathVariable String type) {
		return "items of type " + type + "\n";
	}

	/**
	 * Observes the duration of searches by the status the client received, with
	 * quantiles: {@code search_seconds{status="400",quantile="0.9"}}. An empty query is a
	 * 400.
	 * @param q the query
	 * @return the results
	 */
	@GetMapping("/search")
	@PrometheusSummary(name = "search_seconds", help = "Search duration in seconds by status",
			labels = @Label(name = "status", value = "#{#response.status}"), quantiles = { 0.5, 0.9 })
	public String search(@RequestParam(defaultValue = "") String q) {
		if (q.isBlank()) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "empty query");
		}
		return "results for " + q + "\n";
	}

	/**
	 * Counts reports being built right now: {@code reports_in_progress}.
	 * @return the report
	 * @throws InterruptedException if interrupted while building
	 */
	@GetMapping("/report")
	@PrometheusGauge(name = "reports_in_progress", help = "Reports being built")
	public String report() throws InterruptedException {
		Thread.sleep(ThreadLocalRandom.current().nextLong(500));
		return "report\n";
	}

	/**
	 * Places an order through a service whose methods have metrics of their own.
	 * @param item the item
	 * @return the confirmation
	 */
	@PostMapping("/checkout")
	public String checkout(@RequestParam String item) {
		return this.checkout.placeOrder(item) + "\n";
	}

	/**
	 * A liveness probe: no default metrics, but its custom counter still counts.
	 * @return {@code pong}
	 */
	@GetMapping("/ping")
	@DoNotTrack
	@PrometheusCounter(name = "pings", help = "Liveness probes")
	public String ping() {
		return "pong\n";
	}

	/**
	 * An internal route that no metric records.
	 * @return {@code internal}
	 */
	@GetMapping("/internal")
	@ExcludeAllMetrics
	public String internal() {
		return "internal\n";
	}

}
