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

package io.github.prometheusweb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Configuration;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The layering of the code, as rules that fail the build: configuration flows one way,
 * packages never depend on each other in a circle, and the public types are the ones
 * decided here, the extension points among them documented in
 * {@code docs/custom-metrics.md}.
 */
class ArchitectureTests {

	private static final String AUTOCONFIGURE = "io.github.prometheusweb.autoconfigure";

	/**
	 * The types applications use: the extension points of the documentation.
	 */
	private static final Set<String> EXTENSION_POINTS = Set.of("annotation.DoNotTrack", "annotation.ExcludeAllMetrics",
			"annotation.Label", "annotation.PrometheusCounter", "annotation.PrometheusCounters",
			"annotation.PrometheusGauge", "annotation.PrometheusGauges", "annotation.PrometheusHistogram",
			"annotation.PrometheusHistograms", "annotation.PrometheusSummary", "annotation.PrometheusSummaries",
			"grouping.GroupByStrategy", "grouping.HandlerDetails", "labels.RequestLabelContributor",
			"labels.LabelContext", "metrics.RequestRecorder", "metrics.CompletedRequest", "metrics.HandlerMethodCall");

	/**
	 * The types Spring Boot needs public: the auto-configuration, the properties and the
	 * types of their values.
	 */
	private static final Set<String> CONFIGURATION = Set.of("autoconfigure.PrometheusWebAutoConfiguration",
			"autoconfigure.PrometheusWebProperties", "autoconfigure.UserMetricProperties", "grouping.GroupBy",
			"metrics.Convention", "custom.CustomMetricType");

	/**
	 * The types public only because the auto-configuration, in a package of its own,
	 * creates them or hands them to each other, or because several packages share them.
	 * They are not extension points and may change in any release.
	 */
	private static final Set<String> INTERNAL = Set.of("compat.ClientVersionCheck", "custom.AnnotationMetrics",
			"custom.CustomMetricCatalog", "custom.CustomMetricsAdvisor", "custom.MetricDeclaration",
			"custom.UserDefaultMetrics", "endpoint.PrometheusScrapeController", "endpoint.ScrapeAuthentication",
			"endpoint.ScrapeGuard", "grouping.PathGrouping", "labels.CardinalityLimit", "labels.CardinalityLimits",
			"labels.DefaultLabels", "labels.LabelTemplate", "metrics.ApplicationInfo", "metrics.DefaultMetricsSettings",
			"metrics.DefaultRequestMetrics", "metrics.ExporterInfo", "metrics.JvmMetricsRegistration",
			"metrics.RegistryBridge", "server.MetricsServer", "servlet.HandlerObservationInterceptor",
			"servlet.ObservationSettings", "servlet.RequestMetricsFilter", "servlet.RequestObservation",
			"support.MetricRules", "support.RateLimitedLog");

	private static final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.github.prometheusweb");

	@Test
	void runtimeClassesNeverSeeTheConfiguration() {
		noClasses().that()
			.resideOutsideOfPackage(AUTOCONFIGURE)
			.should()
			.dependOnClassesThat()
			.resideInAPackage(AUTOCONFIGURE)
			.check(classes);
	}

	@Test
	void everyConfigurationClassAndThePropertiesLiveInTheAutoConfigurationPackage() {
		classes().that()
			.areAnnotatedWith(Configuration.class)
			.or()
			.areAnnotatedWith(AutoConfiguration.class)
			.or()
			.areAnnotatedWith(ConfigurationProperties.class)
			.should()
			.resideInAPackage(AUTOCONFIGURE)
			.check(classes);
	}

	@Test
	void packagesNeverDependOnEachOtherInACircle() {
		slices().matching("io.github.prometheusweb.(*)..").should().beFreeOfCycles().check(classes);
	}

	@Test
	void thePublicTypesAreTheDecidedOnes() {
		Set<String> expected = new TreeSet<>(EXTENSION_POINTS);
		expected.addAll(CONFIGURATION);
		expected.addAll(INTERNAL);
		assertThat(publicTopLevelTypes()).containsExactlyElementsOf(expected);
	}

	@Test
	void theDocumentationListsEveryExtensionPoint() throws IOException {
		String doc = Files.readString(Path.of("..", "docs", "custom-metrics.md"));
		int start = doc.indexOf("## Extension points");
		assertThat(start).as("the section 'Extension points' of docs/custom-metrics.md").isNotNegative();
		int end = doc.indexOf("\n## ", start + 1);
		String section = doc.substring(start, (end > 0) ? end : doc.length());
		for (String type : EXTENSION_POINTS) {
			assertThat(section).as("the extension points of docs/custom-metrics.md")
				.contains(type.substring(type.indexOf('.') + 1));
		}
	}

	private static Set<String> publicTopLevelTypes() {
		Set<String> types = new TreeSet<>();
		for (JavaClass type : classes) {
			if (type.getModifiers().contains(JavaModifier.PUBLIC) && type.isTopLevelClass()
					&& !type.getSimpleName().equals("package-info")) {
				types.add(type.getName().substring("io.github.prometheusweb.".length()));
			}
		}
		return types;
	}

}
