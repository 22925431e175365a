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

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the built-in {@link GroupBy group-by strategies}.
 */
class GroupByStrategiesTests {

	private static final HandlerDetails ITEM = new HandlerDetails("/items/{id}", "ItemController#item");

	private final MockHttpServletRequest request = request();

	@Test
	void urlRuleIsTheRouteTemplateOrNone() {
		GroupByStrategy strategy = GroupBy.URL_RULE.strategy();
		assertThat(strategy.labelName()).isEqualTo("url_rule");
		assertThat(strategy.labelValue(this.request, ITEM)).isEqualTo("/items/{id}");
		assertThat(strategy.labelValue(this.request, HandlerDetails.UNMATCHED)).isEqualTo("none");
	}

	@Test
	void pathIsThePathWithinTheApplicationWithoutTheQuery() {
		GroupByStrategy strategy = GroupBy.PATH.strategy();
		assertThat(strategy.labelName()).isEqualTo("path");
		assertThat(strategy.labelValue(this.request, ITEM)).isEqualTo("/items/42");
		assertThat(strategy.labelValue(this.request, HandlerDetails.UNMATCHED)).isEqualTo("/items/42");
	}

	@Test
	void fullPathIsThePathAndTheQuery() {
		GroupByStrategy strategy = GroupBy.FULL_PATH.strategy();
		assertThat(strategy.labelName()).isEqualTo("full_path");
		assertThat(strategy.labelValue(this.request, ITEM)).isEqualTo("/items/42?page=2");
		this.request.setQueryString(null);
		assertThat(strategy.labelValue(this.request, ITEM)).isEqualTo("/items/42");
	}

	@Test
	void endpointIsTheHandlerMethodOrNone() {
		GroupByStrategy strategy = GroupBy.ENDPOINT.strategy();
		assertThat(strategy.labelName()).isEqualTo("endpoint");
		assertThat(strategy.labelValue(this.request, ITEM)).isEqualTo("ItemController#item");
		assertThat(strategy.labelValue(this.request, HandlerDetails.UNMATCHED)).isEqualTo("none");
	}

	@Test
	void thePathLeavesOutTheContextPathAsSent() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/shop/items/%C3%A9");
		request.setContextPath("/shop");
		assertThat(PathGrouping.pathWithinApplication(request)).isEqualTo("/items/%C3%A9");
	}

	private static MockHttpServletRequest request() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/app/items/42");
		request.setContextPath("/app");
		request.setQueryString("page=2");
		return request;
	}

}
