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
import java.util.List;
import java.util.Map;

import io.github.prometheusweb.endpoint.PrometheusScrapeController;
import io.github.prometheusweb.grouping.EndpointGrouping;
import io.github.prometheusweb.grouping.FullPathGrouping;
import io.github.prometheusweb.grouping.GroupBy;
import io.github.prometheusweb.grouping.GroupByStrategy;
import io.github.prometheusweb.grouping.HandlerDetails;
import io.github.prometheusweb.grouping.PathGrouping;
import io.github.prometheusweb.grouping.RouteTemplateGrouping;
import io.github.prometheusweb.metrics.RegistryBridge;
import io.github.prometheusweb.metrics.DefaultRequestMetrics;
import io.github.prometheusweb.metrics.ExporterInfo;
import io.github.prometheusweb.metrics.InProgressRequests;
import io.github.prometheusweb.metrics.JvmMetricsRegistration;
import io.github.prometheusweb.servlet.ExcludedPaths;
import io.github.prometheusweb.servlet.HandledExceptionRecorder;
import io.github.prometheusweb.servlet.HandlerDetailsInterceptor;
import io.github.prometheusweb.servlet.RequestMetricsFilter;
import io.prometheus.metrics.exporter.common.PrometheusScrapeHandler;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
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
			.hasSingleBean(RouteTemplateGrouping.class)
			.hasSingleBean(RegistryBridge.class)
			.hasSingleBean(HandlerDetailsInterceptor.class)
			.hasSingleBean(PrometheusWebMvcConfigurer.class)
			.hasSingleBean(HandledExceptionRecorder.class)
			.hasSingleBean(RequestMetricsFilter.class)
			.hasSingleBean(DefaultRequestMetrics.class)
			.hasSingleBean(ExporterInfo.class)
			.hasSingleBean(JvmMetricsRegistration.class)
			.hasSingleBean(PrometheusScrapeHandler.class)
			.hasSingleBean(PrometheusScrapeController.class)
			.doesNotHaveBean(InProgressRequests.class));
	}

	@Test
	void registersTheFilterFirstForRequestDispatchesOnly() {
		this.contextRunner.run((context) -> {
			FilterRegistrationBean<?> registration = context.getBean("requestMetricsFilterRegistration",
					FilterRegistrationBean.class);
			assertThat(registration.getFilter()).isSameAs(context.getBean(RequestMetricsFilter.class));
			assertThat(registration.getOrder()).isEqualTo(Ordered.HIGHEST_PRECEDENCE + 1);
			assertThat(registration).extracting("dispatcherTypes")
				.isEqualTo(java.util.EnumSet.of(DispatcherType.REQUEST));
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
	void endpointCanBeTurnedOff() {
		this.contextRunner.withPropertyValues("prometheus.web.endpoint.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(PrometheusScrapeController.class)
				.doesNotHaveBean(PrometheusScrapeHandler.class)
				.hasSingleBean(DefaultRequestMetrics.class));
	}

	@Test
	void jvmMetricsCanBeTurnedOff() {
		this.contextRunner.withPropertyValues("prometheus.web.jvm-metrics=false")
			.run((context) -> assertThat(context).doesNotHaveBean(JvmMetricsRegistration.class));
	}

	@Test
	void inProgressGaugeIsOptIn() {
		this.contextRunner.withPropertyValues("prometheus.web.in-progress.enabled=true")
			.run((context) -> assertThat(context).hasSingleBean(InProgressRequests.class));
	}

	@Test
	void groupByChoosesTheStrategy() {
		Map<String, Class<?>> strategies = Map.of("url-rule", RouteTemplateGrouping.class, "path", PathGrouping.class,
				"full-path", FullPathGrouping.class, "endpoint", EndpointGrouping.class);
		strategies.forEach((value, type) -> this.contextRunner.withPropertyValues("prometheus.web.group-by=" + value)
			.run((context) -> assertThat(context.getBean(GroupByStrategy.class)).isInstanceOf(type)));
	}

	@Test
	void userRegistryIsUsedAsIs() {
		PrometheusRegistry registry = new PrometheusRegistry();
		this.contextRunner.withBean(PrometheusRegistry.class, () -> registry).run((context) -> {
			assertThat(context.getBean(PrometheusRegistry.class)).isSameAs(registry);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			PrometheusTextFormatWriter.create().write(out, registry.scrape());
			assertThat(out.toString(StandardCharsets.UTF_8))
				.contains("spring_exporter_info{version=\"" + ExporterInfo.version() + "\"} 1");
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
	void userFilterInterceptorAndEndpointWin() {
		RequestMetricsFilter filter = new RequestMetricsFilter(List.of(), new ExcludedPaths(List.of()), null, false);
		HandlerDetailsInterceptor interceptor = new HandlerDetailsInterceptor();
		PrometheusScrapeController endpoint = new PrometheusScrapeController(new PrometheusScrapeHandler());
		this.contextRunner.withBean(RequestMetricsFilter.class, () -> filter)
			.withBean(HandlerDetailsInterceptor.class, () -> interceptor)
			.withBean(PrometheusScrapeController.class, () -> endpoint)
			.run((context) -> {
				assertThat(context.getBean(RequestMetricsFilter.class)).isSameAs(filter);
				assertThat(context.getBean(HandlerDetailsInterceptor.class)).isSameAs(interceptor);
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
					"prometheus.web.in-progress.enabled=true", "prometheus.web.sizes.enabled=true",
					"prometheus.web.endpoint.enabled=false", "prometheus.web.endpoint.path=/my-metrics",
					"prometheus.web.jvm-metrics=false")
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
				assertThat(properties.getInProgress().isEnabled()).isTrue();
				assertThat(properties.getSizes().isEnabled()).isTrue();
				assertThat(properties.getEndpoint().isEnabled()).isFalse();
				assertThat(properties.getEndpoint().getPath()).isEqualTo("/my-metrics");
				assertThat(properties.isJvmMetrics()).isFalse();
			});
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
			assertThat(properties.getInProgress().isEnabled()).isFalse();
			assertThat(properties.getSizes().isEnabled()).isFalse();
			assertThat(properties.getEndpoint().isEnabled()).isTrue();
			assertThat(properties.getEndpoint().getPath()).isEqualTo("/metrics");
			assertThat(properties.isJvmMetrics()).isTrue();
		});
	}

}
