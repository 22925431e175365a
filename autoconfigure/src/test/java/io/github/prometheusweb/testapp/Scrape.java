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

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.assertj.core.api.AbstractStringAssert;
import org.assertj.core.api.Assertions;

/**
 * The text of one scrape, with look-ups by sample line. Labels of a sample are compared
 * as written by client_java: sorted by name, {@code le} and {@code quantile} last.
 */
public final class Scrape {

	private final String text;

	public Scrape(String text) {
		this.text = text;
	}

	public String text() {
		return this.text;
	}

	public List<String> lines() {
		return Arrays.asList(this.text.split("\n"));
	}

	/**
	 * The value of one sample, as written.
	 * @param series the series as written, name and labels, for example
	 * {@code spring_http_request_total{method="GET",status="200"}}
	 * @return the value, or {@code null} if the series is absent
	 */
	public String value(String series) {
		String start = series + " ";
		return lines().stream()
			.filter((line) -> line.startsWith(start))
			.map((line) -> line.substring(start.length()).split(" ")[0])
			.findFirst()
			.orElse(null);
	}

	/**
	 * Asserts on the value of one sample.
	 * @param series the series as written
	 * @return an assertion on its value
	 */
	public AbstractStringAssert<?> assertValue(String series) {
		return Assertions.assertThat(value(series)).as("value of %s in%n%s", series, relevant(series));
	}

	/**
	 * The sample lines of a metric family, in the order written.
	 * @param prefix the start of the lines, for example {@code spring_http_request_total}
	 * @return the lines that start with it
	 */
	public List<String> samples(String prefix) {
		return lines().stream().filter((line) -> line.startsWith(prefix)).toList();
	}

	private String relevant(String series) {
		int brace = series.indexOf('{');
		String name = (brace >= 0) ? series.substring(0, brace) : series;
		String family = name.replaceAll("_(bucket|count|sum|total|info)$", "");
		return lines().stream().filter((line) -> line.contains(family)).collect(Collectors.joining("\n"));
	}

	@Override
	public String toString() {
		return this.text;
	}

}
