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

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict check of an OpenMetrics 1.0 text exposition, after the ABNF and the rules of
 * the OpenMetrics specification: the exposition ends with {@code # EOF}, has no blank
 * line, writes each family once, its {@code TYPE}, {@code HELP} and {@code UNIT} before
 * its samples, gives each sample a name the family's type allows, well-formed labels with
 * escaped values, numbers and exemplars where allowed, no series twice, and a
 * {@code le="+Inf"} bucket for each histogram. Only legacy (unquoted) names are accepted,
 * as every Prometheus 2 reads them. promtool reads only the Prometheus text format.
 */
public final class OpenMetricsCheck {

	private static final String NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";

	private static final String LABELS = "\\{(?:[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\\\n]|\\\\[\\\\\"n])*\""
			+ "(?:,[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\\\n]|\\\\[\\\\\"n])*\")*)?\\}";

	private static final String NUMBER = "(?:[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?|[+-]?Inf|NaN)";

	private static final Pattern DESCRIPTOR = Pattern.compile("# (TYPE|HELP|UNIT) (" + NAME + ")(?: (.*))?");

	private static final Pattern SAMPLE = Pattern.compile("(" + NAME + ")(" + LABELS + ")? (" + NUMBER + ")(?: ("
			+ NUMBER + "))?(?: # (" + LABELS + ") (" + NUMBER + ")(?: (" + NUMBER + "))?)?");

	private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

	private static final Pattern HELP = Pattern.compile("(?:[^\\\\\\n]|\\\\[\\\\\"n])*");

	private static final Set<String> TYPES = Set.of("counter", "gauge", "histogram", "gaugehistogram", "stateset",
			"info", "summary", "unknown");

	private static final Map<String, List<String>> SUFFIXES = Map.of("counter", List.of("_total", "_created"), "gauge",
			List.of(""), "histogram", List.of("_bucket", "_count", "_sum", "_created"), "gaugehistogram",
			List.of("_bucket", "_gcount", "_gsum"), "stateset", List.of(""), "info", List.of("_info"), "summary",
			List.of("", "_count", "_sum", "_created"), "unknown", List.of(""));

	private final List<String> problems = new ArrayList<>();

	private final Set<String> familiesSeen = new HashSet<>();

	private final Set<String> series = new HashSet<>();

	private final Map<String, Boolean> infBuckets = new HashMap<>();

	private String family;

	private String type;

	private boolean familyHasSamples;

	private OpenMetricsCheck() {
	}

	/**
	 * Checks an exposition.
	 * @param exposition the response body
	 * @return the problems found, each with its line; empty if none
	 */
	public static List<String> problems(String exposition) {
		OpenMetricsCheck check = new OpenMetricsCheck();
		check.check(exposition);
		return check.problems;
	}

	private void check(String exposition) {
		if (!exposition.endsWith("# EOF\n") && !exposition.endsWith("# EOF")) {
			this.problems.add("does not end with # EOF");
		}
		String[] lines = exposition.split("\n", -1);
		int last = exposition.endsWith("\n") ? lines.length - 2 : lines.length - 1;
		for (int i = 0; i <= last; i++) {
			String line = lines[i];
			if (i == last) {
				if (!line.equals("# EOF")) {
					this.problems.add("last line is not # EOF: " + line);
				}
				break;
			}
			if (line.isEmpty()) {
				this.problems.add("blank line " + (i + 1));
			}
			else if (line.startsWith("#")) {
				descriptor(line);
			}
			else {
				sample(line);
			}
		}
		endFamily();
	}

	private void descriptor(String line) {
		Matcher matcher = DESCRIPTOR.matcher(line);
		if (!matcher.matches()) {
			this.problems.add("not a descriptor: " + line);
			return;
		}
		String name = matcher.group(2);
		String value = (matcher.group(3) != null) ? matcher.group(3) : "";
		if (!name.equals(this.family)) {
			endFamily();
			if (!this.familiesSeen.add(name)) {
				this.problems.add("family written twice: " + line);
			}
			this.family = name;
			this.type = "unknown";
			this.familyHasSamples = false;
		}
		else if (this.familyHasSamples) {
			this.problems.add("descriptor after the family's samples: " + line);
		}
		switch (matcher.group(1)) {
			case "TYPE" -> {
				if (!TYPES.contains(value)) {
					this.problems.add("unknown type: " + line);
				}
				this.type = value;
				if (value.equals("counter") && name.endsWith("_total")) {
					this.problems.add("counter family named with _total: " + line);
				}
			}
			case "UNIT" -> {
				if (!value.isEmpty() && !name.endsWith("_" + value)) {
					this.problems.add("family name does not end with its unit: " + line);
				}
			}
			default -> {
				if (!HELP.matcher(value).matches()) {
					this.problems.add("badly escaped help: " + line);
				}
			}
		}
	}

	private void sample(String line) {
		Matcher matcher = SAMPLE.matcher(line);
		if (!matcher.matches()) {
			this.problems.add("not a sample: " + line);
			return;
		}
		String name = matcher.group(1);
		String suffix = (this.family != null && name.startsWith(this.family)) ? name.substring(this.family.length())
				: null;
		if (suffix == null || !SUFFIXES.getOrDefault(this.type, List.of()).contains(suffix)) {
			this.problems
				.add("sample name not allowed in family " + this.family + " of type " + this.type + ": " + line);
			return;
		}
		this.familyHasSamples = true;
		Map<String, String> labels = new HashMap<>();
		if (matcher.group(2) != null) {
			Matcher label = LABEL.matcher(matcher.group(2));
			while (label.find()) {
				if (labels.put(label.group(1), label.group(2)) != null) {
					this.problems.add("label twice: " + line);
				}
			}
		}
		if (!this.series.add(name + labels)) {
			this.problems.add("series twice: " + line);
		}
		boolean exemplarAllowed = suffix.equals("_total") || suffix.equals("_bucket");
		if (matcher.group(5) != null && !exemplarAllowed) {
			this.problems.add("exemplar not allowed: " + line);
		}
		if (suffix.equals("_bucket")) {
			String le = labels.remove("le");
			if (le == null) {
				this.problems.add("bucket without le: " + line);
			}
			this.infBuckets.merge(labels.toString(), "+Inf".equals(le), Boolean::logicalOr);
		}
		if (this.type.equals("summary") && suffix.isEmpty() && !labels.containsKey("quantile")) {
			this.problems.add("summary sample without quantile: " + line);
		}
	}

	private void endFamily() {
		this.infBuckets.forEach((labels, inf) -> {
			if (!inf) {
				this.problems.add("no le=\"+Inf\" bucket in " + this.family + labels);
			}
		});
		this.infBuckets.clear();
	}

}
