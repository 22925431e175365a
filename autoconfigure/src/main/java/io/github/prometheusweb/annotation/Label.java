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
package io.github.prometheusweb.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One label of a custom metric: a name and a value. The value is either a literal
 * ({@code "checkout"}) or a SpEL template ({@code "#{#pathVariables['type']}"}) evaluated
 * on each call, with the variables {@code #request}, {@code #response}, {@code #result},
 * {@code #exception}, {@code #pathVariables}, {@code #handler} and the method's
 * parameters by name.
 *
 * @author prometheus-web authors
 * @see PrometheusCounter
 */
@Target({})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Label {

	/**
	 * The label name.
	 * @return a valid Prometheus label name
	 */
	String name();

	/**
	 * The label value: a literal, or a template with {@code #{...}} SpEL expressions.
	 * @return the value
	 */
	String value();

}
