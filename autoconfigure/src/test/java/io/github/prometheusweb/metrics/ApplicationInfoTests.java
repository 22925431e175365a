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
package io.github.prometheusweb.metrics;

import java.util.Properties;

import io.github.prometheusweb.testapp.MockApp;
import io.github.prometheusweb.testapp.Scrape;
import org.junit.jupiter.api.Test;

import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application info metric: the Flask exporter's test_info.
 */
class ApplicationInfoTests {

	@Test
	void infoHasTheConfiguredLabelsAndNoDefaultLabels() {
		try (MockApp app = MockApp.start("prometheus.web.info.labels.x=1", "prometheus.web.info.labels.y=2",
				"prometheus.web.default-labels.app_name=Test-App")) {
			app.scrape().assertValue("app_info{x=\"1\",y=\"2\"}").isEqualTo("1");
		}
	}

	@Test
	void versionAndNameComeFromBuildInfoUnlessConfigured() {
		try (MockApp app = MockApp.start(new Class<?>[] { Build.class }, "prometheus.web.info.name=shop_info",
				"prometheus.web.info.labels.version=2.0-configured")) {
			app.scrape().assertValue("shop_info{name=\"shop\",version=\"2.0-configured\"}").isEqualTo("1");
		}
	}

	@Test
	void noLabelsAndNoBuildInfoMeansNoInfoMetric() {
		try (MockApp app = MockApp.start()) {
			Scrape scrape = app.scrape();
			assertThat(scrape.samples("app_info")).isEmpty();
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class Build {

		@Bean
		BuildProperties buildProperties() {
			Properties properties = new Properties();
			properties.setProperty("name", "shop");
			properties.setProperty("version", "1.2.3");
			return new BuildProperties(properties);
		}

	}

}
