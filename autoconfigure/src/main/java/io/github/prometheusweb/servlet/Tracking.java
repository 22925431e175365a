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

/**
 * Which metrics a request records: decided from its path when it starts, and once more
 * when its handler is known. The one place where excluded paths, {@code @DoNotTrack},
 * {@code @ExcludeAllMetrics} and {@code prometheus.web.exclude-user-defaults} meet.
 *
 * @author prometheus-web authors
 */
enum Tracking {

	/**
	 * Every metric: the default metrics, the user-defined request metrics
	 * ({@code prometheus.web.metrics} and {@code RequestRecorder} beans) and the
	 * annotation metrics.
	 */
	ALL(true, true, true),

	/**
	 * The user-defined metrics only: a request to an excluded path, with
	 * {@code prometheus.web.exclude-user-defaults: false}.
	 */
	USER_DEFINED(false, true, true),

	/**
	 * The annotation metrics only: a request to a {@code @DoNotTrack} handler, such as
	 * the metrics endpoint.
	 */
	ANNOTATIONS(false, false, true),

	/**
	 * Nothing: a request to an {@code @ExcludeAllMetrics} handler, or to an excluded
	 * path.
	 */
	NONE(false, false, false);

	private final boolean defaultMetrics;

	private final boolean requestMetrics;

	private final boolean annotationMetrics;

	Tracking(boolean defaultMetrics, boolean requestMetrics, boolean annotationMetrics) {
		this.defaultMetrics = defaultMetrics;
		this.requestMetrics = requestMetrics;
		this.annotationMetrics = annotationMetrics;
	}

	/**
	 * What a request records, from its path alone.
	 * @param excludedPath whether {@code prometheus.web.excluded-paths} matches the path
	 * @param excludeUserDefaults whether excluded paths also skip user-defined metrics
	 * @return the tracking until the handler is known
	 */
	static Tracking forPath(boolean excludedPath, boolean excludeUserDefaults) {
		if (!excludedPath) {
			return ALL;
		}
		return excludeUserDefaults ? NONE : USER_DEFINED;
	}

	/**
	 * What a request records once its handler is known.
	 * @param doNotTrack whether the handler is annotated {@code @DoNotTrack}
	 * @param excludeAll whether the handler is annotated {@code @ExcludeAllMetrics}
	 * @return the tracking of the request
	 */
	Tracking forHandler(boolean doNotTrack, boolean excludeAll) {
		if (excludeAll || this == NONE) {
			return NONE;
		}
		return doNotTrack ? ANNOTATIONS : this;
	}

	boolean defaultMetrics() {
		return this.defaultMetrics;
	}

	boolean requestMetrics() {
		return this.requestMetrics;
	}

	boolean annotationMetrics() {
		return this.annotationMetrics;
	}

}
