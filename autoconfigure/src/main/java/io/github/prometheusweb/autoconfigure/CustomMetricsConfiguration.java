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
package io.github.prometheusweb.autoconfigure;

import io.github.prometheusweb.custom.AnnotatedMethodMetrics;
import io.github.prometheusweb.custom.ApplicationInfo;
import io.github.prometheusweb.custom.CustomMetrics;
import io.github.prometheusweb.custom.CustomMetricsAdvisor;
import io.github.prometheusweb.custom.CustomMetricsInterceptor;
import io.github.prometheusweb.custom.UserDefaultMetrics;
import io.github.prometheusweb.labels.DefaultLabels;
import io.github.prometheusweb.labels.RequestLabelContributor;
import io.github.prometheusweb.metrics.CardinalityLimits;
import io.github.prometheusweb.metrics.ExemplarSupport;
import io.github.prometheusweb.servlet.ExcludedPaths;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.util.function.SingletonSupplier;

/**
 * Custom metrics: the annotations (through a Spring AOP advisor that Spring Boot's
 * auto-proxy creator applies), the user-defined default metrics, the default labels and
 * the application info metric.
 *
 * @author prometheus-web authors
 */
@Configuration(proxyBeanMethods = false)
class CustomMetricsConfiguration {

	@Bean
	@ConditionalOnMissingBean
	DefaultLabels prometheusWebDefaultLabels(PrometheusWebProperties properties,
			ObjectProvider<RequestLabelContributor> contributors, CardinalityLimits cardinalityLimits) {
		return DefaultLabels.of(properties.getDefaultLabels(), contributors.orderedStream().toList())
			.limitedBy(cardinalityLimits);
	}

	@Bean
	@ConditionalOnMissingBean
	CustomMetrics customMetrics(PrometheusWebProperties properties, PrometheusRegistry registry,
			CardinalityLimits cardinalityLimits) {
		return new CustomMetrics(registry, cardinalityLimits, ExemplarSupport.isEnabled(properties));
	}

	@Bean
	@ConditionalOnMissingBean
	AnnotatedMethodMetrics annotatedMethodMetrics(PrometheusWebProperties properties, CustomMetrics customMetrics,
			DefaultLabels defaultLabels, ListableBeanFactory beanFactory) {
		ExcludedPaths excluded = properties.isExcludeUserDefaults() ? new ExcludedPaths(properties.getExcludedPaths())
				: null;
		return new AnnotatedMethodMetrics(customMetrics, defaultLabels, properties.getBuckets(), excluded, beanFactory);
	}

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	@ConditionalOnMissingBean
	static CustomMetricsAdvisor customMetricsAdvisor(ObjectProvider<AnnotatedMethodMetrics> annotatedMethodMetrics) {
		return new CustomMetricsAdvisor(
				new CustomMetricsInterceptor(SingletonSupplier.of(annotatedMethodMetrics::getObject)));
	}

	@Bean
	@ConditionalOnMissingBean
	UserDefaultMetrics userDefaultMetrics(PrometheusWebProperties properties, CustomMetrics customMetrics,
			DefaultLabels defaultLabels) {
		return new UserDefaultMetrics(properties.getMetrics(), customMetrics, defaultLabels, properties.getBuckets(),
				!properties.isExcludeUserDefaults());
	}

	@Bean
	@ConditionalOnMissingBean
	ApplicationInfo applicationInfo(PrometheusWebProperties properties, ObjectProvider<BuildProperties> build,
			PrometheusRegistry registry) {
		return new ApplicationInfo(properties.getInfo().getName(), properties.getInfo().getLabels(),
				build.getIfAvailable(), registry);
	}

}
