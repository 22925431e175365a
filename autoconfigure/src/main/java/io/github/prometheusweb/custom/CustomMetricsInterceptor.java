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
package io.github.prometheusweb.custom;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.function.Supplier;

import io.github.prometheusweb.grouping.HandlerDetails;
import io.github.prometheusweb.labels.LabelContext;
import io.github.prometheusweb.labels.ResponseWithStatus;
import io.github.prometheusweb.servlet.RateLimitedLog;
import io.github.prometheusweb.servlet.TrackedRequest;
import io.prometheus.metrics.core.datapoints.GaugeDataPoint;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;

import org.springframework.aop.support.AopUtils;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Records the custom metrics of annotated methods. Gauges go up before the call and down
 * after it. Counters, histograms and summaries record when the call ends; when the method
 * is the handler of the current request, they record once the response is complete, so
 * that {@code #response} holds the status the client received. Nothing is recorded during
 * a request to an {@code @ExcludeAllMetrics} handler or, with
 * {@code prometheus.web.exclude-user-defaults}, to an excluded path. A failure in metrics
 * code is logged and never reaches the caller.
 *
 * @author prometheus-web authors
 */
public class CustomMetricsInterceptor implements MethodInterceptor {

	private final RateLimitedLog failures = new RateLimitedLog(CustomMetricsInterceptor.class);

	private final Supplier<AnnotatedMethodMetrics> methodMetrics;

	/**
	 * Creates the interceptor.
	 * @param methodMetrics the annotated method metrics, looked up on each call: pass a
	 * supplier that remembers it
	 */
	public CustomMetricsInterceptor(Supplier<AnnotatedMethodMetrics> methodMetrics) {
		this.methodMetrics = methodMetrics;
	}

	@Override
	public Object invoke(MethodInvocation invocation) throws Throwable {
		Call call = start(invocation);
		if (call == null) {
			return invocation.proceed();
		}
		Object result = null;
		Throwable thrown = null;
		try {
			result = invocation.proceed();
			return result;
		}
		catch (Throwable ex) {
			thrown = ex;
			throw ex;
		}
		finally {
			call.end(result, thrown);
		}
	}

	private Call start(MethodInvocation invocation) {
		try {
			Object target = invocation.getThis();
			Class<?> targetClass = (target != null) ? AopUtils.getTargetClass(target)
					: invocation.getMethod().getDeclaringClass();
			AnnotatedMethodMetrics methodMetrics = this.methodMetrics.get();
			MethodMetrics metrics = methodMetrics.forMethod(invocation.getMethod(), targetClass);
			if (metrics.isEmpty()) {
				return null;
			}
			RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
			HttpServletRequest request = null;
			HttpServletResponse response = null;
			if (attributes instanceof ServletRequestAttributes servletAttributes) {
				request = servletAttributes.getRequest();
				response = servletAttributes.getResponse();
			}
			TrackedRequest tracked = (request != null) ? TrackedRequest.of(request) : null;
			if (tracked != null && tracked.isExcludeAll()) {
				return null;
			}
			if (request != null && (tracked == null || tracked.isExcludedPath()) && methodMetrics.isExcluded(request)) {
				return null;
			}
			boolean handler = tracked != null
					&& isHandler(request, AopUtils.getMostSpecificMethod(invocation.getMethod(), targetClass));
			Call call = new Call(metrics, request, response, tracked, handler, invocation.getArguments(),
					this.failures);
			call.start();
			return call;
		}
		catch (RuntimeException | LinkageError ex) {
			this.failures.warn("Failed to record the custom metrics of " + invocation.getMethod(), ex);
			return null;
		}
	}

	private static boolean isHandler(HttpServletRequest request, Method method) {
		Object handler = request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE);
		return handler instanceof HandlerMethod handlerMethod && handlerMethod.getMethod().equals(method);
	}

	/**
	 * One call of an annotated method.
	 */
	private static final class Call {

		private final MethodMetrics metrics;

		private final HttpServletRequest request;

		private final HttpServletResponse response;

		private final TrackedRequest tracked;

		private final boolean handler;

		private final Object[] arguments;

		private final Map<String, ?> pathVariables;

		private final long startNanos = System.nanoTime();

		private final RateLimitedLog failures;

		private GaugeDataPoint[] inProgress;

		Call(MethodMetrics metrics, HttpServletRequest request, HttpServletResponse response, TrackedRequest tracked,
				boolean handler, Object[] arguments, RateLimitedLog failures) {
			this.failures = failures;
			this.metrics = metrics;
			this.request = request;
			this.response = response;
			this.tracked = tracked;
			this.handler = handler;
			this.arguments = arguments;
			this.pathVariables = LabelContext.pathVariables(request);
		}

		void start() {
			if (this.metrics.gauges().isEmpty()) {
				return;
			}
			LabelContext context = context(null, null, null);
			this.inProgress = new GaugeDataPoint[this.metrics.gauges().size()];
			for (int i = 0; i < this.inProgress.length; i++) {
				this.inProgress[i] = this.metrics.gauges().get(i).started(context);
			}
		}

		void end(Object result, Throwable thrown) {
			try {
				long durationNanos = System.nanoTime() - this.startNanos;
				if (this.inProgress != null) {
					for (GaugeDataPoint dataPoint : this.inProgress) {
						dataPoint.dec();
					}
				}
				if (this.metrics.recorded().isEmpty()) {
					return;
				}
				if (this.handler) {
					this.tracked.onCompletion((completed) -> recordSafely(
							context(ResponseWithStatus.of(this.response, completed.status()), result, thrown),
							durationNanos));
				}
				else {
					record(context(this.response, result, thrown), durationNanos);
				}
			}
			catch (RuntimeException | LinkageError ex) {
				this.failures.warn("Failed to record the custom metrics of a call", ex);
			}
		}

		private void recordSafely(LabelContext context, long durationNanos) {
			try {
				record(context, durationNanos);
			}
			catch (RuntimeException | LinkageError ex) {
				this.failures.warn("Failed to record the custom metrics of a handler", ex);
			}
		}

		private void record(LabelContext context, long durationNanos) {
			for (MetricBinding binding : this.metrics.recorded()) {
				binding.record(context, durationNanos);
			}
		}

		private LabelContext context(HttpServletResponse response, Object result, Throwable thrown) {
			HandlerDetails handlerDetails = (this.tracked != null) ? this.tracked.handler() : null;
			return LabelContext.ofCall(this.request, response, handlerDetails, this.pathVariables, result, thrown,
					this.metrics.parameterNames(), this.arguments);
		}

	}

}
