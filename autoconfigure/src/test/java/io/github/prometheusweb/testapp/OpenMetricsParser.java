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
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Parses a scrape with the strict OpenMetrics parser of the Prometheus Python client
 * (Debian package {@code python3-prometheus-client}, run by the system's
 * {@code /usr/bin/python3}). Skipped when it is not installed, unless
 * {@code OPENMETRICS_PARSER_REQUIRED=true} (as in CI), where its absence fails the test.
 */
public final class OpenMetricsParser {

	private static final Path PYTHON = Path.of("/usr/bin/python3");

	private static final String PARSE = String.join("\n", "import sys",
			"from prometheus_client.openmetrics.parser import text_string_to_metric_families",
			"for family in text_string_to_metric_families(sys.stdin.read()):", "    pass");

	private OpenMetricsParser() {
	}

	/**
	 * Asserts that the parser reads a scrape without an error.
	 * @param scrape the scrape, in the OpenMetrics text format
	 */
	public static void assertAccepts(String scrape) {
		boolean required = Boolean.parseBoolean(System.getenv("OPENMETRICS_PARSER_REQUIRED"));
		boolean installed = Files.isExecutable(PYTHON) && run("import prometheus_client", "").exitCode() == 0;
		assertThat(installed || !required)
			.as("python3-prometheus-client for /usr/bin/python3 (OPENMETRICS_PARSER_REQUIRED=true)")
			.isTrue();
		assumeTrue(installed, "python3-prometheus-client is not installed");
		Result result = run(PARSE, scrape);
		assertThat(result.exitCode()).as("the OpenMetrics parser's output:%n%s%nfor:%n%s", result.output(), scrape)
			.isZero();
	}

	private static Result run(String script, String input) {
		try {
			Process python = new ProcessBuilder(PYTHON.toString(), "-c", script).redirectErrorStream(true).start();
			try (OutputStream in = python.getOutputStream()) {
				in.write(input.getBytes(StandardCharsets.UTF_8));
			}
			String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(python.waitFor(30, TimeUnit.SECONDS)).isTrue();
			return new Result(python.exitValue(), output);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private record Result(int exitCode, String output) {

	}

}
