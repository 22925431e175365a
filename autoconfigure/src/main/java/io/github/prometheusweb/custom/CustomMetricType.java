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

import java.util.Locale;
import java.util.Set;

/**
 * The kinds of custom metric.
 *
 * @author prometheus-web authors
 */
public enum CustomMetricType {

	/**
	 * Counts calls or requests.
	 */
	COUNTER,

	/**
	 * Counts calls in progress.
	 */
	GAUGE,

	/**
	 * Observes durations in seconds in buckets.
	 */
	HISTOGRAM,

	/**
	 * Observes durations in seconds as count, sum and optional quantiles.
	 */
	SUMMARY;

	String displayName() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * The label names that client_java writes itself for this type.
	 * @return the names a declaration must not use
	 */
	Set<String> reservedLabels() {
		return switch (this) {
			case HISTOGRAM -> Set.of("le");
			case SUMMARY -> Set.of("quantile");
			default -> Set.of();
		};
	}

}
