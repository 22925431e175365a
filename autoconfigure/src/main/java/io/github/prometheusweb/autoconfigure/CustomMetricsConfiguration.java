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

import io.github.prometheusweb.custom.AnnotationMetrics;
import io.github.prometheusweb.custom.CustomMetricCatalog;
import io.github.prometheusweb.custom.CustomMetricsAdvisor;
import io.github.prometheusweb.custom.UserDefaultMetrics;
import io.github.prometheusweb.labels.CardinalityLimits;
import io.github.prometheusweb.labels.DefaultLabels;
import io.github.prometheusweb.metrics.ApplicationInfo;
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
 * Custom metrics: the metric annotations (through a Spring AOP advisor that Spring Boot's
 * auto-proxy creator applies), the user-defined default metrics of
 * {@code prometheus.web.metrics}, and the application info metric.
 *
 * @author prometheus-web authors
 */
@Configuration(proxyBeanMethods = false)
class CustomMetricsConfiguration {

	@Bean
	@ConditionalOnMissingBean
	CustomMetricCatalog prometheusWebCustomMetricCatalog(PrometheusWebProperties properties,
			PrometheusRegistry registry, CardinalityLimits cardinalityLimits) {
		return new CustomMetricCatalog(registry, cardinalityLimits, PrometheusWebSettings.exemplars(properties),
				properties.getBuckets());
	}

	@Bean
	@ConditionalOnMissingBean
	AnnotationMetrics prometheusWebAnnotationMetrics(CustomMetricCatalog catalog, DefaultLabels defaultLabels,
			ListableBeanFactory beanFactory) {
		return new AnnotationMetrics(catalog, defaultLabels, beanFactory);
	}

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	@ConditionalOnMissingBean
	static CustomMetricsAdvisor prometheusWebCustomMetricsAdvisor(ObjectProvider<AnnotationMetrics> annotationMetrics) {
		return new CustomMetricsAdvisor(SingletonSupplier.of(annotationMetrics::getObject));
	}

	@Bean
	@ConditionalOnMissingBean
	UserDefaultMetrics prometheusWebUserDefaultMetrics(PrometheusWebProperties properties, CustomMetricCatalog catalog,
			DefaultLabels defaultLabels) {
		return new UserDefaultMetrics(PrometheusWebSettings.userDefaultMetrics(properties), catalog, defaultLabels);
	}

	@Bean
	@ConditionalOnMissingBean
	ApplicationInfo prometheusWebApplicationInfo(PrometheusWebProperties properties,
			ObjectProvider<BuildProperties> build, PrometheusRegistry registry) {
		return new ApplicationInfo(properties.getInfo().getName(), properties.getInfo().getLabels(),
				build.getIfAvailable(), registry);
	}

}
