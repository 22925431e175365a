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

package io.github.prometheusweb.servlet;

import java.util.List;
import java.util.regex.Pattern;

import io.github.prometheusweb.grouping.GroupByStrategy;
import io.github.prometheusweb.labels.DefaultLabels;

/**
 * How requests are observed: plain values and collaborators, mapped from
 * {@code prometheus.web.*} by the auto-configuration.
 *
 * @param excludedPaths the compiled {@code prometheus.web.excluded-paths}
 * @param excludeUserDefaults whether excluded paths also skip user-defined metrics
 * @param countHandledExceptions whether exceptions resolved by an
 * {@code @ExceptionHandler} count
 * @param sizes whether request and response body sizes are measured
 * @param groupBy the group-by strategy
 * @param defaultLabels the default labels
 * @author prometheus-web authors
 */
public record ObservationSettings(List<Pattern> excludedPaths, boolean excludeUserDefaults,
		boolean countHandledExceptions, boolean sizes, GroupByStrategy groupBy, DefaultLabels defaultLabels) {

}
