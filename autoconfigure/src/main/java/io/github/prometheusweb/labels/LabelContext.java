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
import java.util.Map;

import io.github.prometheusweb.grouping.HandlerDetails;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.expression.EvaluationContext;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The variables label templates see in one observation: {@code #request},
 * {@code #response}, {@code #handler}, {@code #pathVariables}, {@code #result},
 * {@code #exception} and the method's parameters by name. Any of them may be
 * {@code null}. A parameter name hides a variable of the same name, and {@code #p0},
 * {@code #p1}, ... are the arguments by position. A context is also the SpEL evaluation
 * context of its observation, which reads a variable only when an expression asks for it:
 * one object per observation.
 *
 * @author prometheus-web authors
 */
public abstract sealed class LabelContext permits LabelEvaluationContext {

	private final HttpServletRequest request;

	private final HttpServletResponse response;

	private final HandlerDetails handler;

	private final Object result;

	private final Throwable exception;

	private final String[] parameterNames;

	private final Object[] arguments;

	LabelContext(HttpServletRequest request, HttpServletResponse response, HandlerDetails handler, Object result,
			Throwable exception, String[] parameterNames, Object[] arguments) {
		this.request = request;
		this.response = response;
		this.handler = handler;
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
		return new LabelEvaluationContext(request, response, handler, null, null, null, null);
	}

	/**
	 * The context of a method call.
	 * @param request the current request, or {@code null}
	 * @param response the response, or {@code null}
	 * @param handler the handler details, or {@code null}
	 * @param result the value the method returned, or {@code null}
	 * @param exception the exception the method threw, or {@code null}
	 * @param parameterNames the names of the method's parameters, or {@code null}
	 * @param arguments the arguments of the call
	 * @return the context
	 */
	public static LabelContext ofCall(HttpServletRequest request, HttpServletResponse response, HandlerDetails handler,
			Object result, Throwable exception, String[] parameterNames, Object[] arguments) {
		return new LabelEvaluationContext(request, response, handler, result, exception, parameterNames, arguments);
	}

	/**
	 * The path variables of a request, as the handler mapping extracted them.
	 * @param request the request, or {@code null}
	 * @return the variables, empty if there are none
	 */
	@SuppressWarnings("unchecked")
	private static Map<String, ?> pathVariables(HttpServletRequest request) {
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

	/**
	 * The SpEL evaluation context of the observation.
	 * @return the context
	 */
	abstract EvaluationContext evaluationContext();

	/**
	 * The value of a variable of the templates.
	 * @param name the name, without {@code #}
	 * @return the value, or {@code null} if there is no such variable
	 */
	Object variable(String name) {
		if (this.parameterNames != null) {
			for (int i = 0; i < this.parameterNames.length && i < this.arguments.length; i++) {
				if (name.equals(this.parameterNames[i])) {
					return this.arguments[i];
				}
			}
		}
		return switch (name) {
			case "request" -> this.request;
			case "response" -> this.response;
			case "handler" -> this.handler;
			case "pathVariables" -> pathVariables(this.request);
			case "result" -> this.result;
			case "exception" -> this.exception;
			default -> argument(name);
		};
	}

	/**
	 * An argument by position: {@code p0}, {@code p1}, ...
	 */
	private Object argument(String name) {
		if (this.arguments == null || name.length() < 2 || name.charAt(0) != 'p'
				|| (name.length() > 2 && name.charAt(1) == '0')) {
			return null;
		}
		int index = 0;
		for (int i = 1; i < name.length(); i++) {
			char digit = name.charAt(i);
			if (digit < '0' || digit > '9' || index > this.arguments.length) {
				return null;
			}
			index = index * 10 + (digit - '0');
		}
		return (index < this.arguments.length) ? this.arguments[index] : null;
	}

}
