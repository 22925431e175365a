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

import java.util.ArrayList;
import java.util.List;

import io.github.prometheusweb.labels.CardinalityLimit;
import io.github.prometheusweb.labels.CardinalityLimits;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RequestDataPoints}: one data point per label set, created once, and no
 * more group values kept than the cardinality limit allows.
 */
class RequestDataPointsTests {

	private final List<String> created = new ArrayList<>();

	private final CardinalityLimit limit = new CardinalityLimits("", 2, new PrometheusRegistry()).forLabel("m", "path");

	@Test
	void aDataPointIsCreatedOncePerLabelSet() {
		RequestDataPoints<String> points = points(true);
		String first = points.get(null, "GET", "/a", 200);
		assertThat(points.get(null, "GET", "/a", 200)).isSameAs(first);
		points.get(null, "POST", "/a", 200);
		points.get(null, "GET", "/a", 404);
		points.get(null, "GET", "/b", 200);
		assertThat(this.created).containsExactly("GET /a 200", "POST /a 200", "GET /a 404", "GET /b 200");
	}

	@Test
	void groupValuesBeyondTheLimitShareTheOverflowDataPoints() {
		RequestDataPoints<String> points = points(true);
		for (String path : new String[] { "/a", "/b", "/c", "/d", "/e" }) {
			points.get(null, "GET", path, 200);
		}
		assertThat(points.get(null, "GET", "/f", 200)).isEqualTo("GET __overflow__ 200");
		assertThat(this.created).containsExactly("GET /a 200", "GET /b 200", "GET __overflow__ 200");
	}

	@Test
	void labelsComputedPerRequestAreNotCached() {
		RequestDataPoints<String> points = points(false);
		points.get(null, "GET", "/a", 200);
		points.get(null, "GET", "/a", 200);
		assertThat(this.created).containsExactly("GET /a 200", "GET /a 200");
	}

	private RequestDataPoints<String> points(boolean cached) {
		return new RequestDataPoints<>((request, method, group, status) -> {
			String point = method + " " + group + " " + status;
			this.created.add(point);
			return point;
		}, this.limit, cached);
	}

}
