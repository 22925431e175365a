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

package io.github.prometheusweb.support;

import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules a metric declaration must follow, each written once and applied to the
 * properties, to the metrics of {@code prometheus.web.metrics} and to the metric
 * annotations alike. Every check names where the value comes from (a property or a
 * method) and the value itself.
 *
 * @author prometheus-web authors
 */
public final class MetricRules {

	private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

	private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

	private MetricRules() {
	}

	/**
	 * Checks a metric name, or a prefix of metric names, against the classic Prometheus
	 * naming rules that every Prometheus server and client_java version accept.
	 * @param name the name
	 * @param where where it is declared, for example {@code prometheus.web.prefix}
	 * @throws IllegalArgumentException if it is not a valid name
	 */
	public static void checkMetricName(String name, String where) {
		if (name == null || !METRIC_NAME.matcher(name).matches()) {
			throw new IllegalArgumentException(where + " '" + name
					+ "' is not a valid metric name: use letters, digits, '_' and ':', not starting with a digit");
		}
	}

	/**
	 * Checks a label name: a valid Prometheus label name that is not reserved (reserved
	 * names start with {@code __}).
	 * @param name the name
	 * @param where where it is declared
	 * @throws IllegalArgumentException if it is not a valid label name
	 */
	public static void checkLabelName(String name, String where) {
		if (name == null || !LABEL_NAME.matcher(name).matches() || name.startsWith("__")) {
			throw new IllegalArgumentException(where + " '" + name
					+ "' is not a valid label name: use letters, digits and '_', not starting with a digit or '__'");
		}
	}

	/**
	 * Checks that a label name is not one that the metric uses itself.
	 * @param name the label name
	 * @param taken the names the metric uses itself
	 * @param where where it is declared
	 * @throws IllegalArgumentException if the name is taken
	 */
	public static void checkLabelNameFree(String name, Collection<String> taken, String where) {
		if (taken.contains(name)) {
			throw new IllegalArgumentException(
					where + " '" + name + "' clashes with a label of the metric itself; choose another name");
		}
	}

	/**
	 * Checks a help text.
	 * @param help the help text
	 * @param where where it is declared
	 * @throws IllegalArgumentException if it is missing or blank
	 */
	public static void checkHelp(String help, String where) {
		if (help == null || help.isBlank()) {
			throw new IllegalArgumentException(where + " must be set: a metric needs a help text");
		}
	}

	/**
	 * Checks the bucket upper bounds of a histogram of durations in seconds.
	 * @param buckets the bounds
	 * @param where where they are declared
	 * @throws IllegalArgumentException if there is none, or one is not positive and
	 * finite, or they do not increase
	 */
	public static void checkBuckets(List<Double> buckets, String where) {
		if (buckets == null || buckets.isEmpty()) {
			throw new IllegalArgumentException(where + " " + buckets + " must hold at least one bound");
		}
		double previous = 0;
		for (Double bound : buckets) {
			if (bound == null || !(bound > 0) || bound.isInfinite()) {
				throw new IllegalArgumentException(where + " " + buckets + ": bound " + bound
						+ " must be a positive finite number of seconds (+Inf is always added)");
			}
			if (bound <= previous) {
				throw new IllegalArgumentException(where + " " + buckets + ": bound " + bound
						+ " must be greater than the bound before it; list bounds in increasing order, once each");
			}
			previous = bound;
		}
	}

	/**
	 * Checks the quantiles of a summary.
	 * @param quantiles the quantiles
	 * @param where where they are declared
	 * @throws IllegalArgumentException if one is not greater than 0 and less than 1
	 */
	public static void checkQuantiles(List<Double> quantiles, String where) {
		for (Double quantile : quantiles) {
			if (quantile == null || !(quantile > 0 && quantile < 1)) {
				throw new IllegalArgumentException(
						where + " " + quantiles + ": quantile " + quantile + " must be greater than 0 and less than 1");
			}
		}
	}

}
