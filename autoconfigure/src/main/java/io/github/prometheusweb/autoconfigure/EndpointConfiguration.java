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

import io.github.prometheusweb.endpoint.PrometheusScrapeController;
import io.github.prometheusweb.endpoint.ScrapeAuthentication;
import io.github.prometheusweb.endpoint.ScrapeGuard;
import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.exporter.common.PrometheusScrapeHandler;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What answers scrapes: client_java's scrape handler, the guard that checks credentials
 * and queries first ({@code prometheus.web.endpoint.basic-auth.*}), and the metrics
 * endpoint of the application, unless {@code prometheus.web.endpoint.enabled=false}. The
 * separate metrics server uses the same handler and guard.
 *
 * @author prometheus-web authors
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(PrometheusScrapeHandler.class)
class EndpointConfiguration {

	@Bean
	@ConditionalOnMissingBean
	PrometheusScrapeHandler prometheusWebScrapeHandler(PrometheusRegistry registry) {
		return new PrometheusScrapeHandler(PrometheusProperties.get(), registry);
	}

	@Bean
	@ConditionalOnMissingBean
	ScrapeGuard prometheusWebScrapeGuard(PrometheusWebProperties properties) {
		ScrapeAuthentication authentication = PrometheusWebSettings.scrapeAuthentication(properties);
		return new ScrapeGuard(authentication);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(name = "prometheus.web.endpoint.enabled", matchIfMissing = true)
	PrometheusScrapeController prometheusWebScrapeController(PrometheusScrapeHandler scrapeHandler, ScrapeGuard guard) {
		return new PrometheusScrapeController(scrapeHandler, guard);
	}

}
