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

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.prometheusweb.annotation.DoNotTrack;
import io.github.prometheusweb.annotation.ExcludeAllMetrics;
import io.github.prometheusweb.grouping.HandlerDetails;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.resource.DefaultServletHttpRequestHandler;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;

/**
 * Tells the {@link RequestMetricsFilter} what only the handler mapping knows: the route
 * template, the endpoint name and the {@code @DoNotTrack}/{@code @ExcludeAllMetrics}
 * annotations of the handler, and the exception that escaped it. Static resources and the
 * default servlet are not application routes: their requests are unmatched. Only the
 * original dispatch is read, so the error dispatch to {@code /error} never replaces the
 * route of the request that failed.
 *
 * @author prometheus-web authors
 */
public class HandlerDetailsInterceptor implements HandlerInterceptor {

	private final Map<Object, ResolvedHandler> resolved = new ConcurrentHashMap<>();

	private final RateLimitedLog failures = new RateLimitedLog(HandlerDetailsInterceptor.class);

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (request.getDispatcherType() == DispatcherType.REQUEST) {
			TrackedRequest tracked = TrackedRequest.of(request);
			if (tracked != null) {
				try {
					ResolvedHandler resolvedHandler = resolve(request, handler);
					tracked.handlerResolved(resolvedHandler.details, resolvedHandler.doNotTrack,
							resolvedHandler.excludeAll);
					if (resolvedHandler.doNotTrack || resolvedHandler.excludeAll) {
						tracked.leaveInProgress();
					}
				}
				catch (RuntimeException | LinkageError ex) {
					this.failures.warn("Failed to resolve the handler of a request for its metrics", ex);
				}
			}
		}
		return true;
	}

	@Override
	public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		if (ex != null && request.getDispatcherType() != DispatcherType.ERROR) {
			TrackedRequest tracked = TrackedRequest.of(request);
			if (tracked != null) {
				tracked.exceptionEscaped(ex);
			}
		}
	}

	private ResolvedHandler resolve(HttpServletRequest request, Object handler) {
		Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
		if (!(pattern instanceof String route) || handler instanceof ResourceHttpRequestHandler
				|| handler instanceof DefaultServletHttpRequestHandler) {
			return ResolvedHandler.UNMATCHED;
		}
		// A handler method by its Method: a HandlerMethod holds the bean instance, which
		// is
		// a new one per request for a prototype-scoped controller.
		Object key = (handler instanceof HandlerMethod handlerMethod) ? handlerMethod.getMethod() : handler;
		Class<?> type = (handler instanceof HandlerMethod handlerMethod) ? handlerMethod.getBeanType()
				: handler.getClass();
		ResolvedHandler cached = this.resolved.get(key);
		if (cached != null && cached.route.equals(route) && cached.type == type) {
			return cached;
		}
		ResolvedHandler fresh = ResolvedHandler.of(handler, route, type);
		this.resolved.put(key, fresh);
		return fresh;
	}

	private record ResolvedHandler(String route, Class<?> type, HandlerDetails details, boolean doNotTrack,
			boolean excludeAll) {

		static final ResolvedHandler UNMATCHED = new ResolvedHandler("", Object.class, HandlerDetails.UNMATCHED, false,
				false);

		static ResolvedHandler of(Object handler, String route, Class<?> type) {
			String template = route.isEmpty() ? "/" : route;
			if (handler instanceof HandlerMethod handlerMethod) {
				String endpoint = type.getSimpleName() + "#" + handlerMethod.getMethod().getName();
				return new ResolvedHandler(route, type, new HandlerDetails(template, endpoint),
						annotated(handlerMethod, DoNotTrack.class), annotated(handlerMethod, ExcludeAllMetrics.class));
			}
			return new ResolvedHandler(route, type, new HandlerDetails(template, template), false, false);
		}

		private static boolean annotated(HandlerMethod handlerMethod,
				Class<? extends java.lang.annotation.Annotation> annotation) {
			return handlerMethod.hasMethodAnnotation(annotation)
					|| AnnotatedElementUtils.hasAnnotation(handlerMethod.getBeanType(), annotation);
		}

	}

}
