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
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The properties table of {@code docs/configuration.md} against the configuration
 * metadata the build generates: the same property names, and the same defaults where the
 * metadata has one, so the documentation cannot drift from the code.
 * <p>
 * A row of the table names one property, relative to {@code prometheus.web.}, in
 * backticks in its first cell; {@code .<name>} after a map property stands for its keys
 * and {@code []} after a list property for its entries. Its second cell is the default:
 * the metadata's default in backticks (a list as its values separated by {@code ", "}),
 * or {@code none} or {@code unset} when the metadata has none.
 */
class DocumentedPropertiesTests {

	private static final Path CONFIGURATION_DOC = Path.of("..", "docs", "configuration.md");

	private static final Path README = Path.of("..", "README.md");

	private static final String METADATA = "META-INF/spring-configuration-metadata.json";

	private static final String PREFIX = "prometheus.web.";

	private static final String TABLE_HEADER = "| property | default | meaning |";

	private static final Pattern PROPERTY_CELL = Pattern.compile("`([a-z0-9.-]+)(\\.<name>|\\[\\])?`");

	private static final Set<String> NO_DEFAULT = Set.of("none", "unset");

	@Test
	void theDocumentedPropertiesAreTheMetadataProperties() throws IOException {
		Set<String> documented = documentedDefaults().keySet();
		Set<String> metadata = metadataDefaults().keySet();
		assertThat(documented)
			.as("properties in %s%nmissing from the table: %s%nin the table, not in the metadata: %s",
					CONFIGURATION_DOC, difference(metadata, documented), difference(documented, metadata))
			.containsExactlyElementsOf(metadata);
	}

	@Test
	void theDocumentedDefaultsAreTheMetadataDefaults() throws IOException {
		Map<String, String> metadata = metadataDefaults();
		List<String> wrong = new ArrayList<>();
		documentedDefaults().forEach((name, cell) -> wrongDefault(name, cell, metadata).ifPresent(wrong::add));
		assertThat(wrong).as("defaults in %s", CONFIGURATION_DOC).isEmpty();
	}

	@Test
	void theReadmesMostUsedPropertiesAreMetadataPropertiesWithTheirDefaults() throws IOException {
		Map<String, String> metadata = metadataDefaults();
		List<String> wrong = new ArrayList<>();
		for (Row row : rows(README)) {
			assertThat(row.properties()).as("a property in the first cell of the row %s", row.line()).isNotEmpty();
			for (String name : row.properties()) {
				if (!metadata.containsKey(name)) {
					wrong.add(name + ": not a property of the metadata");
				}
				else {
					wrongDefault(name, row.defaultCell(), metadata).ifPresent(wrong::add);
				}
			}
		}
		assertThat(wrong).as("the properties table of %s", README).isEmpty();
	}

	/**
	 * What is wrong with a documented default, if anything.
	 */
	private static Optional<String> wrongDefault(String name, String cell, Map<String, String> metadata) {
		if (!metadata.containsKey(name)) {
			return Optional.empty();
		}
		String value = metadata.get(name);
		boolean matches = (value != null) ? ("`" + value + "`").equals(cell) : NO_DEFAULT.contains(cell);
		return matches ? Optional.empty() : Optional.of(name + ": documented " + cell + ", metadata "
				+ ((value != null) ? "`" + value + "`" : "no default (document none or unset)"));
	}

	/**
	 * The property names of the table, with {@code prometheus.web.}, and their default
	 * cells.
	 */
	private static Map<String, String> documentedDefaults() throws IOException {
		Map<String, String> defaults = new TreeMap<>();
		for (Row row : rows(CONFIGURATION_DOC)) {
			assertThat(row.properties()).as("one property in the first cell of the row %s", row.line()).hasSize(1);
			String previous = defaults.put(row.properties().get(0), row.defaultCell());
			assertThat(previous).as("a second row for %s", row.properties().get(0)).isNull();
		}
		return defaults;
	}

	/**
	 * The rows of the properties table of a document: the properties of the first cell,
	 * with {@code prometheus.web.}, and the default cell.
	 */
	private static List<Row> rows(Path document) throws IOException {
		List<String> lines = Files.readAllLines(document);
		int header = lines.indexOf(TABLE_HEADER);
		assertThat(header).as("the table '%s' in %s", TABLE_HEADER, document).isNotNegative();
		List<Row> rows = new ArrayList<>();
		for (String line : lines.subList(header + 2, lines.size())) {
			if (!line.startsWith("|")) {
				break;
			}
			String[] cells = line.split("\\s*\\|\\s*");
			List<String> properties = new ArrayList<>();
			for (String property : cells[1].split(",\\s*")) {
				Matcher matcher = PROPERTY_CELL.matcher(property);
				assertThat(matcher.matches()).as("properties in the first cell of the row %s", line).isTrue();
				properties.add(PREFIX + matcher.group(1));
			}
			rows.add(new Row(properties, cells[2], line));
		}
		return rows;
	}

	/**
	 * The properties of {@code prometheus.web} in the configuration metadata on the
	 * classpath, and their defaults rendered as the table shows them ({@code null} when
	 * there is none).
	 */
	private static Map<String, String> metadataDefaults() throws IOException {
		Map<String, String> defaults = new TreeMap<>();
		for (URL url : Collections.list(DocumentedPropertiesTests.class.getClassLoader().getResources(METADATA))) {
			List<Map<String, Object>> properties;
			try (InputStream in = url.openStream()) {
				properties = JsonPath.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), "$.properties[*]");
			}
			for (Map<String, Object> property : properties) {
				String name = (String) property.get("name");
				if (name.startsWith(PREFIX)) {
					defaults.put(name, render(property.get("defaultValue")));
				}
			}
		}
		assertThat(defaults).as("prometheus.web properties in %s on the classpath", METADATA).isNotEmpty();
		return defaults;
	}

	private static String render(Object value) {
		if (value instanceof List<?> list) {
			return list.stream().map(String::valueOf).collect(Collectors.joining(", "));
		}
		return (value != null) ? String.valueOf(value) : null;
	}

	private static Set<String> difference(Set<String> left, Set<String> right) {
		Set<String> difference = new TreeSet<>(left);
		difference.removeAll(right);
		return difference;
	}

	private record Row(List<String> properties, String defaultCell, String line) {

	}

}
