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

import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

import io.github.prometheusweb.grouping.HandlerDetails;
import io.github.prometheusweb.metrics.CompletedRequest;
import io.github.prometheusweb.metrics.HandlerMethodCall;
import io.prometheus.metrics.core.datapoints.GaugeDataPoint;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.util.WebUtils;

/**
 * Everything prometheus-web knows of one request. It is written while the request is
 * processed, then completed once: the {@link Completion} decides its outcome and hands
 * it, as a {@link CompletedRequest}, to the recorders. From then on it takes no more
 * writes. See the package documentation for who writes what, and when.
 * <p>
 * Its writers run on the thread of a dispatch of the request; it is completed on that
 * thread too, or, for an asynchronous request, once the container has ended the dispatch
 * that wrote to it, which orders those writes before the completion. The completion
 * itself is claimed with one atomic update, so only one thread completes it.
 *
 * @author prometheus-web authors
 */
public final class RequestObservation implements CompletedRequest, AsyncListener {

	private static final String ATTRIBUTE = RequestObservation.class.getName();

	private static final AtomicIntegerFieldUpdater<RequestObservation> STATUS = AtomicIntegerFieldUpdater
		.newUpdater(RequestObservation.class, "status");

	/**
	 * The observation of a request that records nothing (an excluded path): complete from
	 * the start, so it takes no writes.
	 */
	private static final RequestObservation NOT_RECORDED = new RequestObservation(null, null, Tracking.NONE, 0);

	private final Completion completion;

	private final HttpServletRequest request;

	/**
	 * The {@link System#nanoTime()} of the start of the request.
	 */
	private final long startNanos;

	/**
	 * How long the request took, once it is complete.
	 */
	private long durationNanos;

	private ObservedResponse response;

	// Written while the request is processed, each by one writer (package documentation).

	private Tracking tracking;

	private HandlerDetails handler = HandlerDetails.UNMATCHED;

	private Throwable thrown;

	private Throwable escapedFromHandler;

	private HandlerMethodCall handlerCall;

	private GaugeDataPoint[] inProgress;

	// Decided once, when the request completes.

	/**
	 * 0 until the request is complete, then the status the client received: the one
	 * thread that sets it completes the observation.
	 */
	private volatile int status;

	private Throwable exception;

	private String group;

	private String[] defaultLabelValues;

	private RequestObservation(Completion completion, HttpServletRequest request, Tracking tracking, long startNanos) {
		this.completion = completion;
		this.request = request;
		this.tracking = tracking;
		this.startNanos = startNanos;
		this.status = (completion != null) ? 0 : -1;
	}

	/**
	 * Starts observing a request.
	 * @param completion what completes the observation
	 * @param request the request, as the application reads it
	 * @param response the response, as the container gave it
	 * @param tracking what the request records, from its path
	 * @return the observation, whose {@link #observedResponse()} the application writes
	 */
	static RequestObservation start(Completion completion, HttpServletRequest request, HttpServletResponse response,
			Tracking tracking) {
		RequestObservation observation = new RequestObservation(completion, request, tracking, System.nanoTime());
		observation.response = new ObservedResponse(response, observation);
		return observation;
	}

	/**
	 * Marks a request as recording nothing.
	 * @param request the request
	 */
	static void notRecorded(ServletRequest request) {
		request.setAttribute(ATTRIBUTE, NOT_RECORDED);
	}

	/**
	 * Keeps the observation in an attribute of the request, for the dispatches of an
	 * asynchronous request that are not given the response the application wrote (after
	 * {@code startAsync()} without arguments).
	 */
	void keepInRequest() {
		this.request.setAttribute(ATTRIBUTE, this);
	}

	/**
	 * The observation of a request. It is found through the response: the application
	 * writes the observed response, wrapped or not by other filters (in a response
	 * wrapper of the Servlet API, as every filter wraps it). A request attribute holds it
	 * only where the response cannot tell: an excluded path, and the dispatches of an
	 * asynchronous request. A synchronous request so costs no request attribute.
	 * @param request the request
	 * @param response the response of the same dispatch, or {@code null} if unknown
	 * @return the observation, or {@code null} if the prometheus-web filter did not see
	 * the request
	 */
	public static RequestObservation of(ServletRequest request, ServletResponse response) {
		ObservedResponse observed = (response != null) ? WebUtils.getNativeResponse(response, ObservedResponse.class)
				: null;
		if (observed != null) {
			return observed.observation();
		}
		return (request.getAttribute(ATTRIBUTE) instanceof RequestObservation observation) ? observation : null;
	}

	/**
	 * Whether annotation metrics record during this request: not for an
	 * {@code @ExcludeAllMetrics} handler, and not for an excluded path unless
	 * {@code prometheus.web.exclude-user-defaults} is false.
	 * @return {@code true} if they record
	 */
	public boolean recordsAnnotationMetrics() {
		return this.tracking.annotationMetrics();
	}

	/**
	 * Hands over the call of the handler method, whose annotation metrics are then
	 * recorded with the request, once its response is complete.
	 * @param call the call
	 * @return {@code true} if they will be; {@code false} if the request is already
	 * complete (a handler of the error dispatch, or one that completed its response
	 * itself) or has another handler call, so the caller records them now
	 */
	public boolean deferHandlerCall(HandlerMethodCall call) {
		if (this.status != 0 || this.handlerCall != null) {
			return false;
		}
		this.handlerCall = call;
		return true;
	}

	ObservedResponse observedResponse() {
		return this.response;
	}

	/**
	 * Whether the request is still to be completed: it records something and is not
	 * complete yet.
	 * @return {@code true} until it is complete
	 */
	boolean isInProgress() {
		return this.status == 0;
	}

	Tracking tracking() {
		return this.tracking;
	}

	long startNanos() {
		return this.startNanos;
	}

	Throwable thrown() {
		return this.thrown;
	}

	Throwable escapedFromHandler() {
		return this.escapedFromHandler;
	}

	void inProgress(GaugeDataPoint[] dataPoints) {
		this.inProgress = dataPoints;
	}

	/**
	 * Takes the request out of the in-progress gauge, once: when it completes, or as soon
	 * as its handler turns out not to record the default metrics.
	 */
	void leaveInProgress() {
		GaugeDataPoint[] dataPoints = this.inProgress;
		if (dataPoints != null) {
			this.inProgress = null;
			for (GaugeDataPoint dataPoint : dataPoints) {
				dataPoint.dec();
			}
		}
	}

	void handlerResolved(HandlerDetails details, boolean doNotTrack, boolean excludeAll) {
		if (this.status == 0) {
			this.handler = details;
			this.tracking = this.tracking.forHandler(doNotTrack, excludeAll);
			if (!this.tracking.defaultMetrics()) {
				leaveInProgress();
			}
		}
	}

	void handlerThrew(Throwable ex) {
		if (this.status == 0) {
			this.thrown = ex;
		}
	}

	void handlerFailed(Throwable ex) {
		if (this.status == 0) {
			this.escapedFromHandler = ex;
		}
	}

	/**
	 * Called just before the response becomes complete for the client.
	 */
	void responseComplete() {
		if (this.status == 0) {
			this.completion.complete(this, null);
		}
	}

	/**
	 * Completes this observation with the status the client received, once.
	 * @param status the status, greater than 0
	 * @return {@code true} for the first caller only, who decides the rest
	 */
	boolean complete(int status) {
		return STATUS.compareAndSet(this, 0, status);
	}

	void decided(Throwable exception, long durationNanos) {
		this.exception = exception;
		this.durationNanos = durationNanos;
	}

	void labelled(String group, String[] defaultLabelValues) {
		this.group = group;
		this.defaultLabelValues = defaultLabelValues;
	}

	@Override
	public HttpServletRequest request() {
		return this.request;
	}

	@Override
	public HttpServletResponse response() {
		return ResponseWithStatus.of(this.response, this.status);
	}

	@Override
	public HandlerDetails handler() {
		return this.handler;
	}

	@Override
	public String method() {
		return HttpMethodLabel.of(this.request.getMethod());
	}

	@Override
	public int status() {
		return this.status;
	}

	@Override
	public Throwable exception() {
		return this.exception;
	}

	@Override
	public long durationNanos() {
		return this.durationNanos;
	}

	@Override
	public long completedNanos() {
		return this.startNanos + this.durationNanos;
	}

	@Override
	public long requestBytes() {
		return (this.request instanceof BodySizeRequestWrapper sized) ? sized.bodySize() : -1;
	}

	@Override
	public long responseBytes() {
		return (this.request instanceof BodySizeRequestWrapper) ? this.response.bodyBytes() : -1;
	}

	@Override
	public String group() {
		return this.group;
	}

	@Override
	public String[] defaultLabelValues() {
		return this.defaultLabelValues;
	}

	@Override
	public HandlerMethodCall handlerCall() {
		return this.handlerCall;
	}

	@Override
	public void onComplete(AsyncEvent event) {
		this.completion.complete(this, null);
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
