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
package io.github.prometheusweb.testapp;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs {@code promtool check metrics} (Debian package {@code prometheus}) on a scrape.
 * Skipped when promtool is not installed, unless {@code PROMTOOL_REQUIRED=true} (as in
 * CI), where its absence fails the test.
 */
public final class Promtool {

	private static final Pattern OTHER_FAMILY_LINT = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]* [a-z].*");

	private Promtool() {
	}

	/**
	 * Asserts that promtool finds no problem in a scrape.
	 * @param scrape the scrape, in the Prometheus text format
	 */
	public static void assertAccepts(String scrape) {
		assertAccepts(scrape, null);
	}

	/**
	 * Asserts that the scrape parses and that promtool's lint finds no problem in the
	 * families of prometheus-web; lint of other libraries' families is ignored.
	 * @param scrape the scrape, in the Prometheus text format
	 * @param ownFamilyPrefix the name prefix of prometheus-web's families, e.g.
	 * {@code spring_}
	 */
	public static void assertAcceptsOwnFamilies(String scrape, String ownFamilyPrefix) {
		assertAccepts(scrape, ownFamilyPrefix);
	}

	private static void assertAccepts(String scrape, String ownFamilyPrefix) {
		boolean required = Boolean.parseBoolean(System.getenv("PROMTOOL_REQUIRED"));
		boolean installed = Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":"))
			.anyMatch((dir) -> Files.isExecutable(Path.of(dir, "promtool")));
		assertThat(installed || !required).as("promtool on the PATH (PROMTOOL_REQUIRED=true)").isTrue();
		assumeTrue(installed, "promtool is not installed");
		try {
			Process promtool = new ProcessBuilder("promtool", "check", "metrics").redirectErrorStream(true).start();
			try (OutputStream in = promtool.getOutputStream()) {
				in.write(scrape.getBytes(StandardCharsets.UTF_8));
			}
			String output = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(promtool.waitFor(30, TimeUnit.SECONDS)).isTrue();
			List<String> problems = output.lines()
				.filter((line) -> ownFamilyPrefix == null || line.startsWith(ownFamilyPrefix)
						|| !OTHER_FAMILY_LINT.matcher(line).matches())
				.toList();
			assertThat(problems).as("promtool check metrics output:%n%s", output).isEmpty();
			if (ownFamilyPrefix == null) {
				assertThat(promtool.exitValue()).isZero();
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
