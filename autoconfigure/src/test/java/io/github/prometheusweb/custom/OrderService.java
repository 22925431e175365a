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

import io.github.prometheusweb.annotation.Label;
import io.github.prometheusweb.annotation.PrometheusCounter;
import io.github.prometheusweb.annotation.PrometheusGauge;
import io.github.prometheusweb.annotation.PrometheusHistogram;

import org.springframework.stereotype.Service;

/**
 * A service whose public methods carry custom metrics.
 */
@Service
public class OrderService {

	@PrometheusCounter(name = "orders_placed", help = "Orders placed",
			labels = @Label(name = "kind", value = "#{#kind}"))
	@PrometheusHistogram(name = "order_duration_seconds", help = "Time to place an order", buckets = { 1.0, 60.0 })
	public String place(String kind) {
		return "placed " + kind;
	}

	@PrometheusCounter(name = "orders_audited", help = "Orders audited")
	public String audit() {
		return "audited";
	}

	@PrometheusCounter(name = "orders_described", help = "Orders described",
			labels = @Label(name = "order", value = "#{#order}"))
	public String describe(Object order) {
		return "described";
	}

	@PrometheusCounter(name = "order_checks", help = "Order checks by outcome",
			labels = { @Label(name = "outcome", value = "#{#exception == null ? 'ok' : #exception.getMessage()}"),
					@Label(name = "result", value = "#{#result}") })
	@PrometheusGauge(name = "order_checks_in_progress", help = "Order checks in progress")
	public String check(boolean fail) {
		if (fail) {
			throw new IllegalArgumentException("rejected");
		}
		return "valid";
	}

}
