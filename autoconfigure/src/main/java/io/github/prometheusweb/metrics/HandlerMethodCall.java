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
 * @param method the method called
 * @param targetClass the class of the object it was called on
 * @param arguments the arguments
 * @param result the value it returned, or {@code null}
 * @param exception the exception it threw, or {@code null}
 * @param durationNanos how long the call took, in nanoseconds
 * @author prometheus-web authors
 */
public record HandlerMethodCall(Method method, Class<?> targetClass, Object[] arguments, Object result,
		Throwable exception, long durationNanos) {

}
