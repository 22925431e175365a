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

import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

import io.github.prometheusweb.metrics.CompletedRequest;
import io.github.prometheusweb.metrics.HttpMethodLabel;
import io.github.prometheusweb.metrics.InProgressRequests;
import io.github.prometheusweb.metrics.RequestRecorder;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Times every request and hands it, once its response is complete, to the
 * {@link RequestRecorder recorders}: exactly once per request, with the status the client
 * received. Registered first in the filter chain for {@code REQUEST} dispatches, so it
 * also sees requests that never reach a handler (404, 405, rejections by other filters);
 * asynchronous requests are recorded when they complete, and error dispatches are never
 * recorded on their own. A failure in metrics code (an exception, or a linkage error from
 * mismatched client_java jars) is logged and never reaches the application.
 *
 * @author prometheus-web authors
 */
public class RequestMetricsFilter extends OncePerRequestFilter {

	private final RateLimitedLog failures = new RateLimitedLog(RequestMetricsFilter.class);

	private final List<RequestRecorder> recorders;

	private final List<RequestRecorder> excludedPathRecorders;

	private final ExcludedPaths excludedPaths;

	private final InProgressRequests inProgress;

	private final boolean measureSizes;

	/**
	 * Creates the filter.
	 * @param recorders the recorders of completed requests
	 * @param excludedPaths the paths to leave unrecorded
	 * @param inProgress the in-progress gauge, or {@code null} if it is off
	 * @param measureSizes whether request and response body sizes are measured
	 */
	public RequestMetricsFilter(List<RequestRecorder> recorders, ExcludedPaths excludedPaths,
			InProgressRequests inProgress, boolean measureSizes) {
		this.recorders = List.copyOf(recorders);
		this.excludedPathRecorders = this.recorders.stream().filter(RequestRecorder::recordsExcludedPaths).toList();
		this.excludedPaths = excludedPaths;
		this.inProgress = inProgress;
		this.measureSizes = measureSizes;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean excluded = isExcluded(request);
		if (excluded && this.excludedPathRecorders.isEmpty()) {
			chain.doFilter(request, response);
			return;
		}
		TrackedRequest tracked = start(request, excluded);
		boolean measureSizes = this.measureSizes && !excluded;
		BodySizeRequestWrapper sizedRequest = measureSizes ? new BodySizeRequestWrapper(request) : null;
		BodySizeResponseWrapper sizedResponse = measureSizes ? new BodySizeResponseWrapper(response) : null;
		Throwable escaped = null;
		try {
			chain.doFilter((sizedRequest != null) ? sizedRequest : request,
					(sizedResponse != null) ? sizedResponse : response);
		}
		catch (IOException | ServletException | RuntimeException | Error ex) {
			escaped = ex;
			throw ex;
		}
		finally {
			Completion completion = new Completion(tracked, request, response, sizedRequest, sizedResponse);
			if (escaped == null && request.isAsyncStarted()) {
				listen(request, completion);
			}
			else {
				completion.record(escaped);
			}
		}
	}

	private void listen(HttpServletRequest request, Completion completion) {
		try {
			request.getAsyncContext().addListener(completion);
		}
		catch (RuntimeException ex) {
			this.failures.warn("Failed to follow an asynchronous request for its metrics", ex);
		}
	}

	private boolean isExcluded(HttpServletRequest request) {
		try {
			return this.excludedPaths.matches(request);
		}
		catch (RuntimeException ex) {
			this.failures.warn("Failed to match a request against prometheus.web.excluded-paths", ex);
			return false;
		}
	}

	private TrackedRequest start(HttpServletRequest request, boolean excluded) {
		TrackedRequest tracked = new TrackedRequest(System.nanoTime(), HttpMethodLabel.of(request.getMethod()));
		request.setAttribute(TrackedRequest.ATTRIBUTE, tracked);
		if (excluded) {
			tracked.excludedPath();
		}
		else if (this.inProgress != null) {
			try {
				tracked.inProgress(this.inProgress, this.inProgress.started(tracked.method(), request));
			}
			catch (RuntimeException | LinkageError ex) {
				this.failures.warn("Failed to count a request in progress", ex);
			}
		}
		return tracked;
	}

	/**
	 * Records a request when its response is complete, synchronously or as the listener
	 * of its asynchronous processing: once, even if the container reports the completion
	 * more than once (as it can after an asynchronous timeout that ends in an error
	 * dispatch).
	 */
	private final class Completion implements AsyncListener {

		private static final AtomicIntegerFieldUpdater<Completion> RECORDED = AtomicIntegerFieldUpdater
			.newUpdater(Completion.class, "recorded");

		private volatile int recorded;

		private final TrackedRequest tracked;

		private final HttpServletRequest request;

		private final HttpServletResponse response;

		private final BodySizeRequestWrapper sizedRequest;

		private final BodySizeResponseWrapper sizedResponse;

		Completion(TrackedRequest tracked, HttpServletRequest request, HttpServletResponse response,
				BodySizeRequestWrapper sizedRequest, BodySizeResponseWrapper sizedResponse) {
			this.tracked = tracked;
			this.request = request;
			this.response = response;
			this.sizedRequest = sizedRequest;
			this.sizedResponse = sizedResponse;
		}

		void record(Throwable escaped) {
			if (!RECORDED.compareAndSet(this, 0, 1)) {
				return;
			}
			try {
				long durationNanos = System.nanoTime() - this.tracked.startNanos();
				this.tracked.leaveInProgress();
				if (this.tracked.isExcludeAll()) {
					return;
				}
				CompletedRequest completed = completedRequest(escaped, durationNanos);
				if (!this.tracked.isDoNotTrack()) {
					for (RequestRecorder recorder : this.tracked.isExcludedPath()
							? RequestMetricsFilter.this.excludedPathRecorders : RequestMetricsFilter.this.recorders) {
						record(recorder, completed);
					}
				}
				for (RequestRecorder callback : this.tracked.complete(completed)) {
					record(callback, completed);
				}
			}
			catch (RuntimeException | LinkageError ex) {
				RequestMetricsFilter.this.failures.warn("Failed to record the metrics of a request", ex);
			}
		}

		private void record(RequestRecorder recorder, CompletedRequest completed) {
			try {
				recorder.record(completed);
			}
			catch (RuntimeException | LinkageError ex) {
				RequestMetricsFilter.this.failures.warn("Failed to record the metrics of a request", ex);
			}
		}

		private CompletedRequest completedRequest(Throwable escaped, long durationNanos) {
			int status = (escaped != null && !this.response.isCommitted())
					? HttpServletResponse.SC_INTERNAL_SERVER_ERROR : this.response.getStatus();
			Throwable escapedException = escapedException(escaped, status);
			Throwable thrown = this.tracked.thrownException();
			Throwable handledException = (thrown != null && thrown != escapedException) ? thrown : null;
			long requestBytes = (this.sizedRequest != null) ? this.sizedRequest.bodySize() : -1;
			long responseBytes = (this.sizedResponse != null) ? this.sizedResponse.bodySize() : -1;
			return new CompletedRequest(this.request, this.tracked.handler(), this.tracked.method(), status,
					escapedException, handledException, durationNanos, requestBytes, responseBytes, this.response);
		}

		/**
		 * The exception that escaped the handler and made the response fail: it reached
		 * this filter, or it ended an asynchronous request with a 5xx. One that a later
		 * filter turned into another answer (Spring Security's 403 for an
		 * {@code AccessDeniedException}) did not.
		 */
		private Throwable escapedException(Throwable escaped, int status) {
			Throwable fromHandler = this.tracked.escapedException();
			if (escaped != null) {
				return (fromHandler != null) ? fromHandler : cause(escaped);
			}
			return (status >= 500) ? fromHandler : null;
		}

		private static Throwable cause(Throwable escaped) {
			if (escaped instanceof ServletException servletException && servletException.getRootCause() != null) {
				return servletException.getRootCause();
			}
			return escaped;
		}

		@Override
		public void onComplete(AsyncEvent event) {
			record(null);
		}

		@Override
		public void onTimeout(AsyncEvent event) {
		}

		@Override
		public void onError(AsyncEvent event) {
		}

		@Override
		public void onStartAsync(AsyncEvent event) {
			event.getAsyncContext().addListener(this);
		}

	}

}
