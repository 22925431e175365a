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

package io.github.prometheusweb.loadapp;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;

/**
 * Series for the scrape test: {@code load.synthetic-series} counter series (none by
 * default) on {@code /actuator/prometheus}.
 *
 * @author prometheus-web authors
 */
@Configuration(proxyBeanMethods = false)
public class SyntheticSeries {

	SyntheticSeries(MeterRegistry registry, @Value("${load.synthetic-series:0}") int series) {
		for (int i = 0; i < series; i++) {
			Counter.builder("load.synthetic")
				.description("Synthetic series")
				.tag("id", "item-" + i)
				.register(registry)
				.increment();
		}
	}

}
