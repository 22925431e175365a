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

import io.github.prometheusweb.annotation.Label;
import io.github.prometheusweb.annotation.PrometheusCounter;
import io.github.prometheusweb.annotation.PrometheusHistogram;

import org.springframework.stereotype.Service;

/**
 * Custom metrics on a service: they record when the method returns, inside a request or
 * not.
 *
 * @author prometheus-web authors
 */
@Service
public class CheckoutService {

	/**
	 * Places an order. {@code checkout_attempts_total{channel="web"}} shows 0 from
	 * startup, since its only label is a literal; {@code checkout_seconds} observes the
	 * duration in its own buckets.
	 * @param item the item
	 * @return the confirmation
	 */
	@PrometheusCounter(name = "checkout_attempts", help = "Checkout attempts",
			labels = @Label(name = "channel", value = "web"))
	@PrometheusHistogram(name = "checkout_seconds", help = "Checkout duration in seconds",
			buckets = { 0.01, 0.05, 0.1, 0.5 })
	public String placeOrder(String item) {
		try {
			Thread.sleep(ThreadLocalRandom.current().nextLong(100));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return "ordered " + item;
	}

}
