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

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.LongCounter;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;

/**
 * Series for the scrape test: {@code load.synthetic-series} counter series (none by
 * default) through the OpenTelemetry API, which the OpenTelemetry Java agent bridges to
 * its SDK and its Prometheus exporter. Without the agent the API is a no-op.
 *
 * @author prometheus-web authors
 */
@Configuration(proxyBeanMethods = false)
public class SyntheticSeries {

	private static final AttributeKey<String> ID = AttributeKey.stringKey("id");

	SyntheticSeries(@Value("${load.synthetic-series:0}") int series) {
		LongCounter counter = GlobalOpenTelemetry.getMeter("io.github.prometheusweb.loadapp")
			.counterBuilder("load.synthetic")
			.setDescription("Synthetic series")
			.build();
		for (int i = 0; i < series; i++) {
			counter.add(1, Attributes.of(ID, "item-" + i));
		}
	}

}
