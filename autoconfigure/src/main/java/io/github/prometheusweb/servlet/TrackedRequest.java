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
import io.github.prometheusweb.metrics.InProgressRequests;
import io.github.prometheusweb.metrics.RequestRecorder;
import io.prometheus.metrics.core.datapoints.GaugeDataPoint;
import jakarta.servlet.ServletRequest;

/**
 * What prometheus-web knows about one request while it is processed: when it started,
 * which handler served it, and which exceptions the handler threw. Kept in a single
 * request attribute named after this class.
 *
 * @author prometheus-web authors
 */
public final class TrackedRequest {

	static final String ATTRIBUTE = TrackedRequest.class.getName();

	private final long startNanos;

	private final String method;

	private InProgressRequests inProgress;

	private GaugeDataPoint inProgressDataPoint;

	private HandlerDetails handler = HandlerDetails.UNMATCHED;

	private boolean doNotTrack;

	private boolean excludeAll;

	private Throwable escapedException;

	private Throwable thrownException;

	private List<RequestRecorder> completionCallbacks;

	private CompletedRequest completed;

	private boolean excludedPath;

	TrackedRequest(long startNanos, String method) {
		this.startNanos = startNanos;
		this.method = method;
	}

	/**
	 * The tracked request state of a request.
	 * @param request the request
	 * @return the state, or {@code null} if the request is not tracked (an excluded path,
	 * or a request that did not pass the prometheus-web filter)
	 */
	public static TrackedRequest of(ServletRequest request) {
		return (TrackedRequest) request.getAttribute(ATTRIBUTE);
	}

	/**
	 * When the request started.
	 * @return a {@link System#nanoTime()} reading
	 */
	public long startNanos() {
		return this.startNanos;
	}

	/**
	 * The {@code method} label value.
	 * @return the method, or {@code _OTHER}
	 */
	public String method() {
		return this.method;
	}

	/**
	 * What the handler mapping knew of the handler.
	 * @return the details, {@link HandlerDetails#UNMATCHED} if no application handler
	 * served the request
	 */
	public HandlerDetails handler() {
		return this.handler;
	}

	/**
	 * Whether the handler is annotated {@code @DoNotTrack}.
	 * @return whether the default metrics skip this request
	 */
	public boolean isDoNotTrack() {
		return this.doNotTrack;
	}

	/**
	 * Whether the handler is annotated {@code @ExcludeAllMetrics}.
	 * @return whether every metric skips this request
	 */
	public boolean isExcludeAll() {
		return this.excludeAll;
	}

	/**
	 * The exception that escaped the {@code DispatcherServlet}, as the handler threw it.
	 * @return the exception, or {@code null}
	 */
	public Throwable escapedException() {
		return this.escapedException;
	}

	/**
	 * The last exception the handler threw, resolved or not.
	 * @return the exception, or {@code null}
	 */
	public Throwable thrownException() {
		return this.thrownException;
	}

	/**
	 * Asks to be called once the request is complete, with its final status, unless its
	 * handler is annotated {@code @ExcludeAllMetrics}. Used by custom metrics of the
	 * handler method, whose labels may read the response.
	 * @param callback the callback
	 */
	public void onCompletion(RequestRecorder callback) {
		CompletedRequest alreadyCompleted;
		synchronized (this) {
			alreadyCompleted = this.completed;
			if (alreadyCompleted == null) {
				if (this.completionCallbacks == null) {
					this.completionCallbacks = new ArrayList<>(2);
				}
				this.completionCallbacks.add(callback);
				return;
			}
		}
		// A handler of the error dispatch, which runs after the request was recorded.
		callback.record(alreadyCompleted);
	}

	/**
	 * Marks the request complete and hands over the callbacks to call; callbacks asked
	 * for later are called at once.
	 * @param completed the completed request
	 * @return the callbacks asked for so far
	 */
	synchronized List<RequestRecorder> complete(CompletedRequest completed) {
		this.completed = completed;
		return (this.completionCallbacks != null) ? List.copyOf(this.completionCallbacks) : List.of();
	}

	/**
	 * Whether the request is to an excluded path, tracked only for the recorders that
	 * {@link RequestRecorder#recordsExcludedPaths() record excluded paths}.
	 * @return {@code true} for an excluded path
	 */
	public boolean isExcludedPath() {
		return this.excludedPath;
	}

	void excludedPath() {
		this.excludedPath = true;
	}

	void handlerResolved(HandlerDetails handler, boolean doNotTrack, boolean excludeAll) {
		this.handler = handler;
		this.doNotTrack = doNotTrack;
		this.excludeAll = excludeAll;
	}

	void exceptionThrown(Throwable exception) {
		this.thrownException = exception;
	}

	void exceptionEscaped(Throwable exception) {
		this.escapedException = exception;
	}

	void inProgress(InProgressRequests inProgress, GaugeDataPoint dataPoint) {
		this.inProgress = inProgress;
		this.inProgressDataPoint = dataPoint;
	}

	/**
	 * Takes the request out of the in-progress gauge, once: when it completes, or as soon
	 * as its handler turns out to be untracked.
	 */
	void leaveInProgress() {
		GaugeDataPoint dataPoint = this.inProgressDataPoint;
		if (dataPoint != null) {
			this.inProgressDataPoint = null;
			this.inProgress.finished(dataPoint);
		}
	}

}
