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
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.prometheusweb.annotation.ExcludeAllMetrics;
import io.github.prometheusweb.annotation.Label;
import io.github.prometheusweb.annotation.PrometheusCounter;
import io.github.prometheusweb.annotation.PrometheusGauge;
import io.github.prometheusweb.annotation.PrometheusHistogram;
import io.github.prometheusweb.annotation.PrometheusSummary;
import io.github.prometheusweb.labels.DefaultLabels;
import io.github.prometheusweb.labels.LabelTemplate;
import io.github.prometheusweb.servlet.ExcludedPaths;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodClassKey;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * The custom metrics declared by annotations, per method. At startup, once every
 * singleton exists, it reads the annotations of every bean class, so that metrics exist
 * (at 0 when their labels are literal) before the first call and a bad declaration fails
 * startup, naming the class, the method and the problem.
 *
 * @author prometheus-web authors
 */
public class AnnotatedMethodMetrics implements SmartInitializingSingleton {

	/**
	 * The annotations that declare custom metrics.
	 */
	static final Set<Class<? extends Annotation>> METRIC_ANNOTATIONS = Set.of(PrometheusCounter.class,
			PrometheusGauge.class, PrometheusHistogram.class, PrometheusSummary.class);

	private final CustomMetrics metrics;

	private final DefaultLabels defaultLabels;

	private final List<Double> defaultBuckets;

	private final ExcludedPaths excludedPaths;

	private final ListableBeanFactory beanFactory;

	private final ParameterNameDiscoverer parameterNames = new DefaultParameterNameDiscoverer();

	private final Map<MethodClassKey, MethodMetrics> methods = new ConcurrentHashMap<>();

	/**
	 * Creates the catalogue.
	 * @param metrics the custom metrics to create metrics in
	 * @param defaultLabels the default labels to add to every metric
	 * @param defaultBuckets the histogram buckets of histograms that set none
	 * @param excludedPaths the paths during requests to which nothing is recorded, or
	 * {@code null} for none
	 * @param beanFactory the bean factory whose beans to read at startup, or {@code null}
	 */
	public AnnotatedMethodMetrics(CustomMetrics metrics, DefaultLabels defaultLabels, List<Double> defaultBuckets,
			ExcludedPaths excludedPaths, ListableBeanFactory beanFactory) {
		this.metrics = metrics;
		this.defaultLabels = defaultLabels;
		this.defaultBuckets = List.copyOf(defaultBuckets);
		this.excludedPaths = excludedPaths;
		this.beanFactory = beanFactory;
	}

	/**
	 * Whether custom metrics skip calls during a request that prometheus-web does not
	 * track: one to an excluded path, with {@code prometheus.web.exclude-user-defaults}.
	 * @param request the untracked request
	 * @return {@code true} to record nothing
	 */
	boolean isExcluded(HttpServletRequest request) {
		return this.excludedPaths != null && this.excludedPaths.matches(request);
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
		if (kind != null && METRIC_ANNOTATIONS.stream()
			.anyMatch((annotation) -> AnnotatedElementUtils.hasAnnotation(method, annotation))) {
			throw new IllegalStateException(where + " is " + kind + ", so Spring AOP never intercepts it and its "
					+ "custom metrics would never record: annotate a public, non-static, non-final method that is "
					+ "called through the bean");
		}
	}

	private static boolean appliesClassAnnotations(Method method) {
		return Modifier.isPublic(method.getModifiers()) && !Modifier.isStatic(method.getModifiers())
				&& !ReflectionUtils.isObjectMethod(method);
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (this.beanFactory == null) {
			return;
		}
		for (String name : this.beanFactory.getBeanDefinitionNames()) {
			Class<?> type = typeOf(name);
			if (type == null) {
				continue;
			}
			Class<?> userClass = ClassUtils.getUserClass(type);
			if (!AnnotationUtils.isCandidateClass(userClass, METRIC_ANNOTATIONS)) {
				continue;
			}
			for (Method method : inStableOrder(userClass.getMethods())) {
				forMethod(method, userClass);
			}
			for (Method method : inStableOrder(userClass.getDeclaredMethods())) {
				forMethod(method, userClass);
			}
		}
	}

	/**
	 * The methods sorted by name and signature: reflection returns them in no particular
	 * order, and a startup error naming two methods should always name them alike.
	 */
	private static Method[] inStableOrder(Method[] methods) {
		Method[] sorted = methods.clone();
		Arrays.sort(sorted, Comparator.comparing(Method::getName).thenComparing(Method::toGenericString));
		return sorted;
	}

	private Class<?> typeOf(String beanName) {
		try {
			return this.beanFactory.getType(beanName, false);
		}
		catch (BeansException ex) {
			return null;
		}
	}

	/**
	 * The custom metrics of a method, read from its annotations on first use.
	 * @param method the method
	 * @param targetClass the class of the object it is called on
	 * @return the metrics, empty if it declares none
	 * @throws IllegalStateException if a declaration is invalid
	 */
	MethodMetrics forMethod(Method method, Class<?> targetClass) {
		MethodClassKey key = new MethodClassKey(method, targetClass);
		MethodMetrics cached = this.methods.get(key);
		if (cached != null) {
			return cached;
		}
		MethodMetrics created = create(method, targetClass);
		MethodMetrics raced = this.methods.putIfAbsent(key, created);
		return (raced != null) ? raced : created;
	}

	private MethodMetrics create(Method method, Class<?> targetClass) {
		Method specific = AopUtils.getMostSpecificMethod(method, targetClass);
		if (specific.isBridge() || specific.isSynthetic() || !isAnnotated(specific, targetClass)) {
			return MethodMetrics.NONE;
		}
		String where = ClassUtils.getQualifiedMethodName(specific, targetClass);
		checkInterceptable(specific, where);
		List<MetricBinding> gauges = new ArrayList<>();
		List<MetricBinding> recorded = new ArrayList<>();
		List<AnnotatedElement> sources = new ArrayList<>(List.of(specific));
		if (appliesClassAnnotations(specific)) {
			sources.add(targetClass);
		}
		for (AnnotatedElement source : sources) {
			for (PrometheusCounter counter : AnnotatedElementUtils.findMergedRepeatableAnnotations(source,
					PrometheusCounter.class)) {
				recorded.add(bind(CustomMetricType.COUNTER, counter.name(), counter.help(), counter.labels(), List.of(),
						List.of(), counter.initialize(), where));
			}
			for (PrometheusGauge gauge : AnnotatedElementUtils.findMergedRepeatableAnnotations(source,
					PrometheusGauge.class)) {
				gauges.add(bind(CustomMetricType.GAUGE, gauge.name(), gauge.help(), gauge.labels(), List.of(),
						List.of(), gauge.initialize(), where));
			}
			for (PrometheusHistogram histogram : AnnotatedElementUtils.findMergedRepeatableAnnotations(source,
					PrometheusHistogram.class)) {
				List<Double> buckets = (histogram.buckets().length > 0) ? boxed(histogram.buckets())
						: this.defaultBuckets;
				recorded.add(bind(CustomMetricType.HISTOGRAM, histogram.name(), histogram.help(), histogram.labels(),
						buckets, List.of(), histogram.initialize(), where));
			}
			for (PrometheusSummary summary : AnnotatedElementUtils.findMergedRepeatableAnnotations(source,
					PrometheusSummary.class)) {
				recorded.add(bind(CustomMetricType.SUMMARY, summary.name(), summary.help(), summary.labels(), List.of(),
						boxed(summary.quantiles()), summary.initialize(), where));
			}
		}
		// Declared metrics exist (and show their initial value) even on an excluded
		// method, as with the Flask exporter's exclude_all_metrics; nothing records.
		if (AnnotatedElementUtils.hasAnnotation(specific, ExcludeAllMetrics.class)
				|| AnnotatedElementUtils.hasAnnotation(targetClass, ExcludeAllMetrics.class)) {
			return MethodMetrics.NONE;
		}
		return new MethodMetrics(List.copyOf(gauges), List.copyOf(recorded),
				this.parameterNames.getParameterNames(specific));
	}

	private MetricBinding bind(CustomMetricType type, String name, String help, Label[] labels, List<Double> buckets,
			List<Double> quantiles, boolean initialize, String where) {
		List<LabelTemplate> templates = Arrays.stream(labels)
			.map((label) -> LabelTemplate.parse(label.name(), label.value(), where + " metric '" + name + "'"))
			.toList();
		List<String> names = templates.stream().map(LabelTemplate::name).toList();
		for (String labelName : names) {
			if (names.indexOf(labelName) != names.lastIndexOf(labelName)) {
				throw new IllegalStateException(
						where + " metric '" + name + "': label '" + labelName + "' is declared twice");
			}
		}
		try {
			return MetricBinding.bind(this.metrics, type, name, help, templates, buckets, quantiles, initialize,
					this.defaultLabels, where);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException(ex.getMessage(), ex);
		}
	}

	private static List<Double> boxed(double[] values) {
		return Arrays.stream(values).boxed().toList();
	}

}
