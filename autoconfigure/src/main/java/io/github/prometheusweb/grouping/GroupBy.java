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

import java.util.function.Supplier;

/**
 * The built-in ways to group requests, chosen with {@code prometheus.web.group-by}.
 *
 * @author prometheus-web authors
 */
public enum GroupBy {

	/**
	 * By route template, label {@code url_rule}.
	 */
	URL_RULE(RouteTemplateGrouping::new),

	/**
	 * By request path, label {@code path}.
	 */
	PATH(PathGrouping::new),

	/**
	 * By request path and query string, label {@code full_path}.
	 */
	FULL_PATH(FullPathGrouping::new),

	/**
	 * By handler method, label {@code endpoint}.
	 */
	ENDPOINT(EndpointGrouping::new);

	private final Supplier<GroupByStrategy> strategy;

	GroupBy(Supplier<GroupByStrategy> strategy) {
		this.strategy = strategy;
	}

	/**
	 * Creates the strategy that implements this way of grouping.
	 * @return a new strategy
	 */
	public GroupByStrategy strategy() {
		return this.strategy.get();
	}

}
