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

/**
 * Builds the names of the default metrics from the configured prefix.
 *
 * @author prometheus-web authors
 */
public final class MetricNames {

	private MetricNames() {
	}

	/**
	 * The string put in front of every default metric name.
	 * @param prefix the configured prefix, possibly empty
	 * @return the prefix and an underscore, or an empty string for no prefix
	 */
	public static String prefix(String prefix) {
		return (prefix == null || prefix.isEmpty()) ? "" : prefix + "_";
	}

}
