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
package io.github.prometheusweb.labels;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import io.github.prometheusweb.grouping.HandlerDetails;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.expression.EvaluationContext;
import org.springframework.expression.MethodResolver;
import org.springframework.expression.PropertyAccessor;
import org.springframework.expression.spel.support.ReflectiveMethodResolver;
import org.springframework.expression.spel.support.ReflectivePropertyAccessor;
import org.springframework.expression.spel.support.StandardEvaluationContext;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The variables label templates see in one observation: {@code #request},
 * {@code #response}, {@code #handler}, {@code #pathVariables}, {@code #result},
 * {@code #exception} and the method's parameters by name. Any of them may be
 * {@code null}. The SpEL evaluation context is built on first use, once for all the
 * labels of the observation, with reflective property and method access shared by every
 * observation.
 *
 * @author prometheus-web authors
 */
public final class LabelContext {

	private static final List<PropertyAccessor> propertyAccessors = List.of(new ReflectivePropertyAccessor(false));

	private static final List<MethodResolver> methodResolvers = List.of(new ReflectiveMethodResolver());

	private final HttpServletRequest request;

	private final HttpServletResponse response;

	private final HandlerDetails handler;

	private final Map<String, ?> pathVariables;

	private final Object result;

	private final Throwable exception;

	private final String[] parameterNames;

	private final Object[] arguments;

	private EvaluationContext evaluationContext;

	private LabelContext(HttpServletRequest request, HttpServletResponse response, HandlerDetails handler,
			Map<String, ?> pathVariables, Object result, Throwable exception, String[] parameterNames,
			Object[] arguments) {
		this.request = request;
		this.response = response;
		this.handler = handler;
		this.pathVariables = pathVariables;
		this.result = result;
		this.exception = exception;
		this.parameterNames = parameterNames;
		this.arguments = arguments;
	}

	/**
	 * The context of a request, for default labels and user-defined default metrics.
	 * @param request the request, or {@code null}
	 * @param response the response, or {@code null}
	 * @param handler the handler details, or {@code null}
	 * @return the context
	 */
	public static LabelContext ofRequest(HttpServletRequest request, HttpServletResponse response,
			HandlerDetails handler) {
		return new LabelContext(request, response, handler, pathVariables(request), null, null, null, null);
	}

	/**
	 * The context of a method call.
	 * @param request the current request, or {@code null}
	 * @param response the response, or {@code null}
	 * @param handler the handler details, or {@code null}
	 * @param pathVariables the path variables, or {@code null} to read them from the
	 * request
	 * @param result the value the method returned, or {@code null}
	 * @param exception the exception the method threw, or {@code null}
	 * @param parameterNames the names of the method's parameters, or {@code null}
	 * @param arguments the arguments of the call
	 * @return the context
	 */
	public static LabelContext ofCall(HttpServletRequest request, HttpServletResponse response, HandlerDetails handler,
			Map<String, ?> pathVariables, Object result, Throwable exception, String[] parameterNames,
			Object[] arguments) {
		return new LabelContext(request, response, handler,
				(pathVariables != null) ? pathVariables : pathVariables(request), result, exception, parameterNames,
				arguments);
	}

	/**
	 * The path variables of a request, as the handler mapping extracted them.
	 * @param request the request, or {@code null}
	 * @return the variables, empty if there are none
	 */
	@SuppressWarnings("unchecked")
	public static Map<String, ?> pathVariables(HttpServletRequest request) {
		Object variables = (request != null) ? request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE)
				: null;
		return (variables instanceof Map<?, ?> map) ? (Map<String, ?>) map : Collections.emptyMap();
	}

	/**
	 * The request.
	 * @return the request, or {@code null}
	 */
	public HttpServletRequest request() {
		return this.request;
	}

	/**
	 * The response.
	 * @return the response, or {@code null}
	 */
	public HttpServletResponse response() {
		return this.response;
	}

	/**
	 * The handler.
	 * @return the handler details, or {@code null}
	 */
	public HandlerDetails handler() {
		return this.handler;
	}

	EvaluationContext evaluationContext() {
		if (this.evaluationContext == null) {
			StandardEvaluationContext context = new StandardEvaluationContext();
			context.setPropertyAccessors(propertyAccessors);
			context.setMethodResolvers(methodResolvers);
			context.setVariable("request", this.request);
			context.setVariable("response", this.response);
			context.setVariable("handler", this.handler);
			context.setVariable("pathVariables", this.pathVariables);
			context.setVariable("result", this.result);
			context.setVariable("exception", this.exception);
			if (this.arguments != null) {
				for (int i = 0; i < this.arguments.length; i++) {
					context.setVariable("p" + i, this.arguments[i]);
					if (this.parameterNames != null && i < this.parameterNames.length) {
						context.setVariable(this.parameterNames[i], this.arguments[i]);
					}
				}
			}
			this.evaluationContext = context;
		}
		return this.evaluationContext;
	}

}
