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

import java.util.regex.Pattern;

/**
 * Checks metric and label names against the classic Prometheus naming rules, which every
 * Prometheus server and every client_java version accept.
 *
 * @author prometheus-web authors
 */
public final class PrometheusNames {

	private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

	private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

	private PrometheusNames() {
	}

	/**
	 * Whether a name is a valid metric name.
	 * @param name the name
	 * @return {@code true} if valid
	 */
	public static boolean isValidMetricName(String name) {
		return name != null && METRIC_NAME.matcher(name).matches();
	}

	/**
	 * Whether a name is a valid label name that is not reserved (reserved names start
	 * with {@code __}).
	 * @param name the name
	 * @return {@code true} if valid
	 */
	public static boolean isValidLabelName(String name) {
		return name != null && LABEL_NAME.matcher(name).matches() && !name.startsWith("__");
	}

}
