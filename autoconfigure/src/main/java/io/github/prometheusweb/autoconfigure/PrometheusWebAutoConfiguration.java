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

import java.util.Set;

import io.github.prometheusweb.auth.ScrapeAuthenticationConfiguration;
import io.github.prometheusweb.compat.ClientVersionCheckConfiguration;
import io.github.prometheusweb.endpoint.PrometheusScrapeController;
import io.github.prometheusweb.grouping.GroupByStrategy;
import io.github.prometheusweb.labels.DefaultLabels;
import io.github.prometheusweb.metrics.CardinalityLimits;
import io.github.prometheusweb.metrics.DefaultRequestMetrics;
import io.github.prometheusweb.metrics.ExporterInfo;
import io.github.prometheusweb.metrics.InProgressRequests;
import io.github.prometheusweb.metrics.JvmMetricsRegistration;
import io.github.prometheusweb.metrics.RegistryBridge;
import io.github.prometheusweb.metrics.RequestRecorder;
import io.github.prometheusweb.server.MetricsServerConfiguration;
import io.github.prometheusweb.servlet.ExcludedPaths;
import io.github.prometheusweb.servlet.HandledExceptionRecorder;
import io.github.prometheusweb.servlet.HandlerDetailsInterceptor;
import io.github.prometheusweb.servlet.RequestMetricsFilter;
import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.exporter.common.PrometheusScrapeHandler;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import jakarta.servlet.DispatcherType;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Auto-configuration of prometheus-web: records the default request metrics of a Spring
 * MVC application and serves them, with the JVM metrics, on the metrics endpoint. Backs
 * off outside servlet web applications and when {@code prometheus.web.enabled=false};
 * every bean can be replaced by declaring one of the same type.
 *
 * @author prometheus-web authors
 */
@AutoConfiguration(afterName = {
		"org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusMetricsExportAutoConfiguration",
		"org.springframework.boot.actuate.autoconfigure.metrics.export.prometheus.PrometheusMetricsExportAutoConfiguration" })
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass({ DispatcherServlet.class, PrometheusRegistry.class, Counter.class })
@ConditionalOnBooleanProperty(name = "prometheus.web.enabled", matchIfMissing = true)
@EnableConfigurationProperties(PrometheusWebProperties.class)
@Import({ CustomMetricsConfiguration.class, ClientVersionCheckConfiguration.class,
		ScrapeAuthenticationConfiguration.class, MetricsServerConfiguration.class })
public class PrometheusWebAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	PrometheusRegistry prometheusRegistry() {
		return new PrometheusRegistry();
	}

	@Bean
	@ConditionalOnMissingBean
	GroupByStrategy groupByStrategy(PrometheusWebProperties properties) {
		return properties.getGroupBy().strategy();
	}

	@Bean
	@ConditionalOnMissingBean
	CardinalityLimits cardinalityLimits(PrometheusWebProperties properties, PrometheusRegistry registry) {
		return new CardinalityLimits(properties.getPrefix(), properties.getCardinalityLimit(), registry);
	}

	/**
	 * Serves the metrics of client_java's default registry, leaving out the JVM metrics
	 * when an application registered them there too and they are served already.
	 * @param registry the registry of the metrics endpoint
	 * @param jvmMetrics the JVM metrics, if they are on
	 * @return the bridge
	 */
	@Bean
	@ConditionalOnMissingBean
	RegistryBridge defaultRegistryBridge(PrometheusRegistry registry,
			ObjectProvider<JvmMetricsRegistration> jvmMetrics) {
		JvmMetricsRegistration jvm = jvmMetrics.getIfAvailable();
		return RegistryBridge.serve(PrometheusRegistry.defaultRegistry, registry,
				(jvm != null) ? jvm.names() : Set.of());
	}

	@Bean
	@ConditionalOnMissingBean
	HandlerDetailsInterceptor handlerDetailsInterceptor() {
		return new HandlerDetailsInterceptor();
	}

	@Bean
	PrometheusWebMvcConfigurer prometheusWebMvcConfigurer(HandlerDetailsInterceptor handlerDetailsInterceptor) {
		return new PrometheusWebMvcConfigurer(handlerDetailsInterceptor);
	}

	@Bean
	@ConditionalOnMissingBean
	HandledExceptionRecorder handledExceptionRecorder() {
		return new HandledExceptionRecorder();
	}

	@Bean
	@ConditionalOnMissingBean
	RequestMetricsFilter requestMetricsFilter(PrometheusWebProperties properties,
			ObjectProvider<RequestRecorder> recorders, ObjectProvider<InProgressRequests> inProgress) {
		boolean measureSizes = properties.isExportDefaults() && properties.getSizes().isEnabled();
		return new RequestMetricsFilter(recorders.orderedStream().toList(),
				new ExcludedPaths(properties.getExcludedPaths()), inProgress.getIfAvailable(), measureSizes);
	}

	@Bean
	@ConditionalOnMissingBean(name = "requestMetricsFilterRegistration")
	FilterRegistrationBean<RequestMetricsFilter> requestMetricsFilterRegistration(RequestMetricsFilter filter) {
		FilterRegistrationBean<RequestMetricsFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		return registration;
	}

	/**
	 * The default request metrics and the exporter info.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = "prometheus.web.export-defaults", matchIfMissing = true)
	static class DefaultMetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		DefaultRequestMetrics defaultRequestMetrics(PrometheusWebProperties properties, GroupByStrategy groupBy,
				PrometheusRegistry registry, DefaultLabels defaultLabels, CardinalityLimits cardinalityLimits) {
			return new DefaultRequestMetrics(properties, groupBy, registry, defaultLabels, cardinalityLimits);
		}

		@Bean
		@ConditionalOnMissingBean
		ExporterInfo exporterInfo(PrometheusWebProperties properties, PrometheusRegistry registry) {
			return new ExporterInfo(properties.getPrefix(), registry);
		}

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnBooleanProperty("prometheus.web.in-progress.enabled")
		InProgressRequests inProgressRequests(PrometheusWebProperties properties, PrometheusRegistry registry,
				DefaultLabels defaultLabels) {
			return new InProgressRequests(properties.getPrefix(), defaultLabels, registry);
		}

	}

	/**
	 * The JVM and process metrics, unless Micrometer already serves its own.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(JvmMetrics.class)
	@ConditionalOnBooleanProperty(name = "prometheus.web.jvm-metrics", matchIfMissing = true)
	@ConditionalOnMissingBean(type = "io.micrometer.prometheusmetrics.PrometheusMeterRegistry")
	static class JvmMetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		JvmMetricsRegistration jvmMetricsRegistration(PrometheusRegistry registry) {
			return JvmMetricsRegistration.register(registry);
		}

	}

	/**
	 * The metrics endpoint.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(PrometheusScrapeHandler.class)
	@ConditionalOnBooleanProperty(name = "prometheus.web.endpoint.enabled", matchIfMissing = true)
	static class EndpointConfiguration {

		@Bean
		@ConditionalOnMissingBean
		PrometheusScrapeHandler prometheusScrapeHandler(PrometheusRegistry registry) {
			return new PrometheusScrapeHandler(PrometheusProperties.get(), registry);
		}

		@Bean
		@ConditionalOnMissingBean
		PrometheusScrapeController prometheusScrapeController(PrometheusScrapeHandler prometheusScrapeHandler) {
			return new PrometheusScrapeController(prometheusScrapeHandler);
		}

	}

}
