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

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.prometheusweb.annotation.Label;
import io.github.prometheusweb.annotation.PrometheusCounter;
import io.github.prometheusweb.annotation.PrometheusGauge;
import io.github.prometheusweb.annotation.PrometheusHistogram;
import io.github.prometheusweb.annotation.PrometheusSummary;

import org.springframework.aop.support.AopUtils;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Reads the metric annotations of a method, on itself and, for a public method, on its
 * class, into checked {@link MetricDeclaration declarations}. A bad declaration fails
 * with a message that names the method and what is wrong.
 *
 * @author prometheus-web authors
 */
final class AnnotationReader {

	/**
	 * The annotations that declare custom metrics.
	 */
	static final Set<Class<? extends Annotation>> METRIC_ANNOTATIONS = Set.of(PrometheusCounter.class,
			PrometheusGauge.class, PrometheusHistogram.class, PrometheusSummary.class);

	private AnnotationReader() {
	}

	/**
	 * Whether a method of a class declares custom metrics, on itself or on its class.
	 * @param method the method
	 * @param targetClass the class of the object it is called on
	 * @return {@code true} if it has a metric annotation
	 */
	static boolean isAnnotated(Method method, Class<?> targetClass) {
		Method specific = AopUtils.getMostSpecificMethod(method, targetClass);
		if (hasMetricAnnotation(specific)) {
			return true;
		}
		return appliesClassAnnotations(specific) && hasMetricAnnotation(targetClass);
	}

	/**
	 * The declarations of a method, checked.
	 * @param method the method
	 * @param targetClass the class of the object it is called on
	 * @return the declarations, empty if it has none
	 * @throws IllegalArgumentException if a declaration is invalid, or sits on a method
	 * that Spring AOP never intercepts
	 */
	static List<MetricDeclaration> read(Method method, Class<?> targetClass) {
		Method specific = AopUtils.getMostSpecificMethod(method, targetClass);
		if (specific.isBridge() || specific.isSynthetic() || !isAnnotated(specific, targetClass)) {
			return List.of();
		}
		String where = ClassUtils.getQualifiedMethodName(specific, targetClass);
		checkInterceptable(specific, where);
		List<AnnotatedElement> sources = new ArrayList<>(List.of(specific));
		if (appliesClassAnnotations(specific)) {
			sources.add(targetClass);
		}
		List<MetricDeclaration> declarations = new ArrayList<>();
		for (AnnotatedElement source : sources) {
			for (PrometheusCounter counter : annotations(source, PrometheusCounter.class)) {
				declarations.add(declaration(CustomMetricType.COUNTER, counter.name(), counter.help(), counter.labels(),
						new double[0], new double[0], counter.initialize(), where));
			}
			for (PrometheusGauge gauge : annotations(source, PrometheusGauge.class)) {
				declarations.add(declaration(CustomMetricType.GAUGE, gauge.name(), gauge.help(), gauge.labels(),
						new double[0], new double[0], gauge.initialize(), where));
			}
			for (PrometheusHistogram histogram : annotations(source, PrometheusHistogram.class)) {
				declarations.add(declaration(CustomMetricType.HISTOGRAM, histogram.name(), histogram.help(),
						histogram.labels(), histogram.buckets(), new double[0], histogram.initialize(), where));
			}
			for (PrometheusSummary summary : annotations(source, PrometheusSummary.class)) {
				declarations.add(declaration(CustomMetricType.SUMMARY, summary.name(), summary.help(), summary.labels(),
						new double[0], summary.quantiles(), summary.initialize(), where));
			}
		}
		return declarations;
	}

	private static <A extends Annotation> Set<A> annotations(AnnotatedElement source, Class<A> type) {
		return AnnotatedElementUtils.findMergedRepeatableAnnotations(source, type);
	}

	private static MetricDeclaration declaration(CustomMetricType type, String name, String help, Label[] labels,
			double[] buckets, double[] quantiles, boolean initialize, String where) {
		List<Map.Entry<String, String>> pairs = Arrays.stream(labels)
			.map((label) -> Map.entry(label.name(), label.value()))
			.toList();
		return MetricDeclaration.parse(type, name, help, pairs, boxed(buckets), boxed(quantiles), initialize, where,
				(part) -> part.equals("name") ? where + ": metric name"
						: where + " metric '" + name + "'" + (part.startsWith("labels.") ? "" : ": " + part));
	}

	private static boolean hasMetricAnnotation(AnnotatedElement element) {
		for (Class<? extends Annotation> type : METRIC_ANNOTATIONS) {
			if (!AnnotatedElementUtils.findMergedRepeatableAnnotations(element, type).isEmpty()) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Fails when a metric annotation sits on a method that Spring AOP never intercepts,
	 * whose metric would show its initial value forever.
	 */
	private static void checkInterceptable(Method method, String where) {
		int modifiers = method.getModifiers();
		String kind = Modifier.isPrivate(modifiers) ? "private"
				: Modifier.isStatic(modifiers) ? "static" : Modifier.isFinal(modifiers) ? "final" : null;
		if (kind != null && hasMetricAnnotation(method)) {
			throw new IllegalArgumentException(where + " is " + kind + ", so Spring AOP never intercepts it and its "
					+ "custom metrics would never record: annotate a public, non-static, non-final method that is "
					+ "called through the bean");
		}
	}

	private static boolean appliesClassAnnotations(Method method) {
		return Modifier.isPublic(method.getModifiers()) && !Modifier.isStatic(method.getModifiers())
				&& !ReflectionUtils.isObjectMethod(method);
	}

	private static List<Double> boxed(double[] values) {
		return Arrays.stream(values).boxed().toList();
	}

}
