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
 * Groups requests by path and query string ({@code full_path="/items?page=2"}). Without a
 * query string the value is the path alone. Every distinct value is a new series: use it
 * only where the set of values is small.
 *
 * @author prometheus-web authors
 */
class FullPathGrouping implements GroupByStrategy {

	@Override
	public String labelName() {
		return "full_path";
	}

	@Override
	public String labelValue(HttpServletRequest request, HandlerDetails handler) {
		String path = PathGrouping.pathWithinApplication(request);
		String query = request.getQueryString();
		return (query != null) ? path + "?" + query : path;
	}

}
