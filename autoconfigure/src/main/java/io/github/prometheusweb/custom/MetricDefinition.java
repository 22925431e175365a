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

/**
 * What a custom metric is, as one declaration states it: two declarations of the same
 * name must agree on everything but the help text and where they are.
 *
 * @param type the kind of metric
 * @param name the metric name
 * @param help the help text
 * @param labelNames the label names, in order, default labels last
 * @param buckets the histogram bucket bounds, empty for other types
 * @param quantiles the summary quantiles, empty for other types
 * @param declaredBy where it is declared, for messages: a method or a property
 * @author prometheus-web authors
 */
record MetricDefinition(CustomMetricType type, String name, String help, List<String> labelNames, List<Double> buckets,
		List<Double> quantiles, String declaredBy) {

	/**
	 * How this definition differs from another of the same name.
	 * @param other the other definition
	 * @return the difference, or {@code null} if they agree
	 */
	String differenceFrom(MetricDefinition other) {
		if (this.type != other.type) {
			return "type " + this.type.displayName() + " vs " + other.type.displayName();
		}
		if (!this.labelNames.equals(other.labelNames)) {
			return "labels " + this.labelNames + " vs " + other.labelNames;
		}
		if (!this.buckets.equals(other.buckets)) {
			return "buckets " + this.buckets + " vs " + other.buckets;
		}
		if (!this.quantiles.equals(other.quantiles)) {
			return "quantiles " + this.quantiles + " vs " + other.quantiles;
		}
		return null;
	}

}
