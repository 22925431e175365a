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

package io.github.prometheusweb.compat;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.github.prometheusweb.autoconfigure.PrometheusWebAutoConfiguration;
import io.prometheus.metrics.core.metrics.Counter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link ClientVersionCheck}.
 *
 * @author prometheus-web authors
 */
class ClientVersionCheckTests {

	@Test
	void oneVersionIsNoProblem() {
		Map<String, Set<String>> versions = new LinkedHashMap<>();
		versions.put("prometheus-metrics-core", Set.of("1.7.0"));
		versions.put("prometheus-metrics-model", Set.of("1.7.0"));
		versions.put("prometheus-metrics-config", Set.of("1.7.0"));
		assertThat(ClientVersionCheck.problem(versions)).isNull();
	}

	@Test
	void mixedVersionsAreNamedWithTheFix() {
		Map<String, Set<String>> versions = new LinkedHashMap<>();
		versions.put("prometheus-metrics-core", Set.of("1.10.0"));
		versions.put("prometheus-metrics-model", Set.of("1.7.0"));
		versions.put("prometheus-metrics-config", Set.of("1.7.0"));
		assertThat(ClientVersionCheck.problem(versions)).isEqualTo(
				"prometheus-web found mixed Prometheus client_java versions on the classpath (prometheus-metrics-core "
						+ "1.10.0, prometheus-metrics-model 1.7.0, prometheus-metrics-config 1.7.0); every "
						+ "io.prometheus:prometheus-metrics-* artifact must have the same version. Spring Boot manages "
						+ "the client_java version, so align it in the build: with Maven, set the property "
						+ "<prometheus-client.version>1.10.0</prometheus-client.version> (when the parent is "
						+ "spring-boot-starter-parent) or import io.prometheus:prometheus-metrics-bom:1.10.0 (type pom, "
						+ "scope import) in <dependencyManagement> ahead of Spring Boot's BOM; with Gradle, set "
						+ "ext['prometheus-client.version'] = '1.10.0'.");
	}

	@Test
	void newestVersionComparesNumerically() {
		assertThat(ClientVersionCheck.compare("1.10.0", "1.9.0")).isPositive();
		assertThat(ClientVersionCheck.compare("1.3.10", "1.3.9")).isPositive();
		assertThat(ClientVersionCheck.compare("1.4.3", "1.4.3")).isZero();
		assertThat(ClientVersionCheck.compare("1.3.10", "1.4.3")).isNegative();
	}

	@Test
	void testClasspathHasOneVersionOfEveryArtifact() {
		Map<String, Set<String>> versions = ClientVersionCheck.versions(getClass().getClassLoader());
		assertThat(versions).containsOnlyKeys(ClientVersionCheck.ARTIFACTS);
		assertThat(versions.values().stream().flatMap(Set::stream).distinct()).hasSize(1);
		assertThat(ClientVersionCheck.problem(versions)).isNull();
	}

	@Test
	void secondJarOfAnotherVersionIsFound(@TempDir Path dir) throws IOException {
		try (URLClassLoader classLoader = withModel(dir, "0.9.9")) {
			Set<String> model = ClientVersionCheck.versions(classLoader).get("prometheus-metrics-model");
			assertThat(model).hasSize(2).contains("0.9.9");
		}
	}

	@Test
	void startupFailsOnMixedVersions(@TempDir Path dir) throws IOException {
		try (URLClassLoader classLoader = withModel(dir, "0.9.9")) {
			new WebApplicationContextRunner().withClassLoader(classLoader)
				.withConfiguration(AutoConfigurations.of(PrometheusWebAutoConfiguration.class))
				.run((context) -> {
					assertThat(context).hasFailed();
					assertThat(context.getStartupFailure()).isInstanceOf(IllegalStateException.class)
						.hasMessageContaining("prometheus-metrics-model 0.9.9 and " + coreVersion())
						.hasMessageContaining(
								"<prometheus-client.version>" + coreVersion() + "</prometheus-client.version>");
				});
		}
	}

	@Test
	void checkThrowsOnMixedVersions(@TempDir Path dir) throws IOException {
		try (URLClassLoader classLoader = withModel(dir, "0.9.9")) {
			assertThatIllegalStateException().isThrownBy(() -> ClientVersionCheck.check(classLoader))
				.withMessageStartingWith("prometheus-web found mixed Prometheus client_java versions");
		}
	}

	private static String coreVersion() {
		return ClientVersionCheck.versions(Counter.class.getClassLoader())
			.get("prometheus-metrics-core")
			.iterator()
			.next();
	}

	/**
	 * A class loader that sees the test classpath plus a second prometheus-metrics-model
	 * pom.properties of another version.
	 */
	private URLClassLoader withModel(Path dir, String version) throws IOException {
		Path properties = dir.resolve("META-INF/maven/io.prometheus/prometheus-metrics-model/pom.properties");
		Files.createDirectories(properties.getParent());
		Files.writeString(properties, "artifactId=prometheus-metrics-model\nversion=" + version + "\n");
		return new URLClassLoader(new URL[] { dir.toUri().toURL() }, getClass().getClassLoader());
	}

}
