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

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ExcludedPaths}.
 */
class ExcludedPathsTests {

	@Test
	void anExpressionMatchesAtTheStartOfThePath() {
		ExcludedPaths excluded = new ExcludedPaths(List.of(Pattern.compile("/exc")));
		assertThat(excluded.matches(request("", "/excluded"))).isTrue();
		assertThat(excluded.matches(request("", "/exc"))).isTrue();
		assertThat(excluded.matches(request("", "/x/exc"))).isFalse();
	}

	@Test
	void thePathIsTheOneWithinTheApplicationWithoutItsQuery() {
		ExcludedPaths excluded = new ExcludedPaths(List.of(Pattern.compile("/health$")));
		assertThat(excluded.matches(request("/app", "/app/health"))).isTrue();
		MockHttpServletRequest withQuery = request("", "/health");
		withQuery.setQueryString("full=true");
		assertThat(excluded.matches(withQuery)).isTrue();
	}

	@Test
	void anyOfSeveralExpressionsExcludes() {
		ExcludedPaths excluded = new ExcludedPaths(List.of(Pattern.compile("/a"), Pattern.compile("/b/.*/c")));
		assertThat(excluded.matches(request("", "/a/1"))).isTrue();
		assertThat(excluded.matches(request("", "/b/x/c"))).isTrue();
		assertThat(excluded.matches(request("", "/b/x"))).isFalse();
	}

	@Test
	void noExpressionExcludesNothing() {
		assertThat(new ExcludedPaths(List.of()).matches(request("", "/anything"))).isFalse();
	}

	private static MockHttpServletRequest request(String contextPath, String uri) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", uri);
		request.setContextPath(contextPath);
		return request;
	}

}
