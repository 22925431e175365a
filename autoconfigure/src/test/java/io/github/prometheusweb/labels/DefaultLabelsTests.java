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

package io.github.prometheusweb.labels;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link DefaultLabels}.
 */
class DefaultLabelsTests {

	private final CardinalityLimits limits = new CardinalityLimits("", 2, new PrometheusRegistry());

	@Test
	void literalLabelsAreComputedOnceForEveryObservation() {
		DefaultLabels labels = DefaultLabels.of(ordered("app", "shop", "zone", "eu"), List.of(), Set.of(), this.limits);
		assertThat(labels.isLiteral()).isTrue();
		assertThat(labels.names()).containsExactly("app", "zone");
		assertThat(labels.values(() -> {
			throw new AssertionError("no context is needed");
		})).containsExactly("shop", "eu").isSameAs(labels.values(() -> null));
	}

	@Test
	void computedLabelsReadTheObservationInTheirOrderAfterTheConfiguredOnes() {
		DefaultLabels labels = DefaultLabels.of(ordered("method", "#{#request.method}"),
				List.of(contributor("tenant", (context) -> context.request().getHeader("X-Tenant"))), Set.of(),
				this.limits);
		MockHttpServletRequest request = new MockHttpServletRequest("PUT", "/");
		request.addHeader("X-Tenant", "acme");
		assertThat(labels.isLiteral()).isFalse();
		assertThat(labels.names()).containsExactly("method", "tenant");
		assertThat(labels.values(() -> LabelContext.ofRequest(request, null, null))).containsExactly("PUT", "acme");
	}

	@Test
	void computedValuesAreBoundedByTheCardinalityLimit() {
		AtomicInteger calls = new AtomicInteger();
		DefaultLabels labels = DefaultLabels.of(Map.of(),
				List.of(contributor("n", (context) -> String.valueOf(calls.incrementAndGet()))), Set.of(), this.limits);
		assertThat(labels.values(() -> null)).containsExactly("1");
		assertThat(labels.values(() -> null)).containsExactly("2");
		assertThat(labels.values(() -> null)).containsExactly(CardinalityLimit.OVERFLOW);
	}

	@Test
	void aFailingContributorGivesErrorAndANullOneAnEmptyValue() {
		DefaultLabels labels = DefaultLabels.of(Map.of(), List.of(contributor("broken", (context) -> {
			throw new IllegalStateException("broken");
		}), contributor("missing", (context) -> null)), Set.of(), this.limits);
		assertThat(labels.values(() -> null)).containsExactly(LabelTemplate.ERROR, "");
	}

	@Test
	void aNameTakenByTheMetricsOrUsedTwiceFails() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> DefaultLabels.of(Map.of("status", "x"), List.of(), Set.of("status"), this.limits))
			.withMessageStartingWith("prometheus.web.default-labels.status 'status' clashes with a label");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> DefaultLabels.of(Map.of("tenant", "x"), List.of(contributor("tenant", (c) -> "y")),
					Set.of(), this.limits))
			.withMessageContaining("'tenant' is already a default label");
		assertThatIllegalArgumentException().isThrownBy(
				() -> DefaultLabels.of(Map.of(), List.of(contributor("bad-name", (c) -> "y")), Set.of(), this.limits))
			.withMessageContaining("'bad-name' is not a valid label name");
	}

	private static Map<String, String> ordered(String... pairs) {
		Map<String, String> map = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put(pairs[i], pairs[i + 1]);
		}
		return map;
	}

	private static RequestLabelContributor contributor(String name,
			java.util.function.Function<LabelContext, String> value) {
		return new RequestLabelContributor() {

			@Override
			public String labelName() {
				return name;
			}

			@Override
			public String labelValue(LabelContext context) {
				return value.apply(context);
			}

		};
	}

}
