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
 * Records more metrics of each request: every bean of this type sees, once, each
 * completed request that user-defined metrics record, as the metrics of
 * {@code prometheus.web.metrics} do. That is every request except those to a
 * {@code @DoNotTrack} or {@code @ExcludeAllMetrics} handler or to the metrics endpoint,
 * and except those to an excluded path unless
 * {@code prometheus.web.exclude-user-defaults} is false. It is called before the client
 * has the whole response of a synchronous request, so a scrape that follows sees what it
 * recorded.
 *
 * @author prometheus-web authors
 */
@FunctionalInterface
public interface RequestRecorder {

	/**
	 * Records one request. A failure is logged and never reaches the application.
	 * @param request the completed request
	 */
	void record(CompletedRequest request);

}
