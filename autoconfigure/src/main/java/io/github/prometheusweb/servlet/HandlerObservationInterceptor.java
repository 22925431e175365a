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

import java.lang.annotation.Annotation;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.prometheusweb.annotation.DoNotTrack;
import io.github.prometheusweb.annotation.ExcludeAllMetrics;
import io.github.prometheusweb.grouping.HandlerDetails;
import io.github.prometheusweb.support.RateLimitedLog;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.DefaultServletHttpRequestHandler;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;

/**
 * Tells the {@link RequestObservation} what only Spring MVC knows of the handler: its
 * route template and endpoint name and its {@code @DoNotTrack}/{@code @ExcludeAllMetrics}
 * annotations (as an interceptor, before the handler), every exception it throws (as the
 * first exception resolver, before any other resolves it) and the exception that escaped
 * it (as an interceptor, after the request). Static resources and the default servlet are
 * not application routes: their requests are unmatched. The handler is read from the
 * original dispatch only, so the error dispatch to {@code /error} never replaces the
 * route of the request that failed. It resolves nothing itself.
 *
 * @author prometheus-web authors
 */
public final class HandlerObservationInterceptor implements HandlerInterceptor, HandlerExceptionResolver, Ordered {

	private final Map<Object, ResolvedHandler> resolved = new ConcurrentHashMap<>();

	private final RateLimitedLog failures = new RateLimitedLog(HandlerObservationInterceptor.class);

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (request.getDispatcherType() == DispatcherType.REQUEST) {
			RequestObservation observation = RequestObservation.of(request, response);
			if (observation != null) {
				try {
					ResolvedHandler resolvedHandler = resolve(request, handler);
					observation.handlerResolved(resolvedHandler.details, resolvedHandler.doNotTrack,
							resolvedHandler.excludeAll);
				}
				catch (RuntimeException | LinkageError ex) {
					this.failures.warn("Failed to resolve the handler of a request for its metrics", ex);
				}
			}
		}
		return true;
	}

	@Override
	public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		RequestObservation observation = RequestObservation.of(request, response);
		if (observation != null) {
			observation.handlerThrew(ex);
		}
		return null;
	}

	@Override
	public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		if (ex != null && request.getDispatcherType() != DispatcherType.ERROR) {
			RequestObservation observation = RequestObservation.of(request, response);
			if (observation != null) {
				observation.handlerFailed(ex);
			}
		}
	}

	/**
	 * First among the exception resolvers, so that it sees every exception.
	 * @return the highest precedence
	 */
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	private ResolvedHandler resolve(HttpServletRequest request, Object handler) {
		Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
		if (!(pattern instanceof String route) || handler instanceof ResourceHttpRequestHandler
				|| handler instanceof DefaultServletHttpRequestHandler) {
			return ResolvedHandler.UNMATCHED;
		}
		// A handler method by its Method, another handler by its class: a HandlerMethod
		// holds the bean, and a prototype-scoped handler is a new one for each request.
		Object key = (handler instanceof HandlerMethod handlerMethod) ? handlerMethod.getMethod() : handler.getClass();
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

		private static boolean annotated(HandlerMethod handlerMethod, Class<? extends Annotation> annotation) {
			return handlerMethod.hasMethodAnnotation(annotation)
					|| AnnotatedElementUtils.hasAnnotation(handlerMethod.getBeanType(), annotation);
		}

	}

}
