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

/**
 * What the handler mapping knew about the handler that served a request: its route
 * template and its endpoint name. Both are {@code null} when no application handler
 * matched (a 404 with no mapping, a 405, a static resource, a request rejected before it
 * reached the {@code DispatcherServlet}).
 *
 * @param routeTemplate the route template, for example {@code /items/{id}}, or
 * {@code null}
 * @param endpointName the endpoint name, {@code SimpleClassName#method} for a handler
 * method, or {@code null}
 * @author prometheus-web authors
 */
public record HandlerDetails(String routeTemplate, String endpointName) {

	/**
	 * Details of a request that no application handler served.
	 */
	public static final HandlerDetails UNMATCHED = new HandlerDetails(null, null);

	/**
	 * Label value used for a request that no application handler served.
	 */
	public static final String NONE = "none";

	/**
	 * Whether an application handler served the request.
	 * @return {@code true} if a route template is known
	 */
	public boolean isMatched() {
		return this.routeTemplate != null;
	}

}
