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

import io.github.prometheusweb.metrics.JvmMetricsRegistration;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The JVM and process metrics, unless Micrometer already serves its own.
 *
 * @author prometheus-web authors
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(JvmMetrics.class)
@ConditionalOnBooleanProperty(name = "prometheus.web.jvm-metrics", matchIfMissing = true)
@ConditionalOnMissingBean(type = "io.micrometer.prometheusmetrics.PrometheusMeterRegistry")
class JvmMetricsConfiguration {

	@Bean
	@ConditionalOnMissingBean
	JvmMetricsRegistration prometheusWebJvmMetrics(PrometheusRegistry registry) {
		return JvmMetricsRegistration.register(registry);
	}

}
