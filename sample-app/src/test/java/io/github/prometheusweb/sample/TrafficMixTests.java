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
package io.github.prometheusweb.sample;

import java.util.Map;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TrafficMix}.
 *
 * @author prometheus-web authors
 */
class TrafficMixTests {

	private final TrafficMix mix = new TrafficMix();

	@Test
	void slotsWeighQuickRoutesMostAndIncludeFailuresAndAnUnmappedPath() {
		Map<String, Integer> counts = new TreeMap<>();
		for (int slot = 0; slot < this.mix.size(); slot++) {
			counts.merge(this.mix.pathAt(slot), 1, Integer::sum);
		}
		assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of("/one", 4, "/two", 3, "/three", 2, "/four", 1,
				"/items/7", 1, "/items/42", 1, "/fail", 1, "/crash", 1, "/no-such-route", 1));
	}

	@Test
	void nextTakesTheSlotTheRandomDraws() {
		assertThat(this.mix.next(new FixedDraw(0))).isEqualTo("/one");
		assertThat(this.mix.next(new FixedDraw(9))).isEqualTo("/four");
		assertThat(this.mix.next(new FixedDraw(14))).isEqualTo("/no-such-route");
	}

	/**
	 * A random generator whose bounded draws always return one value.
	 */
	private record FixedDraw(int value) implements RandomGenerator {

		@Override
		public long nextLong() {
			return this.value;
		}

		@Override
		public int nextInt(int bound) {
			return this.value;
		}

	}

}
