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

package io.github.prometheusweb.grouping;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Chooses the label that groups the request duration (and size) metrics: its name, and
 * its value for each request. Declare a bean of this type to replace the one chosen by
 * {@code prometheus.web.group-by}. The value must come from a bounded set, or the number
 * of series grows without limit.
 *
 * @author prometheus-web authors
 */
public interface GroupByStrategy {

	/**
	 * Name of the label, for example {@code url_rule}.
	 * @return a valid Prometheus label name
	 */
	String labelName();

	/**
	 * Value of the label for a completed request.
	 * @param request the request
	 * @param handler what the handler mapping knew of its handler
	 * @return the label value, never {@code null}
	 */
	String labelValue(HttpServletRequest request, HandlerDetails handler);

}
