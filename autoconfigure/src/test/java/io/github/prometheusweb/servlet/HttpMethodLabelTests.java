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

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link HttpMethodLabel}.
 */
class HttpMethodLabelTests {

	@Test
	void standardMethodsAreRecordedAsSent() {
		for (String method : new String[] { "GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE",
				"CONNECT", "QUERY" }) {
			assertThat(HttpMethodLabel.of(method)).isEqualTo(method);
		}
	}

	@Test
	void anyOtherMethodIsOther() {
		assertThat(HttpMethodLabel.of("PROPFIND")).isEqualTo("_OTHER");
		assertThat(HttpMethodLabel.of("get")).isEqualTo("_OTHER");
		assertThat(HttpMethodLabel.of("")).isEqualTo("_OTHER");
		assertThat(HttpMethodLabel.of(null)).isEqualTo("_OTHER");
	}

}
