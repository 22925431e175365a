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

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import io.github.prometheusweb.labels.LabelTemplate;
import io.github.prometheusweb.support.MetricRules;

/**
 * One declaration of a custom metric, by an annotation or in
 * {@code prometheus.web.metrics}, parsed and checked once against the
 * {@link MetricRules}.
 *
 * @param type the kind of metric
 * @param name the metric name
 * @param help the help text
 * @param labels the labels, in order
 * @param buckets the histogram bucket bounds, empty for the configured default buckets
 * @param quantiles the summary quantiles
 * @param initialize whether a series whose labels are all literal shows 0 from startup
 * @param declaredBy where it is declared, for messages: a method or a property
 * @author prometheus-web authors
 */
public record MetricDeclaration(CustomMetricType type, String name, String help, List<LabelTemplate> labels,
		List<Double> buckets, List<Double> quantiles, boolean initialize, String declaredBy) {

	/**
	 * Parses and checks a declaration.
	 * @param type the kind of metric
	 * @param name the metric name
	 * @param help the help text
	 * @param labels label name and value (a literal or a SpEL template) pairs, in order
	 * @param buckets the histogram bucket bounds, empty for the default buckets
	 * @param quantiles the summary quantiles
	 * @param initialize whether a series whose labels are all literal shows 0 from
	 * startup
	 * @param declaredBy where it is declared, for messages
	 * @param where names where each part is declared, given {@code name}, {@code help},
	 * {@code labels.<name>}, {@code buckets} or {@code quantiles}
	 * @return the declaration
	 * @throws IllegalArgumentException naming the part and the value if a part is invalid
	 */
	public static MetricDeclaration parse(CustomMetricType type, String name, String help,
			List<Map.Entry<String, String>> labels, List<Double> buckets, List<Double> quantiles, boolean initialize,
			String declaredBy, UnaryOperator<String> where) {
		MetricRules.checkMetricName(name, where.apply("name"));
		MetricRules.checkHelp(help, where.apply("help"));
		List<LabelTemplate> templates = new ArrayList<>();
		Set<String> names = new HashSet<>();
		for (Map.Entry<String, String> label : labels) {
			String labelWhere = where.apply("labels." + label.getKey());
			templates.add(LabelTemplate.parse(label.getKey(), label.getValue(), labelWhere));
			MetricRules.checkLabelNameFree(label.getKey(), type.reservedLabels(), labelWhere + ": label name");
			if (!names.add(label.getKey())) {
				throw new IllegalArgumentException(labelWhere + ": label '" + label.getKey() + "' is declared twice");
			}
		}
		if (type == CustomMetricType.HISTOGRAM && !buckets.isEmpty()) {
			MetricRules.checkBuckets(buckets, where.apply("buckets"));
		}
		if (type == CustomMetricType.SUMMARY) {
			MetricRules.checkQuantiles(quantiles, where.apply("quantiles"));
		}
		return new MetricDeclaration(type, name, help, List.copyOf(templates),
				(type == CustomMetricType.HISTOGRAM) ? List.copyOf(buckets) : List.of(),
				(type == CustomMetricType.SUMMARY) ? List.copyOf(quantiles) : List.of(), initialize, declaredBy);
	}

}
