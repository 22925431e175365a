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

import java.util.ArrayList;
import java.util.List;

import io.github.prometheusweb.grouping.HandlerDetails;
import io.github.prometheusweb.metrics.CompletedRequest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TrackedRequest}.
 */
class TrackedRequestTests {

	private final TrackedRequest tracked = new TrackedRequest(System.nanoTime(), "GET");

	private final CompletedRequest completed = new CompletedRequest(null, HandlerDetails.UNMATCHED, "GET", 404, null,
			null, 1000, -1, -1, null);

	@Test
	void callbacksAskedForBeforeCompletionAreHandedOverOnce() {
		List<CompletedRequest> seen = new ArrayList<>();
		this.tracked.onCompletion(seen::add);
		List<io.github.prometheusweb.metrics.RequestRecorder> callbacks = this.tracked.complete(this.completed);
		assertThat(callbacks).hasSize(1);
		callbacks.forEach((callback) -> callback.record(this.completed));
		assertThat(seen).containsExactly(this.completed);
	}

	@Test
	void callbackAskedForAfterCompletionRunsAtOnceWithTheFinalRequest() {
		// A handler of the error dispatch asks after the request was recorded.
		assertThat(this.tracked.complete(this.completed)).isEmpty();
		List<CompletedRequest> seen = new ArrayList<>();
		this.tracked.onCompletion(seen::add);
		assertThat(seen).containsExactly(this.completed);
	}

}
