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
 * The {@code _max} of the micrometer convention: the largest value of the last 40 to 60
 * seconds of a 60-second window, on given times.
 */
class WindowMaxTests {

	private static final long SECOND = 1_000_000_000L;

	private static final long START = 123 * SECOND;

	@Test
	void keepsTheLargestValueOfTheWindow() {
		WindowMax max = new WindowMax(60 * SECOND, START);
		assertThat(max.get(START)).isZero();
		max.record(0.5, START);
		max.record(0.2, START + 10 * SECOND);
		assertThat(max.get(START + 10 * SECOND)).isEqualTo(0.5);
		max.record(0.7, START + 15 * SECOND);
		assertThat(max.get(START + 15 * SECOND)).isEqualTo(0.7);
	}

	@Test
	void forgetsAValueBetweenFortyAndSixtySecondsLater() {
		WindowMax max = new WindowMax(60 * SECOND, START);
		max.record(0.5, START);
		max.record(0.1, START + 30 * SECOND);
		assertThat(max.get(START + 40 * SECOND)).isEqualTo(0.5);
		assertThat(max.get(START + 59 * SECOND)).isEqualTo(0.5);
		assertThat(max.get(START + 60 * SECOND)).isEqualTo(0.1);
		assertThat(max.get(START + 100 * SECOND)).isZero();
	}

	@Test
	void aValueRecordedAfterALongPauseIsKept() {
		WindowMax max = new WindowMax(60 * SECOND, START);
		max.record(0.9, START);
		max.record(0.3, START + 1000 * SECOND);
		assertThat(max.get(START + 1000 * SECOND)).isEqualTo(0.3);
		assertThat(max.get(START + 1030 * SECOND)).isEqualTo(0.3);
	}

}
