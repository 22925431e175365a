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
 * The default request metrics of one {@link Convention}: records each completed request
 * in its metrics and, when the in-progress gauge is on, counts the requests in progress.
 *
 * @author prometheus-web authors
 */
interface ConventionMetrics extends RequestRecorder {

	/**
	 * The gauge of requests in progress of this convention.
	 * @return the gauge, or {@code null} if it is off or the convention has none
	 */
	InProgressRequests inProgress();

}
