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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CardinalityLimit} and {@link CardinalityLimits}.
 */
@ExtendWith(OutputCaptureExtension.class)
class CardinalityLimitTests {

	private final PrometheusRegistry registry = new PrometheusRegistry();

	private final CardinalityLimits limits = new CardinalityLimits("spring_", 3, this.registry);

	@Test
	void valuesWithinTheLimitAreKeptAsTheyAre() {
		CardinalityLimit limit = this.limits.forLabel("spring_http_request_duration_seconds", "path");
		assertThat(limit.apply("/a")).isEqualTo("/a");
		assertThat(limit.apply("/b")).isEqualTo("/b");
		assertThat(limit.apply("/c")).isEqualTo("/c");
		assertThat(limit.apply("/a")).as("a value seen before").isEqualTo("/a");
	}

	@Test
	void furtherValuesAreOverflowCountedAndLoggedOnce(CapturedOutput output) throws IOException {
		CardinalityLimit limit = this.limits.forLabel("spring_http_request_duration_seconds", "path");
		for (String value : new String[] { "/a", "/b", "/c", "/d", "/e", "/d", "/a" }) {
			limit.apply(value);
		}
		assertThat(limit.apply("/f")).isEqualTo(CardinalityLimit.OVERFLOW);
		assertThat(limit.apply("/c")).isEqualTo("/c");
		assertThat(scrape()).contains(
				"spring_exporter_label_overflow_total{label=\"path\",metric=\"spring_http_request_duration_seconds\"} 4.0");
		assertThat(output.getOut().split("reached prometheus.web.cardinality-limit", -1)).hasSize(2);
	}

	@Test
	void eachLabelOfEachMetricHasItsOwnLimit() {
		CardinalityLimit first = this.limits.forLabel("one", "path");
		CardinalityLimit second = this.limits.forLabel("two", "path");
		for (String value : new String[] { "/a", "/b", "/c" }) {
			first.apply(value);
		}
		assertThat(first.apply("/d")).isEqualTo(CardinalityLimit.OVERFLOW);
		assertThat(second.apply("/d")).isEqualTo("/d");
	}

	@Test
	void closingUnregistersTheOverflowCounter() {
		this.limits.close();
		assertThat(this.registry.scrape().size()).isZero();
	}

	private String scrape() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		PrometheusTextFormatWriter.create().write(out, this.registry.scrape());
		return out.toString(StandardCharsets.UTF_8);
	}

}
