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

import io.github.prometheusweb.metrics.DefaultRequestMetrics;
import io.github.prometheusweb.metrics.RequestRecorder;
import io.github.prometheusweb.support.RateLimitedLog;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.ServletResponseWrapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.util.WebUtils;

/**
 * Observes every request: starts its {@link RequestObservation}, passes the application a
 * response that completes the observation just before the client has the whole answer,
 * and completes it at the latest when the filter chain returns: that of the original
 * dispatch for a synchronous request, that of the last asynchronous dispatch for an
 * asynchronous one (or, without one, when the container completes it). Registered at the
 * start of the filter chain ({@code Ordered.HIGHEST_PRECEDENCE + 1}) for {@code REQUEST}
 * and {@code ASYNC} dispatches, so it also sees requests that never reach a handler (404,
 * 405, rejections by other filters).
 *
 * @author prometheus-web authors
 */
public final class RequestMetricsFilter implements Filter {

	private final RateLimitedLog failures = new RateLimitedLog(RequestMetricsFilter.class);

	private final Completion completion;

	private final ExcludedPaths excludedPaths;

	private final boolean excludeUserDefaults;

	private final boolean measureSizes;

	/**
	 * The default metrics when their in-progress gauge is on, otherwise {@code null}.
	 */
	private final DefaultRequestMetrics inProgressMetrics;

	/**
	 * Creates the filter.
	 * @param settings how requests are observed
	 * @param defaultMetrics the default metrics, or {@code null} if they are off
	 * @param requestRecorders the recorders of user-defined request metrics
	 * @param handlerCallRecorder the recorder of the annotation metrics of handler
	 * methods, or {@code null}
	 */
	public RequestMetricsFilter(ObservationSettings settings, DefaultRequestMetrics defaultMetrics,
			List<RequestRecorder> requestRecorders, RequestRecorder handlerCallRecorder) {
		this.completion = new Completion(settings, defaultMetrics, requestRecorders, handlerCallRecorder,
				this.failures);
		this.excludedPaths = new ExcludedPaths(settings.excludedPaths());
		this.excludeUserDefaults = settings.excludeUserDefaults();
		this.measureSizes = settings.sizes();
		this.inProgressMetrics = (defaultMetrics != null && defaultMetrics.countsInProgress()) ? defaultMetrics : null;
	}

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		if (request instanceof HttpServletRequest httpRequest && response instanceof HttpServletResponse httpResponse) {
			DispatcherType dispatch = httpRequest.getDispatcherType();
			// A response that is observed already: the filter is in the chain twice.
			if (dispatch == DispatcherType.REQUEST
					&& WebUtils.getNativeResponse(response, ObservedResponse.class) == null) {
				observe(httpRequest, httpResponse, chain);
				return;
			}
			RequestObservation observation = (dispatch == DispatcherType.ASYNC)
					? RequestObservation.of(request, response) : null;
			if (observation != null && observation.isInProgress()) {
				completeAfterTheLastDispatch(httpRequest, httpResponse, chain, observation);
				return;
			}
		}
		chain.doFilter(request, response);
	}

	private void observe(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		Tracking tracking = Tracking.forPath(isExcluded(request), this.excludeUserDefaults);
		if (tracking == Tracking.NONE) {
			RequestObservation.notRecorded(request);
			chain.doFilter(request, response);
			return;
		}
		HttpServletRequest observedRequest = (this.measureSizes && tracking.defaultMetrics())
				? new BodySizeRequestWrapper(request) : request;
		RequestObservation observation = RequestObservation.start(this.completion, observedRequest, response, tracking);
		if (tracking.defaultMetrics()) {
			countInProgress(observation);
		}
		Throwable escaped = null;
		try {
			chain.doFilter(observedRequest, observation.observedResponse());
		}
		catch (IOException | ServletException | RuntimeException | Error ex) {
			escaped = ex;
			throw ex;
		}
		finally {
			if (escaped == null && request.isAsyncStarted()) {
				completeWhenTheContainerDoes(request, observation);
			}
			else {
				this.completion.complete(observation, escaped);
			}
		}
	}

	/**
	 * Completes an asynchronous request when the dispatch that produces its response
	 * ends, before the container finishes the response (or renders an error page for an
	 * exception that escaped it), as for a synchronous request.
	 */
	private void completeAfterTheLastDispatch(HttpServletRequest request, HttpServletResponse response,
			FilterChain chain, RequestObservation observation) throws IOException, ServletException {
		// The application writes the observed response, unless the container dispatched
		// one
		// that wraps it already (the one passed to startAsync).
		HttpServletResponse observed = (response instanceof ServletResponseWrapper wrapper
				&& wrapper.isWrapperFor(ObservedResponse.class)) ? response : observation.observedResponse();
		Throwable escaped = null;
		try {
			chain.doFilter(request, observed);
		}
		catch (IOException | ServletException | RuntimeException | Error ex) {
			escaped = ex;
			throw ex;
		}
		finally {
			if (escaped != null || !request.isAsyncStarted()) {
				this.completion.complete(observation, escaped);
			}
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

	private void countInProgress(RequestObservation observation) {
		if (this.inProgressMetrics != null) {
			try {
				observation.inProgress(this.inProgressMetrics.started(observation.method(), observation.request()));
			}
			catch (RuntimeException | LinkageError ex) {
				this.failures.warn("Failed to count a request in progress", ex);
			}
		}
	}

	/**
	 * Completes an asynchronous request when the container completes it, or at once if
	 * the container cannot report its completion: then it is recorded with the status it
	 * has so far, and leaves the in-progress gauge.
	 */
	private void completeWhenTheContainerDoes(HttpServletRequest request, RequestObservation observation) {
		try {
			observation.keepInRequest();
			request.getAsyncContext().addListener(observation);
		}
		catch (RuntimeException ex) {
			this.failures.warn("Failed to follow an asynchronous request; it is recorded with its status so far", ex);
			this.completion.complete(observation, null);
		}
	}

}
