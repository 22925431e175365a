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

package io.github.prometheusweb.support;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Tests for {@link MetricRules}: each rule, and that its message names where the value
 * comes from and the value.
 */
class MetricRulesTests {

	@Test
	void metricNamesFollowThePrometheusRules() {
		assertThatNoException().isThrownBy(() -> MetricRules.checkMetricName("http:requests_total2", "where"));
		for (String bad : new String[] { "1bad", "bad-name", "", "ünicode" }) {
			assertThatIllegalArgumentException().isThrownBy(() -> MetricRules.checkMetricName(bad, "where"))
				.withMessageStartingWith("where '" + bad + "' is not a valid metric name");
		}
		assertThatIllegalArgumentException().isThrownBy(() -> MetricRules.checkMetricName(null, "where"));
	}

	@Test
	void labelNamesFollowThePrometheusRulesAndAreNotReserved() {
		assertThatNoException().isThrownBy(() -> MetricRules.checkLabelName("_tenant2", "where"));
		for (String bad : new String[] { "__reserved", "a:b", "1x", "bad-name", "" }) {
			assertThatIllegalArgumentException().isThrownBy(() -> MetricRules.checkLabelName(bad, "where"))
				.withMessageStartingWith("where '" + bad + "' is not a valid label name");
		}
	}

	@Test
	void aLabelNameMustNotBeOneTheMetricUses() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> MetricRules.checkLabelNameFree("le", Set.of("le"), "where"))
			.withMessage("where 'le' clashes with a label of the metric itself; choose another name");
		assertThatNoException().isThrownBy(() -> MetricRules.checkLabelNameFree("lee", Set.of("le"), "where"));
	}

	@Test
	void aHelpTextIsRequired() {
		assertThatIllegalArgumentException().isThrownBy(() -> MetricRules.checkHelp(" ", "where"))
			.withMessage("where must be set: a metric needs a help text");
		assertThatIllegalArgumentException().isThrownBy(() -> MetricRules.checkHelp(null, "where"));
	}

	@Test
	void bucketsArePositiveFiniteAndIncreasing() {
		assertThatNoException().isThrownBy(() -> MetricRules.checkBuckets(List.of(0.001, 0.5, 30.0), "where"));
		assertThatIllegalArgumentException().isThrownBy(() -> MetricRules.checkBuckets(List.of(), "where"))
			.withMessage("where [] must hold at least one bound");
		assertThatIllegalArgumentException().isThrownBy(() -> MetricRules.checkBuckets(List.of(0.5, 0.1), "where"))
			.withMessageStartingWith("where [0.5, 0.1]: bound 0.1 must be greater than the bound before it");
		assertThatIllegalArgumentException().isThrownBy(() -> MetricRules.checkBuckets(List.of(0.1, 0.1), "where"))
			.withMessageStartingWith("where [0.1, 0.1]: bound 0.1 must be greater");
		for (Double bad : new Double[] { -1.0, 0.0, Double.POSITIVE_INFINITY, Double.NaN, null }) {
			assertThatIllegalArgumentException().isThrownBy(() -> MetricRules.checkBuckets(Arrays.asList(bad), "where"))
				.withMessageContaining("bound " + bad + " must be a positive finite number of seconds");
		}
	}

	@Test
	void quantilesAreBetweenZeroAndOne() {
		assertThatNoException().isThrownBy(() -> MetricRules.checkQuantiles(List.of(0.5, 0.99), "where"));
		for (Double bad : new Double[] { 0.0, 1.0, 1.5, -0.1, Double.NaN, null }) {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> MetricRules.checkQuantiles(Arrays.asList(bad), "where"))
				.withMessageContaining("quantile " + bad + " must be greater than 0 and less than 1");
		}
	}

}
