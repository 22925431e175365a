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

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.prometheusweb.custom.AnnotationMetrics;
import io.github.prometheusweb.custom.CustomMetricCatalog;
import io.github.prometheusweb.custom.CustomMetricType;
import io.github.prometheusweb.custom.CustomMetricsAdvisor;
import io.github.prometheusweb.custom.UserDefaultMetrics;
import io.github.prometheusweb.endpoint.PrometheusScrapeController;
import io.github.prometheusweb.endpoint.ScrapeAuthentication;
import io.github.prometheusweb.endpoint.ScrapeGuard;
import io.github.prometheusweb.grouping.GroupBy;
import io.github.prometheusweb.grouping.GroupByStrategy;
import io.github.prometheusweb.grouping.HandlerDetails;
import io.github.prometheusweb.labels.CardinalityLimits;
import io.github.prometheusweb.labels.DefaultLabels;
import io.github.prometheusweb.metrics.ApplicationInfo;
import io.github.prometheusweb.metrics.DefaultRequestMetrics;
import io.github.prometheusweb.metrics.ExporterInfo;
import io.github.prometheusweb.metrics.JvmMetricsRegistration;
import io.github.prometheusweb.metrics.RegistryBridge;
import io.github.prometheusweb.servlet.HandlerObservationInterceptor;
import io.github.prometheusweb.servlet.RequestMetricsFilter;
import io.prometheus.metrics.exporter.common.PrometheusScrapeHandler;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.DispatcherServlet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PrometheusWebAutoConfiguration}.
 */
class PrometheusWebAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(PrometheusWebAutoConfiguration.class));

	@Test
	void createsEveryBeanInAServletWebApplication() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(PrometheusWebProperties.class)
			.hasSingleBean(PrometheusRegistry.class)
			.hasSingleBean(GroupByStrategy.class)
			.hasSingleBean(CardinalityLimits.class)
			.hasSingleBean(DefaultLabels.class)
			.hasSingleBean(RegistryBridge.class)
			.hasSingleBean(HandlerObservationInterceptor.class)
			.hasSingleBean(PrometheusWebMvcConfigurer.class)
			.hasSingleBean(RequestMetricsFilter.class)
			.hasSingleBean(DefaultRequestMetrics.class)
			.hasSingleBean(ExporterInfo.class)
			.hasSingleBean(CustomMetricCatalog.class)
			.hasSingleBean(AnnotationMetrics.class)
			.hasSingleBean(CustomMetricsAdvisor.class)
			.hasSingleBean(UserDefaultMetrics.class)
			.hasSingleBean(ApplicationInfo.class)
			.hasSingleBean(JvmMetricsRegistration.class)
			.hasSingleBean(PrometheusScrapeHandler.class)
			.hasSingleBean(ScrapeGuard.class)
			.hasSingleBean(PrometheusScrapeController.class));
	}

	@Test
	void everyBeanNameStartsWithPrometheusWeb() {
		this.contextRunner.run((context) -> assertThat(starterBeanNames(context)).hasSizeGreaterThan(15)
			.allMatch((name) -> name.startsWith("prometheusWeb"), "starts with prometheusWeb"));
	}

	@Test
	void beansOfTheApplicationWithTheOldGenericNamesDoNotClash() {
		this.contextRunner.withBean("applicationInfo", String.class, () -> "the application's own")
			.withBean("customMetrics", String.class, () -> "the application's own")
			.withBean("groupByStrategy", String.class, () -> "the application's own")
			.withBean("cardinalityLimits", String.class, () -> "the application's own")
			.withBean("requestMetricsFilter", String.class, () -> "the application's own")
			.withBean("exporterInfo", String.class, () -> "the application's own")
			.withBean("prometheusRegistry", String.class, () -> "the application's own")
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(RequestMetricsFilter.class);
				assertThat(context.getBean("applicationInfo")).isEqualTo("the application's own");
			});
	}

	@Test
	void registersTheFilterFirstForRequestAndAsyncDispatches() {
		this.contextRunner.run((context) -> {
			FilterRegistrationBean<?> registration = context.getBean("prometheusWebRequestMetricsFilterRegistration",
					FilterRegistrationBean.class);
			assertThat(registration.getFilter()).isSameAs(context.getBean(RequestMetricsFilter.class));
			assertThat(registration.getOrder()).isEqualTo(Ordered.HIGHEST_PRECEDENCE + 1);
			assertThat(registration).extracting("dispatcherTypes")
				.isEqualTo(EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC));
		});
	}

	@Test
	void backsOffOutsideWebApplications() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(PrometheusWebAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(PrometheusWebProperties.class)
				.doesNotHaveBean(RequestMetricsFilter.class));
	}

	@Test
	void backsOffInReactiveWebApplications() {
		new ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(PrometheusWebAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(PrometheusWebProperties.class)
				.doesNotHaveBean(RequestMetricsFilter.class));
	}

	@Test
	void backsOffWithoutSpringMvc() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(DispatcherServlet.class))
			.run((context) -> assertThat(context).doesNotHaveBean(RequestMetricsFilter.class));
	}

	@Test
	void backsOffWithoutThePrometheusClient() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(PrometheusRegistry.class))
			.run((context) -> assertThat(context).doesNotHaveBean(RequestMetricsFilter.class));
	}

	@Test
	void backsOffWhenDisabled() {
		this.contextRunner.withPropertyValues("prometheus.web.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(PrometheusWebProperties.class)
				.doesNotHaveBean(PrometheusRegistry.class)
				.doesNotHaveBean(RequestMetricsFilter.class)
				.doesNotHaveBean(PrometheusScrapeController.class));
	}

	@Test
	void exportDefaultsFalseLeavesOutTheDefaultMetricsButKeepsTheEndpoint() {
		this.contextRunner.withPropertyValues("prometheus.web.export-defaults=false")
			.run((context) -> assertThat(context).doesNotHaveBean(DefaultRequestMetrics.class)
				.doesNotHaveBean(ExporterInfo.class)
				.hasSingleBean(RequestMetricsFilter.class)
				.hasSingleBean(PrometheusScrapeController.class));
	}

	@Test
	void endpointCanBeTurnedOffLeavingTheScrapeHandlerToTheSeparatePort() {
		this.contextRunner.withPropertyValues("prometheus.web.endpoint.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(PrometheusScrapeController.class)
				.hasSingleBean(PrometheusScrapeHandler.class)
				.hasSingleBean(DefaultRequestMetrics.class));
	}

	@Test
	void jvmMetricsCanBeTurnedOff() {
		this.contextRunner.withPropertyValues("prometheus.web.jvm-metrics=false")
			.run((context) -> assertThat(context).doesNotHaveBean(JvmMetricsRegistration.class));
	}

	@Test
	void inProgressGaugeIsOptIn() {
		this.contextRunner
			.run((context) -> assertThat(familyNames(context)).doesNotContain("spring_http_requests_in_progress"));
		this.contextRunner.withPropertyValues("prometheus.web.in-progress.enabled=true")
			.run((context) -> assertThat(familyNames(context)).contains("spring_http_requests_in_progress"));
	}

	@Test
	void groupByChoosesTheStrategy() {
		Map<String, String> labels = Map.of("url-rule", "url_rule", "path", "path", "full-path", "full_path",
				"endpoint", "endpoint");
		labels.forEach((value, label) -> this.contextRunner.withPropertyValues("prometheus.web.group-by=" + value)
			.run((context) -> assertThat(context.getBean(GroupByStrategy.class).labelName()).isEqualTo(label)));
	}

	@Test
	void userRegistryIsUsedAsIs() {
		PrometheusRegistry registry = new PrometheusRegistry();
		this.contextRunner.withBean(PrometheusRegistry.class, () -> registry).run((context) -> {
			assertThat(context.getBean(PrometheusRegistry.class)).isSameAs(registry);
			assertThat(scrape(context)).contains("spring_exporter_info{version=\"" + ExporterInfo.version() + "\"} 1");
		});
	}

	@Test
	void userGroupByStrategyWins() {
		GroupByStrategy tenant = new GroupByStrategy() {

			@Override
			public String labelName() {
				return "tenant";
			}

			@Override
			public String labelValue(HttpServletRequest request, HandlerDetails handler) {
				return "acme";
			}

		};
		this.contextRunner.withBean(GroupByStrategy.class, () -> tenant)
			.run((context) -> assertThat(context.getBean(GroupByStrategy.class)).isSameAs(tenant));
	}

	@Test
	void userScrapeHandlerAndEndpointWin() {
		PrometheusScrapeHandler handler = new PrometheusScrapeHandler();
		PrometheusScrapeController endpoint = new PrometheusScrapeController(handler,
				new ScrapeGuard(ScrapeAuthentication.of(null, null)));
		this.contextRunner.withBean(PrometheusScrapeHandler.class, () -> handler)
			.withBean(PrometheusScrapeController.class, () -> endpoint)
			.run((context) -> {
				assertThat(context.getBean(PrometheusScrapeHandler.class)).isSameAs(handler);
				assertThat(context.getBean(PrometheusScrapeController.class)).isSameAs(endpoint);
			});
	}

	@Test
	void bindsEveryProperty() {
		this.contextRunner
			.withPropertyValues("prometheus.web.export-defaults=false", "prometheus.web.prefix=www",
					"prometheus.web.group-by=full-path", "prometheus.web.group-status-codes=true",
					"prometheus.web.buckets=0.2,2,4", "prometheus.web.latency-as-histogram=false",
					"prometheus.web.summary-quantiles=0.5,0.99", "prometheus.web.native-histograms=true",
					"prometheus.web.excluded-paths=/exc,/health.*", "prometheus.web.exclude-user-defaults=false",
					"prometheus.web.default-labels.app_name=Test-App", "prometheus.web.count-handled-exceptions=true",
					"prometheus.web.cardinality-limit=50", "prometheus.web.in-progress.enabled=true",
					"prometheus.web.sizes.enabled=true", "prometheus.web.endpoint.enabled=false",
					"prometheus.web.endpoint.path=/my-metrics", "prometheus.web.endpoint.basic-auth.username=scraper",
					"prometheus.web.endpoint.basic-auth.password=secret", "prometheus.web.server.address=127.0.0.1",
					"prometheus.web.jvm-metrics=false", "prometheus.web.exemplars.enabled=false",
					"prometheus.web.metrics[0].type=histogram", "prometheus.web.metrics[0].name=by_tenant",
					"prometheus.web.metrics[0].help=By tenant", "prometheus.web.metrics[0].labels.tenant=acme",
					"prometheus.web.metrics[0].buckets=0.1,1", "prometheus.web.metrics[1].type=summary",
					"prometheus.web.metrics[1].name=timed", "prometheus.web.metrics[1].help=Timed",
					"prometheus.web.metrics[1].quantiles=0.5", "prometheus.web.info.name=shop_info",
					"prometheus.web.info.labels.region=eu")
			.run((context) -> {
				PrometheusWebProperties properties = context.getBean(PrometheusWebProperties.class);
				assertThat(properties.isExportDefaults()).isFalse();
				assertThat(properties.getPrefix()).isEqualTo("www");
				assertThat(properties.getGroupBy()).isEqualTo(GroupBy.FULL_PATH);
				assertThat(properties.isGroupStatusCodes()).isTrue();
				assertThat(properties.getBuckets()).containsExactly(0.2, 2.0, 4.0);
				assertThat(properties.isLatencyAsHistogram()).isFalse();
				assertThat(properties.getSummaryQuantiles()).containsExactly(0.5, 0.99);
				assertThat(properties.isNativeHistograms()).isTrue();
				assertThat(properties.getExcludedPaths()).containsExactly("/exc", "/health.*");
				assertThat(properties.isExcludeUserDefaults()).isFalse();
				assertThat(properties.getDefaultLabels()).containsExactly(Map.entry("app_name", "Test-App"));
				assertThat(properties.isCountHandledExceptions()).isTrue();
				assertThat(properties.getCardinalityLimit()).isEqualTo(50);
				assertThat(properties.getInProgress().isEnabled()).isTrue();
				assertThat(properties.getSizes().isEnabled()).isTrue();
				assertThat(properties.getEndpoint().isEnabled()).isFalse();
				assertThat(properties.getEndpoint().getPath()).isEqualTo("/my-metrics");
				assertThat(properties.getEndpoint().getBasicAuth().getUsername()).isEqualTo("scraper");
				assertThat(properties.getEndpoint().getBasicAuth().getPassword()).isEqualTo("secret");
				assertThat(properties.getServer().getAddress()).isEqualTo("127.0.0.1");
				assertThat(properties.isJvmMetrics()).isFalse();
				assertThat(properties.getExemplars().isEnabled()).isFalse();
				assertThat(properties.getMetrics()).hasSize(2);
				UserMetricProperties histogram = properties.getMetrics().get(0);
				assertThat(histogram.getType()).isEqualTo(CustomMetricType.HISTOGRAM);
				assertThat(histogram.getName()).isEqualTo("by_tenant");
				assertThat(histogram.getHelp()).isEqualTo("By tenant");
				assertThat(histogram.getLabels()).containsExactly(Map.entry("tenant", "acme"));
				assertThat(histogram.getBuckets()).containsExactly(0.1, 1.0);
				assertThat(properties.getMetrics().get(1).getQuantiles()).containsExactly(0.5);
				assertThat(properties.getInfo().getName()).isEqualTo("shop_info");
				assertThat(properties.getInfo().getLabels()).containsExactly(Map.entry("region", "eu"));
			});
	}

	@Test
	void bindsTheSeparatePort() {
		this.contextRunner.withPropertyValues("prometheus.web.server.port=0", "prometheus.web.server.address=127.0.0.1")
			.run((context) -> assertThat(context.getBean(PrometheusWebProperties.class).getServer().getPort())
				.isZero());
	}

	@Test
	void defaultsMatchTheDocumentation() {
		this.contextRunner.run((context) -> {
			PrometheusWebProperties properties = context.getBean(PrometheusWebProperties.class);
			assertThat(properties.isEnabled()).isTrue();
			assertThat(properties.isExportDefaults()).isTrue();
			assertThat(properties.getPrefix()).isEqualTo("spring");
			assertThat(properties.getGroupBy()).isEqualTo(GroupBy.URL_RULE);
			assertThat(properties.isGroupStatusCodes()).isFalse();
			assertThat(properties.getBuckets()).containsExactly(0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75,
					1.0, 2.5, 5.0, 7.5, 10.0);
			assertThat(properties.isLatencyAsHistogram()).isTrue();
			assertThat(properties.getSummaryQuantiles()).isEmpty();
			assertThat(properties.isNativeHistograms()).isFalse();
			assertThat(properties.getExcludedPaths()).isEmpty();
			assertThat(properties.isExcludeUserDefaults()).isTrue();
			assertThat(properties.getDefaultLabels()).isEmpty();
			assertThat(properties.isCountHandledExceptions()).isFalse();
			assertThat(properties.getCardinalityLimit()).isEqualTo(1000);
			assertThat(properties.getInProgress().isEnabled()).isFalse();
			assertThat(properties.getSizes().isEnabled()).isFalse();
			assertThat(properties.getEndpoint().isEnabled()).isTrue();
			assertThat(properties.getEndpoint().getPath()).isEqualTo("/metrics");
			assertThat(properties.getEndpoint().getBasicAuth().getUsername()).isNull();
			assertThat(properties.getEndpoint().getBasicAuth().getPassword()).isNull();
			assertThat(properties.getServer().getPort()).isNull();
			assertThat(properties.getServer().getAddress()).isEqualTo("0.0.0.0");
			assertThat(properties.isJvmMetrics()).isTrue();
			assertThat(properties.getExemplars().isEnabled()).isTrue();
			assertThat(properties.getMetrics()).isEmpty();
			assertThat(properties.getInfo().getName()).isEqualTo("app_info");
			assertThat(properties.getInfo().getLabels()).isEmpty();
		});
	}

	private static List<String> familyNames(AssertableWebApplicationContext context) {
		return context.getBean(PrometheusRegistry.class)
			.scrape()
			.stream()
			.map((snapshot) -> snapshot.getMetadata().getPrometheusName())
			.toList();
	}

	private static String scrape(AssertableWebApplicationContext context) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			PrometheusTextFormatWriter.create().write(out, context.getBean(PrometheusRegistry.class).scrape());
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
		return out.toString(StandardCharsets.UTF_8);
	}

	/**
	 * The names of the beans that the configuration classes of the starter define.
	 */
	private static List<String> starterBeanNames(AssertableWebApplicationContext context) {
		Set<String> configurations = Set
			.of(context.getBeanNamesForAnnotation(org.springframework.context.annotation.Configuration.class));
		List<String> names = new ArrayList<>();
		for (String name : context.getBeanDefinitionNames()) {
			BeanDefinition definition = context.getBeanFactory().getBeanDefinition(name);
			String factory = definition.getFactoryBeanName();
			String factoryClass = (factory != null && configurations.contains(factory))
					? context.getBeanFactory().getBeanDefinition(factory).getBeanClassName() : null;
			boolean staticBeanMethod = definition.getFactoryMethodName() != null && factory == null
					&& definition.getBeanClassName() != null
					&& definition.getBeanClassName().startsWith("io.github.prometheusweb.autoconfigure.");
			if ((factoryClass != null && factoryClass.startsWith("io.github.prometheusweb.autoconfigure."))
					|| staticBeanMethod) {
				names.add(name);
			}
		}
		return names;
	}

}
