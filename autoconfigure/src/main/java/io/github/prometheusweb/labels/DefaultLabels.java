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
package io.github.prometheusweb.labels;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.prometheusweb.metrics.CardinalityLimit;
import io.github.prometheusweb.metrics.CardinalityLimits;
import io.github.prometheusweb.metrics.PrometheusNames;
import io.github.prometheusweb.servlet.RateLimitedLog;

/**
 * The default labels ({@code prometheus.web.default-labels} and the
 * {@link RequestLabelContributor} beans), added to every metric except info metrics.
 * Literal values cost nothing per observation.
 *
 * @author prometheus-web authors
 */
public final class DefaultLabels {

	/**
	 * No default labels.
	 */
	public static final DefaultLabels NONE = new DefaultLabels(new LabelTemplate[0], List.of());

	private final LabelTemplate[] templates;

	private final RequestLabelContributor[] contributors;

	private final String[] names;

	private final String[] literalValues;

	private final CardinalityLimit[] limits;

	private final RateLimitedLog failures = new RateLimitedLog(DefaultLabels.class);

	private DefaultLabels(LabelTemplate[] templates, List<RequestLabelContributor> contributors) {
		this(templates, contributors, null);
	}

	private DefaultLabels(LabelTemplate[] templates, List<RequestLabelContributor> contributors,
			CardinalityLimit[] limits) {
		this.templates = templates;
		this.contributors = contributors.toArray(RequestLabelContributor[]::new);
		List<String> allNames = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (LabelTemplate template : templates) {
			allNames.add(template.name());
			seen.add(template.name());
		}
		for (RequestLabelContributor contributor : contributors) {
			String name = contributor.labelName();
			if (!PrometheusNames.isValidLabelName(name)) {
				throw new IllegalStateException("The label name '" + name + "' of " + contributor.getClass().getName()
						+ " is not a valid label name: use letters, digits and '_', not starting with a digit or '__'");
			}
			if (!seen.add(name)) {
				throw new IllegalStateException("The default label '" + name + "' of "
						+ contributor.getClass().getName()
						+ " is already defined by prometheus.web.default-labels or another RequestLabelContributor");
			}
			allNames.add(name);
		}
		this.names = allNames.toArray(String[]::new);
		boolean literal = this.contributors.length == 0 && Arrays.stream(templates).allMatch(LabelTemplate::isLiteral);
		this.literalValues = literal
				? Arrays.stream(templates).map((template) -> template.value(null)).toArray(String[]::new) : null;
		this.limits = limits;
	}

	/**
	 * The same labels, with the number of distinct values of each computed label bounded.
	 * Every metric carries the default labels, so each label has one limit, reported as
	 * metric {@code *}.
	 * @param cardinalityLimits the limits
	 * @return the bounded default labels
	 */
	public DefaultLabels limitedBy(CardinalityLimits cardinalityLimits) {
		CardinalityLimit[] bounded = new CardinalityLimit[this.names.length];
		for (int i = 0; i < bounded.length; i++) {
			boolean computed = i >= this.templates.length || !this.templates[i].isLiteral();
			bounded[i] = computed ? cardinalityLimits.forLabel("*", this.names[i]) : null;
		}
		return new DefaultLabels(this.templates, Arrays.asList(this.contributors), bounded);
	}

	/**
	 * Parses the configured default labels.
	 * @param labels name to literal value or SpEL template
	 * @param contributors the label contributors
	 * @return the default labels
	 * @throws IllegalArgumentException if a name is invalid or a template does not parse
	 */
	public static DefaultLabels of(Map<String, String> labels, List<RequestLabelContributor> contributors) {
		LabelTemplate[] templates = labels.entrySet()
			.stream()
			.map((label) -> LabelTemplate.parse(label.getKey(), label.getValue(),
					"prometheus.web.default-labels." + label.getKey()))
			.toArray(LabelTemplate[]::new);
		return new DefaultLabels(templates, contributors);
	}

	/**
	 * The label names, in order.
	 * @return the names; do not modify
	 */
	public String[] names() {
		return this.names;
	}

	/**
	 * Whether there are no default labels.
	 * @return {@code true} if there are none
	 */
	public boolean isEmpty() {
		return this.names.length == 0;
	}

	/**
	 * Whether every value is a literal, the same for every observation.
	 * @return {@code true} if all are literal
	 */
	public boolean isLiteral() {
		return this.literalValues != null;
	}

	/**
	 * The values when all are literal.
	 * @return the values in the order of {@link #names()}, or {@code null} if some are
	 * computed per observation
	 */
	public String[] literalValues() {
		return this.literalValues;
	}

	/**
	 * Appends the default label values of one observation after other values.
	 * @param values the values to put first
	 * @param context the observation, built on demand
	 * @return the values followed by the default label values
	 */
	public String[] appendTo(String[] values, java.util.function.Supplier<LabelContext> context) {
		if (this.names.length == 0) {
			return values;
		}
		String[] all = Arrays.copyOf(values, values.length + this.names.length);
		if (this.literalValues != null) {
			System.arraycopy(this.literalValues, 0, all, values.length, this.literalValues.length);
			return all;
		}
		LabelContext labelContext = context.get();
		int i = values.length;
		for (LabelTemplate template : this.templates) {
			all[i++] = template.value(labelContext);
		}
		for (RequestLabelContributor contributor : this.contributors) {
			all[i++] = contributed(contributor, labelContext);
		}
		if (this.limits != null) {
			for (int label = 0; label < this.limits.length; label++) {
				if (this.limits[label] != null) {
					all[values.length + label] = this.limits[label].apply(all[values.length + label]);
				}
			}
		}
		return all;
	}

	private String contributed(RequestLabelContributor contributor, LabelContext context) {
		try {
			String value = contributor.labelValue(context);
			return (value != null) ? value : "";
		}
		catch (RuntimeException ex) {
			this.failures
				.warn("Label contributor " + contributor.getClass().getName() + " failed; its label is 'error'", ex);
			return LabelTemplate.ERROR;
		}
	}

}
