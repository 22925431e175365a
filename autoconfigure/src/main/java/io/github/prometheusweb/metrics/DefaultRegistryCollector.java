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

import java.util.function.Predicate;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.registry.PrometheusScrapeRequest;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;

/**
 * Serves the metrics an application registered in client_java's
 * {@link PrometheusRegistry#defaultRegistry} (with
 * {@code Counter.builder()...register()}) through another registry, so that they appear
 * on the metrics endpoint too.
 *
 * @author prometheus-web authors
 */
public final class DefaultRegistryCollector implements MultiCollector, AutoCloseable {

	private final PrometheusRegistry source;

	private final PrometheusRegistry target;

	private DefaultRegistryCollector(PrometheusRegistry source, PrometheusRegistry target) {
		this.source = source;
		this.target = target;
	}

	/**
	 * Serves client_java's default registry through another registry. Does nothing when
	 * the other registry is the default registry itself.
	 * @param target the registry that the metrics endpoint scrapes
	 * @return the registered collector
	 */
	public static DefaultRegistryCollector registerIn(PrometheusRegistry target) {
		DefaultRegistryCollector collector = new DefaultRegistryCollector(PrometheusRegistry.defaultRegistry, target);
		if (target != PrometheusRegistry.defaultRegistry) {
			target.register(collector);
		}
		return collector;
	}

	/**
	 * Stops serving the default registry through the other registry.
	 */
	@Override
	public void close() {
		if (this.target != this.source) {
			this.target.unregister(this);
		}
	}

	@Override
	public MetricSnapshots collect() {
		return this.source.scrape();
	}

	@Override
	public MetricSnapshots collect(PrometheusScrapeRequest scrapeRequest) {
		return this.source.scrape(scrapeRequest);
	}

	@Override
	public MetricSnapshots collect(Predicate<String> includedNames) {
		return (includedNames != null) ? this.source.scrape(includedNames) : this.source.scrape();
	}

	@Override
	public MetricSnapshots collect(Predicate<String> includedNames, PrometheusScrapeRequest scrapeRequest) {
		return (includedNames != null) ? this.source.scrape(includedNames, scrapeRequest)
				: this.source.scrape(scrapeRequest);
	}

}
