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
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks that the Prometheus client_java artifacts on the classpath have one version.
 * Spring Boot manages client_java itself, so an application on
 * {@code spring-boot-starter-parent} that asks for another version of one artifact gets a
 * mix (for example core 1.10.0 with model 1.7.0), which fails at first use with a
 * {@link NoSuchMethodError} or a misleading naming error. The versions come from the
 * {@code pom.properties} that every client_java jar carries, so no client_java class is
 * loaded to find them.
 *
 * @author prometheus-web authors
 */
public final class ClientVersionCheck {

	/**
	 * The artifacts whose versions must agree.
	 */
	public static final List<String> ARTIFACTS = List.of("prometheus-metrics-core", "prometheus-metrics-model",
			"prometheus-metrics-config", "prometheus-metrics-exposition-textformats",
			"prometheus-metrics-exposition-formats", "prometheus-metrics-exporter-common");

	private ClientVersionCheck() {
	}

	/**
	 * Fails if the client_java artifacts visible to a class loader differ in version.
	 * @param classLoader the class loader of the application
	 * @throws IllegalStateException naming the versions found and how to align them
	 */
	public static void check(ClassLoader classLoader) {
		String problem = problem(versions(classLoader));
		if (problem != null) {
			throw new IllegalStateException(problem);
		}
	}

	/**
	 * The versions of the client_java artifacts visible to a class loader.
	 * @param classLoader the class loader
	 * @return artifact id to the versions found (more than one if several jars of one
	 * artifact are present); artifacts without a {@code pom.properties} are left out
	 */
	public static Map<String, Set<String>> versions(ClassLoader classLoader) {
		Map<String, Set<String>> versions = new LinkedHashMap<>();
		for (String artifact : ARTIFACTS) {
			Set<String> found = new TreeSet<>();
			try {
				Enumeration<URL> resources = classLoader
					.getResources("META-INF/maven/io.prometheus/" + artifact + "/pom.properties");
				while (resources.hasMoreElements()) {
					String version = version(resources.nextElement());
					if (version != null) {
						found.add(version);
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			if (!found.isEmpty()) {
				versions.put(artifact, found);
			}
		}
		return versions;
	}

	private static String version(URL resource) throws IOException {
		try (InputStream in = resource.openStream()) {
			Properties properties = new Properties();
			properties.load(in);
			String version = properties.getProperty("version");
			return (version != null) ? version.trim() : null;
		}
	}

	/**
	 * Describes a mix of client_java versions.
	 * @param versions artifact id to the versions found
	 * @return a message naming the versions and the fix, or {@code null} if all agree
	 */
	public static String problem(Map<String, Set<String>> versions) {
		Set<String> distinct = new TreeSet<>(ClientVersionCheck::compare);
		versions.values().forEach(distinct::addAll);
		if (distinct.size() <= 1) {
			return null;
		}
		StringBuilder found = new StringBuilder();
		versions.forEach((artifact, artifactVersions) -> found.append((found.length() > 0) ? ", " : "")
			.append(artifact)
			.append(' ')
			.append(String.join(" and ", artifactVersions)));
		String newest = ((TreeSet<String>) distinct).last();
		return "prometheus-web found mixed Prometheus client_java versions on the classpath (" + found
				+ "); every io.prometheus:prometheus-metrics-* artifact must have the same version. "
				+ "Spring Boot manages the client_java version, so align it in the build: with Maven, set the "
				+ "property <prometheus-client.version>" + newest + "</prometheus-client.version> (when the "
				+ "parent is spring-boot-starter-parent) or import io.prometheus:prometheus-metrics-bom:" + newest
				+ " (type pom, scope import) in <dependencyManagement> ahead of Spring Boot's BOM; with Gradle, set "
				+ "ext['prometheus-client.version'] = '" + newest + "'.";
	}

	/**
	 * Compares versions such as {@code 1.10.0} and {@code 1.7.0} numerically, part by
	 * part.
	 */
	static int compare(String left, String right) {
		String[] leftParts = left.split("[.-]");
		String[] rightParts = right.split("[.-]");
		for (int i = 0; i < Math.max(leftParts.length, rightParts.length); i++) {
			String l = (i < leftParts.length) ? leftParts[i] : "0";
			String r = (i < rightParts.length) ? rightParts[i] : "0";
			int result = (isNumber(l) && isNumber(r)) ? Long.compare(Long.parseLong(l), Long.parseLong(r))
					: l.compareTo(r);
			if (result != 0) {
				return result;
			}
		}
		return 0;
	}

	private static boolean isNumber(String part) {
		return !part.isEmpty() && part.length() < 18 && part.chars().allMatch(Character::isDigit);
	}

}
