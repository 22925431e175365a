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

import io.github.prometheusweb.grouping.GroupByStrategy;
import io.github.prometheusweb.labels.CardinalityLimits;
import io.github.prometheusweb.labels.DefaultLabels;
import io.github.prometheusweb.metrics.DefaultRequestMetrics;
import io.github.prometheusweb.metrics.ExporterInfo;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The default request metrics and the exporter info, unless
 * {@code prometheus.web.export-defaults=false}.
 *
 * @author prometheus-web authors
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "prometheus.web.export-defaults", matchIfMissing = true)
class DefaultMetricsConfiguration {

	@Bean
	@ConditionalOnMissingBean
	DefaultRequestMetrics prometheusWebDefaultRequestMetrics(PrometheusWebProperties properties,
			GroupByStrategy groupBy, DefaultLabels defaultLabels, CardinalityLimits cardinalityLimits,
			PrometheusRegistry registry) {
		return new DefaultRequestMetrics(PrometheusWebSettings.defaultMetrics(properties, groupBy), defaultLabels,
				cardinalityLimits, registry);
	}

	@Bean
	@ConditionalOnMissingBean
	ExporterInfo prometheusWebExporterInfo(PrometheusWebProperties properties, PrometheusRegistry registry) {
		return new ExporterInfo(PrometheusWebSettings.namePrefix(properties), registry);
	}

}
