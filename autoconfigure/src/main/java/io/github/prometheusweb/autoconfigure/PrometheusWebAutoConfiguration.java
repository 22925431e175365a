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

import io.github.prometheusweb.grouping.GroupByStrategy;
import io.github.prometheusweb.labels.CardinalityLimits;
import io.github.prometheusweb.labels.DefaultLabels;
import io.github.prometheusweb.labels.RequestLabelContributor;
import io.github.prometheusweb.metrics.DefaultMetricsSettings;
import io.github.prometheusweb.metrics.JvmMetricsRegistration;
import io.github.prometheusweb.metrics.RegistryBridge;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Auto-configuration of prometheus-web: records the HTTP request metrics of a Spring MVC
 * application and serves them, with the JVM metrics, on the metrics endpoint. Backs off
 * outside servlet web applications and when {@code prometheus.web.enabled=false}; every
 * bean backs off when the application declares one of the same type, and every bean name
 * starts with {@code prometheusWeb}.
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
@Import({ ClientVersionCheckConfiguration.class, RequestObservationConfiguration.class,
		DefaultMetricsConfiguration.class, CustomMetricsConfiguration.class, JvmMetricsConfiguration.class,
		EndpointConfiguration.class, MetricsServerConfiguration.class, ActuatorSanitizingConfiguration.class })
public final class PrometheusWebAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	PrometheusRegistry prometheusWebRegistry() {
		return new PrometheusRegistry();
	}

	@Bean
	@ConditionalOnMissingBean
	GroupByStrategy prometheusWebGroupByStrategy(PrometheusWebProperties properties) {
		return properties.getGroupBy().strategy();
	}

	@Bean
	@ConditionalOnMissingBean
	CardinalityLimits prometheusWebCardinalityLimits(PrometheusWebProperties properties, PrometheusRegistry registry) {
		return new CardinalityLimits(PrometheusWebSettings.namePrefix(properties), properties.getCardinalityLimit(),
				registry);
	}

	@Bean
	@ConditionalOnMissingBean
	DefaultLabels prometheusWebDefaultLabels(PrometheusWebProperties properties,
			ObjectProvider<RequestLabelContributor> contributors, GroupByStrategy groupBy,
			CardinalityLimits cardinalityLimits) {
		PrometheusWebSettings.checkDefaultLabelNames(properties);
		return DefaultLabels.of(properties.getDefaultLabels(), contributors.orderedStream().toList(),
				DefaultMetricsSettings.builtInLabelNames(properties.getConvention(), groupBy.labelName()),
				cardinalityLimits);
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
	RegistryBridge prometheusWebDefaultRegistryBridge(PrometheusRegistry registry,
			ObjectProvider<JvmMetricsRegistration> jvmMetrics) {
		JvmMetricsRegistration jvm = jvmMetrics.getIfAvailable();
		return RegistryBridge.serve(PrometheusRegistry.defaultRegistry, registry,
				(jvm != null) ? jvm.names() : Set.of());
	}

}
