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
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Observes the duration of the annotated method, in seconds, in a summary.
 * <p>
 * Works on controller handler methods and on public methods of any Spring bean, through
 * Spring AOP. On a class it applies to every public method. The same name on several
 * methods is one metric; its definitions must agree. When every label is a literal, the
 * series shows 0 from startup unless {@link #initialize()} is false.
 *
 * @author prometheus-web authors
 * @see Label
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Repeatable(PrometheusSummaries.class)
public @interface PrometheusSummary {

	/**
	 * The metric name.
	 * @return a valid Prometheus metric name
	 */
	String name();

	/**
	 * The help text.
	 * @return the help text
	 */
	String help();

	/**
	 * The labels of each observation.
	 * @return the labels, literal or SpEL templates
	 */
	Label[] labels() default {};

	/**
	 * Whether a series whose labels are all literal is created at startup, so that it
	 * shows 0 before the first call.
	 * @return whether to initialise the series
	 */
	boolean initialize() default true;

	/**
	 * The quantiles to report, each between 0 and 1. Empty for none (count and sum only).
	 * @return the quantiles
	 */
	double[] quantiles() default {};

}
