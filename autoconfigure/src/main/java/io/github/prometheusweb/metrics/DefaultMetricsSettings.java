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

import java.util.List;

/**
 * How the default request metrics are built: plain values, mapped from
 * {@code prometheus.web.*} by the auto-configuration.
 *
 * @param namePrefix the start of every metric name, for example {@code spring_}, or an
 * empty string
 * @param groupLabel the name of the group label
 * @param groupStatusCodes whether the status label is the status class ({@code 2xx})
 * @param durationAsHistogram whether the duration is a histogram rather than a summary
 * @param buckets the bucket upper bounds of the duration histogram, in seconds
 * @param nativeHistograms whether the duration histogram also keeps native buckets
 * @param summaryQuantiles the quantiles of the duration summary
 * @param exemplars whether the duration and the request count sample exemplars
 * @param sizes whether request and response body sizes are recorded
 * @param inProgress whether the requests in progress are counted
 * @author prometheus-web authors
 */
public record DefaultMetricsSettings(String namePrefix, String groupLabel, boolean groupStatusCodes,
		boolean durationAsHistogram, List<Double> buckets, boolean nativeHistograms, List<Double> summaryQuantiles,
		boolean exemplars, boolean sizes, boolean inProgress) {

	/**
	 * The labels of the default metrics, which default labels must not take.
	 * @param groupLabel the name of the group label
	 * @return the label names
	 */
	public static List<String> builtInLabelNames(String groupLabel) {
		return List.of("method", "status", "exception", "le", "quantile", groupLabel);
	}

}
