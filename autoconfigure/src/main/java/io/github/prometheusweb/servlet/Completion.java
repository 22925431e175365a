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

import java.util.List;

import io.github.prometheusweb.labels.LabelContext;
import io.github.prometheusweb.metrics.DefaultRequestMetrics;
import io.github.prometheusweb.metrics.RequestRecorder;
import io.github.prometheusweb.support.RateLimitedLog;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Completes a {@link RequestObservation}, once: decides the status the client received,
 * the exception that counts, the duration, the group value and the default label values,
 * then hands the request to the recorders its {@link Tracking} allows. A failure in any
 * of them is logged and never reaches the application.
 *
 * @author prometheus-web authors
 */
final class Completion {

	private final RateLimitedLog failures;

	private final ObservationSettings settings;

	private final RequestRecorder[] defaultMetrics;

	private final RequestRecorder[] requestRecorders;

	private final RequestRecorder handlerCallRecorder;

	Completion(ObservationSettings settings, DefaultRequestMetrics defaultMetrics,
			List<RequestRecorder> requestRecorders, RequestRecorder handlerCallRecorder, RateLimitedLog failures) {
		this.failures = failures;
		this.settings = settings;
		this.defaultMetrics = (defaultMetrics != null) ? defaultMetrics.recorders().toArray(RequestRecorder[]::new)
				: new RequestRecorder[0];
		this.requestRecorders = requestRecorders.toArray(RequestRecorder[]::new);
		this.handlerCallRecorder = handlerCallRecorder;
	}

	/**
	 * Completes an observation, unless it is complete already.
	 * @param observation the observation
	 * @param escapedToFilter the exception that reached the metrics filter, or
	 * {@code null}
	 */
	void complete(RequestObservation observation, Throwable escapedToFilter) {
		if (!observation.isInProgress()) {
			return;
		}
		try {
			HttpServletResponse response = observation.observedResponse();
			int status = (escapedToFilter != null && !response.isCommitted())
					? HttpServletResponse.SC_INTERNAL_SERVER_ERROR : response.getStatus();
			if (!observation.complete((status > 0) ? status : HttpServletResponse.SC_OK)) {
				return;
			}
			long durationNanos = System.nanoTime() - observation.startNanos();
			observation.leaveInProgress();
			Tracking tracking = observation.tracking();
			boolean defaults = tracking.defaultMetrics() && this.defaultMetrics.length > 0;
			boolean requests = tracking.requestMetrics() && this.requestRecorders.length > 0;
			boolean handlerCall = tracking.annotationMetrics() && observation.handlerCall() != null
					&& this.handlerCallRecorder != null;
			if (!defaults && !requests && !handlerCall) {
				return;
			}
			observation.decided(CountedException.of(escapedToFilter, observation.escapedFromHandler(),
					observation.thrown(), status, this.settings.countHandledExceptions()), durationNanos);
			observation.labelled(group(observation),
					this.settings.defaultLabels()
						.values(() -> LabelContext.ofRequest(observation.request(), observation.response(),
								observation.handler())));
			if (defaults) {
				for (RequestRecorder recorder : this.defaultMetrics) {
					record(recorder, observation);
				}
			}
			if (requests) {
				for (RequestRecorder recorder : this.requestRecorders) {
					record(recorder, observation);
				}
			}
			if (handlerCall) {
				record(this.handlerCallRecorder, observation);
			}
		}
		catch (RuntimeException | LinkageError ex) {
			this.failures.warn("Failed to record the metrics of a request", ex);
		}
	}

	private String group(RequestObservation observation) {
		try {
			return this.settings.groupBy().labelValue(observation.request(), observation.handler());
		}
		catch (RuntimeException | LinkageError ex) {
			this.failures.warn("The group-by strategy failed; the request is recorded without its duration", ex);
			return null;
		}
	}

	private void record(RequestRecorder recorder, RequestObservation observation) {
		try {
			recorder.record(observation);
		}
		catch (RuntimeException | LinkageError ex) {
			this.failures.warn("Failed to record the metrics of a request", ex);
		}
	}

}
