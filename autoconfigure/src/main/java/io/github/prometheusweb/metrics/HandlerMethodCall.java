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

package io.github.prometheusweb.metrics;

import java.lang.reflect.Method;

/**
 * A call of the handler method of a request, whose annotation metrics are recorded when
 * the request completes.
 *
 * @author prometheus-web authors
 */
public interface HandlerMethodCall {

	/**
	 * The method called.
	 * @return the method
	 */
	Method method();

	/**
	 * The class of the object the method was called on.
	 * @return the target class
	 */
	Class<?> targetClass();

	/**
	 * The arguments of the call.
	 * @return the arguments; do not modify
	 */
	Object[] arguments();

	/**
	 * The value the method returned.
	 * @return the value, or {@code null}
	 */
	Object result();

	/**
	 * The exception the method threw.
	 * @return the exception, or {@code null}
	 */
	Throwable exception();

	/**
	 * How long the call took.
	 * @return the duration in nanoseconds
	 */
	long durationNanos();

}
