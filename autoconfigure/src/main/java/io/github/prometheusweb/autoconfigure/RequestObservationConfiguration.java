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
import io.github.prometheusweb.grouping.GroupByStrategy;
import io.github.prometheusweb.labels.DefaultLabels;
import io.github.prometheusweb.metrics.DefaultRequestMetrics;
import io.github.prometheusweb.metrics.RequestRecorder;
import io.github.prometheusweb.servlet.HandlerObservationInterceptor;
import io.github.prometheusweb.servlet.RequestMetricsFilter;
import jakarta.servlet.DispatcherType;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The observation of every request: the filter, first in the filter chain, and the
 * interceptor that tells it about the handler.
 *
 * @author prometheus-web authors
 */
@Configuration(proxyBeanMethods = false)
class RequestObservationConfiguration {

	@Bean
	@ConditionalOnMissingBean
	RequestMetricsFilter prometheusWebRequestMetricsFilter(PrometheusWebProperties properties, GroupByStrategy groupBy,
			DefaultLabels defaultLabels, ObjectProvider<DefaultRequestMetrics> defaultMetrics,
			ObjectProvider<RequestRecorder> requestRecorders, ObjectProvider<AnnotationMetrics> annotationMetrics) {
		AnnotationMetrics annotations = annotationMetrics.getIfAvailable();
		return new RequestMetricsFilter(PrometheusWebSettings.observation(properties, groupBy, defaultLabels),
				defaultMetrics.getIfAvailable(), requestRecorders.orderedStream().toList(),
				(annotations != null) ? annotations::recordHandlerCall : null);
	}

	@Bean
	@ConditionalOnMissingBean(name = "prometheusWebRequestMetricsFilterRegistration")
	FilterRegistrationBean<RequestMetricsFilter> prometheusWebRequestMetricsFilterRegistration(
			RequestMetricsFilter filter) {
		FilterRegistrationBean<RequestMetricsFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
		return registration;
	}

	@Bean
	@ConditionalOnMissingBean
	HandlerObservationInterceptor prometheusWebHandlerObservationInterceptor() {
		return new HandlerObservationInterceptor();
	}

	@Bean
	PrometheusWebMvcConfigurer prometheusWebMvcConfigurer(HandlerObservationInterceptor interceptor) {
		return new PrometheusWebMvcConfigurer(interceptor);
	}

}
