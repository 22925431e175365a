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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.prometheusweb.labels.DefaultLabels;
import io.github.prometheusweb.labels.LabelContext;
import io.github.prometheusweb.metrics.CompletedRequest;
import io.github.prometheusweb.metrics.HandlerMethodCall;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodClassKey;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.util.ClassUtils;

/**
 * The metrics that annotations declare, per method. At startup, once every singleton
 * exists, it reads the annotations of every bean class, so that metrics exist (at 0 when
 * their labels are literal) before the first call and two declarations that disagree fail
 * startup, naming both methods. A bean whose class is not known then (a product of a
 * {@code FactoryBean}, say) has its annotations checked when Spring AOP proxies it, so a
 * bad declaration fails its creation all the same.
 *
 * @author prometheus-web authors
 */
public final class AnnotationMetrics implements SmartInitializingSingleton {

	private final CustomMetricCatalog catalog;

	private final DefaultLabels defaultLabels;

	private final ListableBeanFactory beanFactory;

	private final ParameterNameDiscoverer parameterNames = new DefaultParameterNameDiscoverer();

	private final Map<MethodClassKey, MethodMetrics> methods = new ConcurrentHashMap<>();

	/**
	 * The metrics of each method for the class it was last called on: a look-up without a
	 * key object, for the usual method called on one class.
	 */
	private final Map<Method, MethodMetrics> lastByMethod = new ConcurrentHashMap<>();

	/**
	 * Creates the metrics of annotated methods.
	 * @param catalog the catalogue to create metrics in
	 * @param defaultLabels the default labels to add to every metric
	 * @param beanFactory the bean factory whose beans to read at startup
	 */
	public AnnotationMetrics(CustomMetricCatalog catalog, DefaultLabels defaultLabels,
			ListableBeanFactory beanFactory) {
		this.catalog = catalog;
		this.defaultLabels = defaultLabels;
		this.beanFactory = beanFactory;
	}

	DefaultLabels defaultLabels() {
		return this.defaultLabels;
	}

	@Override
	public void afterSingletonsInstantiated() {
		for (String name : this.beanFactory.getBeanDefinitionNames()) {
			Class<?> type = typeOf(name);
			if (type == null) {
				continue;
			}
			Class<?> userClass = ClassUtils.getUserClass(type);
			if (!AnnotationUtils.isCandidateClass(userClass, AnnotationReader.METRIC_ANNOTATIONS)) {
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
	 * The class of a bean, when it is known without creating anything. When it is not,
	 * the bean's annotations are checked as Spring AOP proxies it.
	 */
	private Class<?> typeOf(String beanName) {
		try {
			return this.beanFactory.getType(beanName, false);
		}
		catch (BeansException ex) {
			return null;
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

	/**
	 * The metrics of a method, bound on first use.
	 * @param method the method
	 * @param targetClass the class of the object it is called on
	 * @return the metrics, empty if it declares none
	 * @throws IllegalArgumentException if a declaration is invalid
	 * @throws IllegalStateException if a declaration disagrees with another of the same
	 * name
	 */
	MethodMetrics forMethod(Method method, Class<?> targetClass) {
		MethodMetrics last = this.lastByMethod.get(method);
		if (last != null && last.targetClass() == targetClass) {
			return last;
		}
		MethodClassKey key = new MethodClassKey(method, targetClass);
		MethodMetrics metrics = this.methods.get(key);
		if (metrics == null) {
			MethodMetrics created = bind(method, targetClass);
			MethodMetrics raced = this.methods.putIfAbsent(key, created);
			metrics = (raced != null) ? raced : created;
		}
		this.lastByMethod.put(method, metrics);
		return metrics;
	}

	private MethodMetrics bind(Method method, Class<?> targetClass) {
		List<MetricDeclaration> declarations = AnnotationReader.read(method, targetClass);
		if (declarations.isEmpty()) {
			return MethodMetrics.none(method, targetClass);
		}
		List<MetricBinding> gauges = new ArrayList<>();
		List<MetricBinding> recorded = new ArrayList<>();
		for (MetricDeclaration declaration : declarations) {
			MetricBinding binding = this.catalog.bind(declaration, this.defaultLabels);
			((declaration.type() == CustomMetricType.GAUGE) ? gauges : recorded).add(binding);
		}
		Method specific = AopUtils.getMostSpecificMethod(method, targetClass);
		return MethodMetrics.of(method, targetClass, specific, gauges, recorded,
				this.parameterNames.getParameterNames(specific));
	}

	/**
	 * Records the annotation metrics of the handler method of a completed request, with
	 * the request's default label values and its final response.
	 * @param request the completed request, with its
	 * {@link CompletedRequest#handlerCall()}
	 */
	public void recordHandlerCall(CompletedRequest request) {
		HandlerMethodCall call = request.handlerCall();
		MethodMetrics metrics = forMethod(call.method(), call.targetClass());
		LabelContext context = metrics.readsContext() ? LabelContext.ofCall(request.request(), request.response(),
				request.handler(), call.result(), call.exception(), metrics.parameterNames(), call.arguments()) : null;
		metrics.record(context, request.defaultLabelValues(), call.durationNanos());
	}

}
