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

/**
 * Records a completed request into metrics. Every recorder bean sees every request that
 * is tracked (not excluded, not the metrics endpoint, not {@code @DoNotTrack}), exactly
 * once, after its response is complete.
 *
 * @author prometheus-web authors
 */
@FunctionalInterface
public interface RequestRecorder {

	/**
	 * Records one request. Failures are logged and never reach the application.
	 * @param request the completed request
	 */
	void record(CompletedRequest request);

	/**
	 * Whether this recorder also sees requests to excluded paths
	 * ({@code prometheus.web.excluded-paths}); the default metrics do not, user-defined
	 * default metrics do when {@code prometheus.web.exclude-user-defaults} is false.
	 * @return {@code true} to see requests to excluded paths too
	 */
	default boolean recordsExcludedPaths() {
		return false;
	}

}
