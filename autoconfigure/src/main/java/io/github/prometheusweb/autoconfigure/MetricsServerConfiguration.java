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

import io.github.prometheusweb.endpoint.ScrapeGuard;
import io.github.prometheusweb.server.MetricsServer;
import io.prometheus.metrics.exporter.common.PrometheusScrapeHandler;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The separate metrics server, when {@code prometheus.web.server.port} is set. It serves
 * the metrics even when the endpoint of the application is off.
 *
 * @author prometheus-web authors
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "io.prometheus.metrics.exporter.common.PrometheusScrapeHandler")
@ConditionalOnProperty(name = "prometheus.web.server.port")
class MetricsServerConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MetricsServer prometheusWebMetricsServer(PrometheusWebProperties properties, PrometheusScrapeHandler scrapeHandler,
			ScrapeGuard guard) {
		PrometheusWebProperties.Server server = properties.getServer();
		if (server.getPort() == null) {
			throw new IllegalArgumentException(
					"prometheus.web.server.port '' must be a TCP port between 0 and 65535 (0 for any free port)");
		}
		return new MetricsServer(server.getAddress(), server.getPort(), properties.getEndpoint().getPath(),
				scrapeHandler, guard);
	}

}
