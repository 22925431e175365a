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

import java.util.Set;
import java.util.function.Predicate;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.registry.PrometheusScrapeRequest;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;

/**
 * Serves the metrics of one registry through another: client_java's
 * {@link PrometheusRegistry#defaultRegistry} (where
 * {@code Counter.builder()...register()} puts an application's own metrics) and the JVM
 * metrics are served this way on the metrics endpoint. Registered in the other registry
 * when created, unregistered when closed.
 *
 * @author prometheus-web authors
 */
public final class RegistryBridge implements MultiCollector, AutoCloseable {

	private final PrometheusRegistry source;

	private final PrometheusRegistry target;

	private final Set<String> excludedNames;

	private RegistryBridge(PrometheusRegistry source, PrometheusRegistry target, Set<String> excludedNames) {
		this.source = source;
		this.target = target;
		this.excludedNames = Set.copyOf(excludedNames);
	}

	/**
	 * Serves a registry through another. Does nothing when both are the same registry.
	 * @param source the registry whose metrics are served
	 * @param target the registry that the metrics endpoint scrapes
	 * @param excludedNames names of metric families of the source that the target already
	 * serves, left out so that no family appears twice
	 * @return the bridge, registered in the target
	 */
	public static RegistryBridge serve(PrometheusRegistry source, PrometheusRegistry target,
			Set<String> excludedNames) {
		RegistryBridge bridge = new RegistryBridge(source, target, excludedNames);
		if (source != target) {
			target.register(bridge);
		}
		return bridge;
	}

	/**
	 * Stops serving the source through the target.
	 */
	@Override
	public void close() {
		if (this.source != this.target) {
			this.target.unregister(this);
		}
	}

	@Override
	public MetricSnapshots collect() {
		return withoutExcluded(this.source.scrape());
	}

	@Override
	public MetricSnapshots collect(PrometheusScrapeRequest scrapeRequest) {
		return withoutExcluded(this.source.scrape(scrapeRequest));
	}

	@Override
	public MetricSnapshots collect(Predicate<String> includedNames) {
		return withoutExcluded((includedNames != null) ? this.source.scrape(includedNames) : this.source.scrape());
	}

	@Override
	public MetricSnapshots collect(Predicate<String> includedNames, PrometheusScrapeRequest scrapeRequest) {
		return withoutExcluded((includedNames != null) ? this.source.scrape(includedNames, scrapeRequest)
				: this.source.scrape(scrapeRequest));
	}

	private MetricSnapshots withoutExcluded(MetricSnapshots snapshots) {
		if (this.excludedNames.isEmpty()) {
			return snapshots;
		}
		return new MetricSnapshots(snapshots.stream()
			.filter((snapshot) -> !this.excludedNames.contains(snapshot.getMetadata().getPrometheusName()))
			.toList());
	}

}
