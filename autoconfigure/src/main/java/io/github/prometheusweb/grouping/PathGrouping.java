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
 * Groups requests by their path within the application, without the query string
 * ({@code path="/items/42"}), as the Flask exporter does by default. Every distinct path
 * is a new series: use it only where the set of paths is small.
 *
 * @author prometheus-web authors
 */
public class PathGrouping implements GroupByStrategy {

	@Override
	public String labelName() {
		return "path";
	}

	@Override
	public String labelValue(HttpServletRequest request, HandlerDetails handler) {
		return pathWithinApplication(request);
	}

	/**
	 * The request path without the context path and without the query string, as the
	 * client sent it.
	 * @param request the request
	 * @return the path within the application
	 */
	public static String pathWithinApplication(HttpServletRequest request) {
		String uri = request.getRequestURI();
		String contextPath = request.getContextPath();
		return (contextPath.isEmpty() || !uri.startsWith(contextPath)) ? uri : uri.substring(contextPath.length());
	}

}
