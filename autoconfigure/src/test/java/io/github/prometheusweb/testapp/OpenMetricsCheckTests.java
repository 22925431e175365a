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

package io.github.prometheusweb.testapp;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link OpenMetricsCheck} passes a valid exposition and finds each kind of problem.
 */
class OpenMetricsCheckTests {

	private static final String VALID = """
			# TYPE orders counter
			# HELP orders Orders \\"placed\\"\\n
			orders_total{shop="a\\\\b"} 1.0 # {trace_id="1"} 1.0 1.7e9
			orders_created{shop="a\\\\b"} 1.7e9
			# TYPE latency_seconds histogram
			# UNIT latency_seconds seconds
			latency_seconds_bucket{le="0.1"} 0
			latency_seconds_bucket{le="+Inf"} 2
			latency_seconds_count 2
			latency_seconds_sum 0.5
			# TYPE build info
			build_info{version="1"} 1
			# EOF
			""";

	@Test
	void validExpositionPasses() {
		assertThat(OpenMetricsCheck.problems(VALID)).isEmpty();
	}

	@Test
	void eachProblemIsFound() {
		assertThat(OpenMetricsCheck.problems(VALID.replace("# EOF\n", ""))).isNotEmpty();
		assertThat(OpenMetricsCheck.problems(VALID + "x 1\n")).isNotEmpty();
		assertThat(OpenMetricsCheck.problems(VALID.replace("# TYPE build", "\n# TYPE build"))).isNotEmpty();
		assertThat(OpenMetricsCheck.problems(VALID.replace("orders_total{", "orders{"))).isNotEmpty();
		assertThat(OpenMetricsCheck
			.problems(VALID.replace("latency_seconds_count 2", "latency_seconds_count 2 # {a=\"b\"} 1"))).isNotEmpty();
		assertThat(OpenMetricsCheck.problems(VALID.replace("le=\"+Inf\"", "le=\"1\""))).isNotEmpty();
		assertThat(
				OpenMetricsCheck.problems(VALID.replace("UNIT latency_seconds seconds", "UNIT latency_seconds bytes")))
			.isNotEmpty();
		assertThat(OpenMetricsCheck.problems(VALID.replace("shop=\"a\\\\b\"} 1.7e9", "shop=\"a\\\\b\"} 1,7")))
			.isNotEmpty();
		assertThat(OpenMetricsCheck.problems(VALID.replace("build_info{version=\"1\"} 1",
				"build_info{version=\"1\"} 1\nbuild_info{version=\"1\"} 1")))
			.isNotEmpty();
		assertThat(OpenMetricsCheck.problems(VALID.replace("# TYPE build info", "# TYPE orders gauge"))).isNotEmpty();
		assertThat(OpenMetricsCheck.problems(VALID.replace("shop=\"a\\\\b\"} 1.0", "shop=\"a\\q\"} 1.0"))).isNotEmpty();
		assertThat(OpenMetricsCheck.problems(VALID.replace("{version=\"1\"}", "{\"version\"=\"1\"}"))).isNotEmpty();
	}

}
