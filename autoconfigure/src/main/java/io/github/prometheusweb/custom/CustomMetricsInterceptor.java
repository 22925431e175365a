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
import io.github.prometheusweb.metrics.HandlerMethodCall;
import io.github.prometheusweb.servlet.RequestObservation;
import io.github.prometheusweb.support.RateLimitedLog;
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
			call.end(result, thrown);
		}
	}

	private Call start(MethodInvocation invocation) {
		try {
			Object target = invocation.getThis();
			Method method = invocation.getMethod();
			Class<?> targetClass = (target != null) ? AopUtils.getTargetClass(target) : method.getDeclaringClass();
			AnnotationMetrics annotations = this.annotationMetrics.get();
			MethodMetrics metrics = annotations.forMethod(method, targetClass);
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
			RequestObservation observation = (request != null) ? RequestObservation.of(request) : null;
			if (observation != null && !observation.recordsAnnotationMetrics()) {
				return null;
			}
			boolean handler = observation != null
					&& isHandler(request, AopUtils.getMostSpecificMethod(method, targetClass));
			Call call = new Call(annotations, metrics, method, targetClass, request, response, observation, handler,
					invocation.getArguments());
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
	private final class Call {

		private final AnnotationMetrics annotations;

		private final MethodMetrics metrics;

		private final Method method;

		private final Class<?> targetClass;

		private final HttpServletRequest request;

		private final HttpServletResponse response;

		private final RequestObservation observation;

		private final boolean handler;

		private final Object[] arguments;

		private final Map<String, ?> pathVariables;

		private final long startNanos = System.nanoTime();

		private GaugeDataPoint[] inProgress;

		Call(AnnotationMetrics annotations, MethodMetrics metrics, Method method, Class<?> targetClass,
				HttpServletRequest request, HttpServletResponse response, RequestObservation observation,
				boolean handler, Object[] arguments) {
			this.annotations = annotations;
			this.metrics = metrics;
			this.method = method;
			this.targetClass = targetClass;
			this.request = request;
			this.response = response;
			this.observation = observation;
			this.handler = handler;
			this.arguments = arguments;
			this.pathVariables = LabelContext.pathVariables(request);
		}

		void start() {
			if (!this.metrics.gauges().isEmpty()) {
				LabelContext context = context(null, null);
				this.inProgress = this.metrics.startGauges(context,
						this.annotations.defaultLabels().values(() -> context));
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
				if (this.metrics.recorded().isEmpty()
						|| (this.handler && this.observation.deferHandlerCall(new HandlerMethodCall(this.method,
								this.targetClass, this.arguments, result, thrown, durationNanos)))) {
					return;
				}
				LabelContext context = context(result, thrown);
				this.metrics.record(context, this.annotations.defaultLabels().values(() -> context), durationNanos);
			}
			catch (RuntimeException | LinkageError ex) {
				CustomMetricsInterceptor.this.failures.warn("Failed to record the custom metrics of a call", ex);
			}
		}

		private LabelContext context(Object result, Throwable thrown) {
			HandlerDetails handlerDetails = (this.observation != null) ? this.observation.handler() : null;
			return LabelContext.ofCall(this.request, this.response, handlerDetails, this.pathVariables, result, thrown,
					this.metrics.parameterNames(), this.arguments);
		}

	}

}
