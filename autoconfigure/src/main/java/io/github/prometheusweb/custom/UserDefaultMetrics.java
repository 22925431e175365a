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

import java.util.List;

import io.github.prometheusweb.labels.DefaultLabels;
import io.github.prometheusweb.labels.LabelContext;
import io.github.prometheusweb.metrics.CompletedRequest;
import io.github.prometheusweb.metrics.RequestRecorder;

/**
 * The user-defined default metrics of {@code prometheus.web.metrics}, recorded for every
 * request that user-defined metrics record (see {@link RequestRecorder}). Counters count
 * requests; histograms and summaries observe their duration in seconds.
 *
 * @author prometheus-web authors
 */
public final class UserDefaultMetrics implements RequestRecorder {

	private final MetricBinding[] bindings;

	private final boolean readsContext;

	/**
	 * Creates the metrics, or binds to them when annotations declare the same ones.
	 * @param declarations the declarations, as configured
	 * @param catalog the catalogue to create them in
	 * @param defaultLabels the default labels to add
	 */
	public UserDefaultMetrics(List<MetricDeclaration> declarations, CustomMetricCatalog catalog,
			DefaultLabels defaultLabels) {
		this.bindings = declarations.stream()
			.map((declaration) -> catalog.bind(declaration, defaultLabels))
			.toArray(MetricBinding[]::new);
		this.readsContext = List.of(this.bindings).stream().anyMatch(MetricBinding::readsContext);
	}

	@Override
	public void record(CompletedRequest request) {
		LabelContext context = this.readsContext
				? LabelContext.ofRequest(request.request(), request.response(), request.handler()) : null;
		for (MetricBinding binding : this.bindings) {
			binding.record(context, request.defaultLabelValues(), request.durationNanos());
		}
	}

}
