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

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The paths the demo traffic requests, each as often as it appears: mostly the quick
 * routes, some slow ones, a few failures, an exception and an unmapped path.
 *
 * @author prometheus-web authors
 */
public class TrafficMix {

	private static final List<String> SLOTS = List.of("/one", "/one", "/one", "/one", "/two", "/two", "/two", "/three",
			"/three", "/four", "/items/7", "/items/42", "/fail", "/crash", "/no-such-route");

	/**
	 * Returns the number of slots to draw from.
	 * @return the number of slots
	 */
	public int size() {
		return SLOTS.size();
	}

	/**
	 * Returns the path in one slot.
	 * @param slot from 0 to {@link #size()} - 1
	 * @return the path, with no query string
	 */
	public String pathAt(int slot) {
		return SLOTS.get(slot);
	}

	/**
	 * Draws the next path.
	 * @param random the source of randomness
	 * @return the path
	 */
	public String next(RandomGenerator random) {
		return pathAt(random.nextInt(size()));
	}

}
