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
 * Tests for {@link Tracking}: which metrics a request records.
 */
class TrackingTests {

	@Test
	void aPathThatIsNotExcludedRecordsEveryMetric() {
		assertThat(Tracking.forPath(false, true)).isEqualTo(Tracking.ALL);
		assertThat(Tracking.forPath(false, false)).isEqualTo(Tracking.ALL);
	}

	@Test
	void anExcludedPathRecordsNothingUnlessUserDefinedMetricsAreKept() {
		assertThat(Tracking.forPath(true, true)).isEqualTo(Tracking.NONE);
		assertThat(Tracking.forPath(true, false)).isEqualTo(Tracking.USER_DEFINED);
	}

	@Test
	void doNotTrackLeavesOnlyTheAnnotationMetrics() {
		assertThat(Tracking.ALL.forHandler(true, false)).isEqualTo(Tracking.ANNOTATIONS);
		assertThat(Tracking.USER_DEFINED.forHandler(true, false)).isEqualTo(Tracking.ANNOTATIONS);
		assertThat(Tracking.NONE.forHandler(true, false)).isEqualTo(Tracking.NONE);
	}

	@Test
	void excludeAllMetricsRecordsNothing() {
		for (Tracking tracking : Tracking.values()) {
			assertThat(tracking.forHandler(false, true)).isEqualTo(Tracking.NONE);
			assertThat(tracking.forHandler(true, true)).isEqualTo(Tracking.NONE);
		}
	}

	@Test
	void aHandlerWithoutAnnotationsChangesNothing() {
		for (Tracking tracking : Tracking.values()) {
			assertThat(tracking.forHandler(false, false)).isEqualTo(tracking);
		}
	}

	@Test
	void eachTrackingSaysWhichMetricsRecord() {
		assertThat(recorded(Tracking.ALL)).isEqualTo("default, request, annotation");
		assertThat(recorded(Tracking.USER_DEFINED)).isEqualTo("request, annotation");
		assertThat(recorded(Tracking.ANNOTATIONS)).isEqualTo("annotation");
		assertThat(recorded(Tracking.NONE)).isEmpty();
	}

	private static String recorded(Tracking tracking) {
		StringBuilder recorded = new StringBuilder();
		if (tracking.defaultMetrics()) {
			recorded.append("default");
		}
		if (tracking.requestMetrics()) {
			recorded.append((recorded.length() > 0) ? ", " : "").append("request");
		}
		if (tracking.annotationMetrics()) {
			recorded.append((recorded.length() > 0) ? ", " : "").append("annotation");
		}
		return recorded.toString();
	}

}
