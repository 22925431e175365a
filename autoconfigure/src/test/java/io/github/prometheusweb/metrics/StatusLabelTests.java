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

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link StatusLabel}.
 */
class StatusLabelTests {

	@Test
	void theStatusCodeAsAString() {
		StatusLabel label = new StatusLabel(false);
		assertThat(label.of(200)).isEqualTo("200");
		assertThat(label.of(599)).isEqualTo("599");
		assertThat(label.of(600)).isEqualTo("600");
		assertThat(label.of(200)).isSameAs(label.of(200));
	}

	@Test
	void groupedItIsTheStatusClass() {
		StatusLabel label = new StatusLabel(true);
		assertThat(label.of(204)).isEqualTo("2xx");
		assertThat(label.of(302)).isEqualTo("3xx");
		assertThat(label.of(404)).isEqualTo("4xx");
		assertThat(label.of(503)).isEqualTo("5xx");
		assertThat(label.of(600)).isEqualTo("6xx");
	}

}
