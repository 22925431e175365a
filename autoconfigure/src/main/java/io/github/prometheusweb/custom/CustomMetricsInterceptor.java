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
import java.util.function.Supplier;

import io.github.prometheusweb.grouping.HandlerDetails;
import io.github.prometheusweb.labels.DefaultLabels;
import io.github.prometheusweb.labels.LabelContext;
import io.github.prometheusweb.metrics.HandlerMethodCall;
import io.github.prometheusweb.servlet.RequestObservation;
import io.github.prometheusweb.support.RateLimitedLog;
import io.prometheus.metrics.core.datapoints.GaugeDataPoint;
import jakarta.servlet.http.HttpServletRequest;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;

import org.springframework.aop.support.AopUtils;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Records the metrics of annotated methods. Gauges go up before the call and down after
 * it. Counters, histograms and summaries record when the call ends; when the method is
 * the handler of the current request, the call is handed to the request's
 * {@link RequestObservation} instead, and recorded with it once the response is complete,
 * so that {@code #response} holds the status the client received. Nothing is recorded
 * during a request whose observation says annotation metrics do not record. A failure in
 * metrics code is logged and never reaches the caller.
 *
 * @author prometheus-web authors
 */
final class CustomMetricsInterceptor implements MethodInterceptor {

	private final RateLimitedLog failures = new RateLimitedLog(CustomMetricsInterceptor.class);

	private final Supplier<AnnotationMetrics> annotationMetrics;

	/**
	 * Creates the interceptor.
	 * @param annotationMetrics the metrics of annotated methods, looked up on each call:
	 * pass a supplier that remembers them
	 */
	CustomMetricsInterceptor(Supplier<AnnotationMetrics> annotationMetrics) {
		this.annotationMetrics = annotationMetrics;
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
			end(call, result, thrown);
		}
	}

	private Call start(MethodInvocation invocation) {
		try {
			Object target = invocation.getThis();
			Method method = invocation.getMethod();
			Class<?> targetClass = (target != null) ? AopUtils.getTargetClass(target) : method.getDeclaringClass();
			MethodMetrics metrics = this.annotationMetrics.get().forMethod(method, targetClass);
			if (metrics.isEmpty()) {
				return null;
			}
			ServletRequestAttributes attributes = currentRequest();
			HttpServletRequest request = (attributes != null) ? attributes.getRequest() : null;
			RequestObservation observation = (request != null)
					? RequestObservation.of(request, attributes.getResponse()) : null;
			if (observation != null && !observation.recordsAnnotationMetrics()) {
				return null;
			}
			boolean handler = observation != null && isHandler(request, metrics.specificMethod());
			Call call = new Call(metrics, invocation.getArguments(), observation, handler);
			if (metrics.gauges().length > 0) {
				LabelContext context = context(call, attributes, null, null);
				call.inProgress = metrics.startGauges(context,
						this.annotationMetrics.get().defaultLabels().values(() -> context));
			}
			return call;
		}
		catch (RuntimeException | LinkageError ex) {
			this.failures.warn("Failed to record the custom metrics of " + invocation.getMethod(), ex);
			return null;
		}
	}

	private void end(Call call, Object result, Throwable thrown) {
		try {
			call.ended(result, thrown);
			if (call.inProgress != null) {
				for (GaugeDataPoint dataPoint : call.inProgress) {
					dataPoint.dec();
				}
			}
			if (call.metrics.recorded().length == 0 || (call.handler && call.observation.deferHandlerCall(call))) {
				return;
			}
			DefaultLabels defaultLabels = this.annotationMetrics.get().defaultLabels();
			LabelContext context = (call.metrics.readsContext() || !defaultLabels.isLiteral())
					? context(call, currentRequest(), result, thrown) : null;
			call.metrics.record(context, defaultLabels.values(() -> context), call.nanos);
		}
		catch (RuntimeException | LinkageError ex) {
			this.failures.warn("Failed to record the custom metrics of a call", ex);
		}
	}

	private static LabelContext context(Call call, ServletRequestAttributes attributes, Object result,
			Throwable thrown) {
		HandlerDetails handlerDetails = (call.observation != null) ? call.observation.handler() : null;
		return LabelContext.ofCall((attributes != null) ? attributes.getRequest() : null,
				(attributes != null) ? attributes.getResponse() : null, handlerDetails, result, thrown,
				call.metrics.parameterNames(), call.arguments);
	}

	private static ServletRequestAttributes currentRequest() {
		return (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) ? attributes
				: null;
	}

	/**
	 * Whether a method is the handler of the request, rather than a method the handler
	 * calls.
	 */
	private static boolean isHandler(HttpServletRequest request, Method method) {
		Object handler = request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE);
		return handler instanceof HandlerMethod handlerMethod && handlerMethod.getMethod().equals(method);
	}

	/**
	 * One call of an annotated method: while it runs, what it started; once it ended, the
	 * call a request records when it is the request's handler.
	 */
	private static final class Call implements HandlerMethodCall {

		private final MethodMetrics metrics;

		private final Object[] arguments;

		/**
		 * The observation of the request the call is part of, or {@code null}.
		 */
		private final RequestObservation observation;

		private final boolean handler;

		/**
		 * The start of the call, then, once it ended, its duration.
		 */
		private long nanos = System.nanoTime();

		private GaugeDataPoint[] inProgress;

		private Object result;

		private Throwable exception;

		Call(MethodMetrics metrics, Object[] arguments, RequestObservation observation, boolean handler) {
			this.metrics = metrics;
			this.arguments = arguments;
			this.observation = observation;
			this.handler = handler;
		}

		@Override
		public String toString() {
			return "call of " + this.metrics.method();
		}

		void ended(Object result, Throwable exception) {
			this.nanos = System.nanoTime() - this.nanos;
			this.result = result;
			this.exception = exception;
		}

		@Override
		public Method method() {
			return this.metrics.method();
		}

		@Override
		public Class<?> targetClass() {
			return this.metrics.targetClass();
		}

		@Override
		public Object[] arguments() {
			return this.arguments;
		}

		@Override
		public Object result() {
			return this.result;
		}

		@Override
		public Throwable exception() {
			return this.exception;
		}

		@Override
		public long durationNanos() {
			return this.nanos;
		}

	}

}
