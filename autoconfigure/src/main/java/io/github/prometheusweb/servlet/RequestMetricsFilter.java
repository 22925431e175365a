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
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

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
public class RequestMetricsFilter implements Filter {

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

	/**
	 * Measures the original ({@code REQUEST}) dispatch of an HTTP request, once: the
	 * request's own state marks it as measured, so the filter passes a request it sees
	 * again through unchanged.
	 */
	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		if (request instanceof HttpServletRequest httpRequest && response instanceof HttpServletResponse httpResponse
				&& httpRequest.getDispatcherType() == DispatcherType.REQUEST
				&& TrackedRequest.of(httpRequest) == null) {
			measure(httpRequest, httpResponse, chain);
		}
		else {
			chain.doFilter(request, response);
		}
	}

	private void measure(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
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
			if (escaped == null && request.isAsyncStarted()) {
				listen(request, new Completion(tracked, request, response, sizedRequest, sizedResponse));
			}
			else {
				record(tracked, request, response, sizedRequest, sizedResponse, escaped);
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
	 * Records a request whose response is complete.
	 */
	private void record(TrackedRequest tracked, HttpServletRequest request, HttpServletResponse response,
			BodySizeRequestWrapper sizedRequest, BodySizeResponseWrapper sizedResponse, Throwable escaped) {
		try {
			long durationNanos = System.nanoTime() - tracked.startNanos();
			tracked.leaveInProgress();
			if (tracked.isExcludeAll()) {
				return;
			}
			CompletedRequest completed = completedRequest(tracked, request, response, sizedRequest, sizedResponse,
					escaped, durationNanos);
			if (!tracked.isDoNotTrack()) {
				for (RequestRecorder recorder : tracked.isExcludedPath() ? this.excludedPathRecorders
						: this.recorders) {
					record(recorder, completed);
				}
			}
			for (RequestRecorder callback : tracked.complete(completed)) {
				record(callback, completed);
			}
		}
		catch (RuntimeException | LinkageError ex) {
			this.failures.warn("Failed to record the metrics of a request", ex);
		}
	}

	private void record(RequestRecorder recorder, CompletedRequest completed) {
		try {
			recorder.record(completed);
		}
		catch (RuntimeException | LinkageError ex) {
			this.failures.warn("Failed to record the metrics of a request", ex);
		}
	}

	private static CompletedRequest completedRequest(TrackedRequest tracked, HttpServletRequest request,
			HttpServletResponse response, BodySizeRequestWrapper sizedRequest, BodySizeResponseWrapper sizedResponse,
			Throwable escaped, long durationNanos) {
		int status = (escaped != null && !response.isCommitted()) ? HttpServletResponse.SC_INTERNAL_SERVER_ERROR
				: response.getStatus();
		Throwable escapedException = escapedException(tracked, escaped, status);
		Throwable thrown = tracked.thrownException();
		Throwable handledException = (thrown != null && thrown != escapedException) ? thrown : null;
		long requestBytes = (sizedRequest != null) ? sizedRequest.bodySize() : -1;
		long responseBytes = (sizedResponse != null) ? sizedResponse.bodySize() : -1;
		return new CompletedRequest(request, tracked.handler(), tracked.method(), status, escapedException,
				handledException, durationNanos, requestBytes, responseBytes, response);
	}

	/**
	 * The exception that escaped the handler and made the response fail: it reached this
	 * filter, or it ended an asynchronous request with a 5xx. One that a later filter
	 * turned into another answer (Spring Security's 403 for an
	 * {@code AccessDeniedException}) did not.
	 */
	private static Throwable escapedException(TrackedRequest tracked, Throwable escaped, int status) {
		Throwable fromHandler = tracked.escapedException();
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

	/**
	 * Records an asynchronous request when its response is complete: once, even if the
	 * container reports the completion more than once (as it can after an asynchronous
	 * timeout that ends in an error dispatch).
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
			if (RECORDED.compareAndSet(this, 0, 1)) {
				RequestMetricsFilter.this.record(this.tracked, this.request, this.response, this.sizedRequest,
						this.sizedResponse, escaped);
			}
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
