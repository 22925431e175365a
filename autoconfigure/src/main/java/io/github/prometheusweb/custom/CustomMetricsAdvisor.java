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

import org.aopalliance.aop.Advice;

import org.springframework.aop.Pointcut;
import org.springframework.aop.support.AbstractPointcutAdvisor;
import org.springframework.aop.support.StaticMethodMatcherPointcut;
import org.springframework.core.annotation.AnnotationUtils;

/**
 * Applies the metric annotations, through Spring AOP, to the methods that carry them (on
 * themselves or on their class) in every bean that Spring's auto-proxy creator processes.
 * It reads annotations only, so it can be created before any other bean; it checks each
 * declaration as it matches it, so a bad declaration fails the creation of its bean.
 *
 * @author prometheus-web authors
 */
public final class CustomMetricsAdvisor extends AbstractPointcutAdvisor {

	private static final long serialVersionUID = 1L;

	private final transient CustomMetricsInterceptor interceptor;

	private final transient Pointcut pointcut = new AnnotatedMethodPointcut();

	/**
	 * Creates the advisor.
	 * @param annotationMetrics the metrics of annotated methods, asked for at the first
	 * call of an annotated method: pass a supplier that remembers them
	 */
	public CustomMetricsAdvisor(Supplier<AnnotationMetrics> annotationMetrics) {
		this.interceptor = new CustomMetricsInterceptor(annotationMetrics);
	}

	@Override
	public Pointcut getPointcut() {
		return this.pointcut;
	}

	@Override
	public Advice getAdvice() {
		return this.interceptor;
	}

	/**
	 * Matches the methods with a metric annotation, on the method or its class.
	 */
	private static final class AnnotatedMethodPointcut extends StaticMethodMatcherPointcut {

		AnnotatedMethodPointcut() {
			setClassFilter((type) -> AnnotationUtils.isCandidateClass(type, AnnotationReader.METRIC_ANNOTATIONS));
		}

		@Override
		public boolean matches(Method method, Class<?> targetClass) {
			return !AnnotationReader.read(method, targetClass).isEmpty();
		}

	}

}
