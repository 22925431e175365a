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

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Calls the {@link OrderService} during requests, and a handler whose label fails at run
 * time.
 */
@RestController
public class ServiceController {

	private final OrderService orders;

	public ServiceController(OrderService orders) {
		this.orders = orders;
	}

	@GetMapping("/orders/{kind}")
	public String order(@PathVariable String kind) {
		return this.orders.place(kind);
	}

	@GetMapping("/audits")
	public String audit() {
		return this.orders.audit();
	}

	@GetMapping("/checks/{fail}")
	public String check(@PathVariable boolean fail) {
		return this.orders.check(fail);
	}

	@GetMapping("/failing-label")
	@PrometheusCounter(name = "failing_label", help = "A label whose expression fails",
			labels = @Label(name = "length", value = "#{#request.getHeader('X-Missing').length()}"))
	public String failingLabel() {
		return "still fine";
	}

}
