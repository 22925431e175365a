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
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import io.github.prometheusweb.support.MetricRules;
import io.github.prometheusweb.support.RateLimitedLog;

/**
 * The default labels ({@code prometheus.web.default-labels} and the
 * {@link RequestLabelContributor} beans), added to every metric except info metrics.
 * Their values are computed once per observation: once per request for every metric the
 * request records when it completes, once per call for the annotation metrics of other
 * methods. Literal values cost nothing per observation; each computed label has its own
 * cardinality limit, reported as metric {@code *}.
 *
 * @author prometheus-web authors
 */
public final class DefaultLabels {

	private final LabelTemplate[] templates;

	private final RequestLabelContributor[] contributors;

	private final String[] names;

	private final String[] literalValues;

	private final CardinalityLimit[] limits;

	private final RateLimitedLog failures = new RateLimitedLog(DefaultLabels.class);

	private DefaultLabels(List<LabelTemplate> templates, List<RequestLabelContributor> contributors, List<String> names,
			CardinalityLimits cardinalityLimits) {
		this.templates = templates.toArray(LabelTemplate[]::new);
		this.contributors = contributors.toArray(RequestLabelContributor[]::new);
		this.names = names.toArray(String[]::new);
		boolean literal = contributors.isEmpty() && templates.stream().allMatch(LabelTemplate::isLiteral);
		this.literalValues = literal ? templates.stream().map((template) -> template.value(null)).toArray(String[]::new)
				: null;
		this.limits = new CardinalityLimit[this.names.length];
		for (int i = 0; i < this.limits.length; i++) {
			boolean computed = i >= this.templates.length || !this.templates[i].isLiteral();
			this.limits[i] = computed ? cardinalityLimits.forLabel("*", this.names[i]) : null;
		}
	}

	/**
	 * Parses the configured default labels and checks every name.
	 * @param configured name to literal value or SpEL template
	 * {@code (prometheus.web.default-labels)}
	 * @param contributors the label contributors
	 * @param builtInNames the labels of the default metrics, which a default label must
	 * not take
	 * @param cardinalityLimits the limits of the computed values
	 * @return the default labels
	 * @throws IllegalArgumentException if a name is invalid, taken or used twice, or a
	 * template does not parse
	 */
	public static DefaultLabels of(Map<String, String> configured, List<RequestLabelContributor> contributors,
			Collection<String> builtInNames, CardinalityLimits cardinalityLimits) {
		List<LabelTemplate> templates = new ArrayList<>();
		List<String> names = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		configured.forEach((name, value) -> {
			String property = "prometheus.web.default-labels." + name;
			templates.add(LabelTemplate.parse(name, value, property));
			MetricRules.checkLabelNameFree(name, builtInNames, property);
			names.add(name);
			seen.add(name);
		});
		for (RequestLabelContributor contributor : contributors) {
			String name = contributor.labelName();
			String where = "The label name of " + contributor.getClass().getName();
			MetricRules.checkLabelName(name, where);
			MetricRules.checkLabelNameFree(name, builtInNames, where);
			if (!seen.add(name)) {
				throw new IllegalArgumentException(
						where + " '" + name + "' is already a default label (prometheus.web.default-labels or "
								+ "another RequestLabelContributor)");
			}
			names.add(name);
		}
		return new DefaultLabels(templates, contributors, names, cardinalityLimits);
	}

	/**
	 * The label names, in order.
	 * @return the names; do not modify
	 */
	public String[] names() {
		return this.names;
	}

	/**
	 * Whether every value is a literal, the same for every observation.
	 * @return {@code true} if all are literal
	 */
	public boolean isLiteral() {
		return this.literalValues != null;
	}

	/**
	 * The values of one observation, each within its cardinality limit.
	 * @param context the variables of the observation, asked for only when a value is
	 * computed
	 * @return the values in the order of {@link #names()}; do not modify (literal values
	 * are shared by every observation)
	 */
	public String[] values(Supplier<LabelContext> context) {
		if (this.literalValues != null) {
			return this.literalValues;
		}
		LabelContext labelContext = context.get();
		String[] values = new String[this.names.length];
		int i = 0;
		for (LabelTemplate template : this.templates) {
			values[i++] = template.value(labelContext);
		}
		for (RequestLabelContributor contributor : this.contributors) {
			values[i++] = contributed(contributor, labelContext);
		}
		for (int label = 0; label < values.length; label++) {
			if (this.limits[label] != null) {
				values[label] = this.limits[label].apply(values[label]);
			}
		}
		return values;
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
