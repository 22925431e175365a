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

package io.github.prometheusweb.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

import io.github.prometheusweb.custom.CustomMetricType;
import io.github.prometheusweb.custom.MetricDeclaration;
import io.github.prometheusweb.endpoint.ScrapeAuthentication;
import io.github.prometheusweb.grouping.GroupBy;
import io.github.prometheusweb.grouping.GroupByStrategy;
import io.github.prometheusweb.labels.DefaultLabels;
import io.github.prometheusweb.metrics.Convention;
import io.github.prometheusweb.metrics.DefaultMetricsSettings;
import io.github.prometheusweb.servlet.ObservationSettings;

import org.springframework.util.ClassUtils;

/**
 * Maps {@link PrometheusWebProperties} to the plain settings of the runtime classes,
 * which never see the properties: each decision that combines properties is made here,
 * once. The values that must be compiled (regular expressions, metric declarations) are
 * compiled here, with a message that names the property when one is bad; the properties
 * call the same methods to check them when they are bound.
 *
 * @author prometheus-web authors
 */
final class PrometheusWebSettings {

	private static final boolean TRACER_BRIDGE_PRESENT = ClassUtils.isPresent(
			"io.prometheus.metrics.tracer.initializer.SpanContextSupplier",
			PrometheusWebSettings.class.getClassLoader());

	private PrometheusWebSettings() {
	}

	/**
	 * The start of every default metric name.
	 * @param properties the properties
	 * @return the prefix and an underscore, or an empty string for no prefix
	 */
	static String namePrefix(PrometheusWebProperties properties) {
		String prefix = properties.getPrefix();
		return (prefix == null || prefix.isEmpty()) ? "" : prefix + "_";
	}

	/**
	 * Whether metrics sample exemplars: asked for, and possible. client_java samples them
	 * through its tracer bridge ({@code prometheus-metrics-tracer-initializer}); without
	 * it (excluded by the application, or missing from its repository) a metric with
	 * exemplars fails at every observation with a {@link NoClassDefFoundError}.
	 * @param properties the properties
	 * @return {@code true} if metrics are built with exemplars
	 */
	static boolean exemplars(PrometheusWebProperties properties) {
		return properties.getExemplars().isEnabled() && TRACER_BRIDGE_PRESENT;
	}

	/**
	 * Whether body sizes are measured: only for the default metrics that report them.
	 * @param properties the properties
	 * @return {@code true} if sizes are measured
	 */
	static boolean sizes(PrometheusWebProperties properties) {
		return properties.isExportDefaults() && properties.getSizes().isEnabled();
	}

	static ObservationSettings observation(PrometheusWebProperties properties, GroupByStrategy groupBy,
			DefaultLabels defaultLabels) {
		return new ObservationSettings(excludedPaths(properties), properties.isExcludeUserDefaults(),
				properties.isCountHandledExceptions(), sizes(properties), groupBy, defaultLabels);
	}

	static DefaultMetricsSettings defaultMetrics(PrometheusWebProperties properties, GroupByStrategy groupBy) {
		List<Convention> conventions = conventions(properties);
		if (!conventions.contains(Convention.FLASK)
				&& groupBy.getClass() != properties.getGroupBy().strategy().getClass()) {
			throw new IllegalArgumentException("A GroupByStrategy bean (" + groupBy.getClass().getName()
					+ ") does not apply to prometheus.web.convention '" + names(conventions)
					+ "': it chooses the group label of the flask convention. Remove the bean, or add flask to "
					+ "prometheus.web.convention");
		}
		return new DefaultMetricsSettings(conventions, namePrefix(properties), groupBy.labelName(),
				properties.isGroupStatusCodes(), properties.isLatencyAsHistogram(), properties.getBuckets(),
				properties.isNativeHistograms(), properties.getSummaryQuantiles(), exemplars(properties),
				sizes(properties), properties.getInProgress().isEnabled());
	}

	/**
	 * The conventions of the default metrics, checked against the options that apply to
	 * some conventions only: an option set to other than its default must apply to one of
	 * them.
	 * @param properties the properties
	 * @return the conventions
	 * @throws IllegalArgumentException naming both properties if an option applies to
	 * none of the conventions
	 */
	static List<Convention> conventions(PrometheusWebProperties properties) {
		List<Convention> conventions = properties.getConvention();
		String prefix = properties.getPrefix();
		requireOneOf(conventions, !"spring".equals(prefix), "prefix '" + prefix + "'",
				"the opentelemetry and micrometer names have no prefix (prometheus-web's own metrics keep the default, "
						+ "spring_exporter_info)",
				Convention.FLASK);
		requireOneOf(conventions, properties.getGroupBy() != GroupBy.URL_RULE,
				"group-by '" + properties.getGroupBy().name().toLowerCase(Locale.ROOT).replace('_', '-') + "'",
				"the opentelemetry and micrometer conventions label the route template (http_route, uri)",
				Convention.FLASK);
		requireOneOf(conventions, properties.isGroupStatusCodes(), "group-status-codes 'true'",
				"the opentelemetry and micrometer conventions label the status code", Convention.FLASK);
		requireOneOf(conventions, !properties.isLatencyAsHistogram(), "latency-as-histogram 'false'",
				"the OpenTelemetry semantic conventions define the duration as a histogram", Convention.FLASK,
				Convention.MICROMETER);
		requireOneOf(conventions, !properties.getSummaryQuantiles().isEmpty(),
				"summary-quantiles '" + properties.getSummaryQuantiles() + "'",
				"the OpenTelemetry semantic conventions define the duration as a histogram", Convention.FLASK,
				Convention.MICROMETER);
		requireOneOf(conventions, !PrometheusWebProperties.DEFAULT_BUCKETS.equals(properties.getBuckets()),
				"buckets '" + properties.getBuckets() + "'",
				"the micrometer convention has the buckets of Micrometer's percentile histogram", Convention.FLASK,
				Convention.OPENTELEMETRY);
		requireOneOf(conventions, properties.getInProgress().isEnabled(), "in-progress.enabled 'true'",
				"the micrometer convention has no gauge of requests in progress", Convention.FLASK,
				Convention.OPENTELEMETRY);
		requireOneOf(conventions, properties.getSizes().isEnabled(), "sizes.enabled 'true'",
				"the micrometer convention has no body size metrics", Convention.FLASK, Convention.OPENTELEMETRY);
		requireOneOf(conventions, properties.isCountHandledExceptions(), "count-handled-exceptions 'true'",
				"the opentelemetry convention's error_type follows the status", Convention.FLASK,
				Convention.MICROMETER);
		return List.copyOf(conventions);
	}

	/**
	 * Checks that no default label takes a label name of one of the conventions other
	 * than flask, whose labels exist only because of {@code prometheus.web.convention}.
	 * @param properties the properties
	 * @throws IllegalArgumentException naming the default label and the convention
	 */
	static void checkDefaultLabelNames(PrometheusWebProperties properties) {
		for (String name : properties.getDefaultLabels().keySet()) {
			for (Convention convention : properties.getConvention()) {
				if (convention != Convention.FLASK && convention.labelNames().contains(name)) {
					throw new IllegalArgumentException("prometheus.web.default-labels." + name + " '" + name
							+ "' is a label of the metrics of prometheus.web.convention '"
							+ names(properties.getConvention()) + "': choose another name");
				}
			}
		}
	}

	private static void requireOneOf(List<Convention> chosen, boolean set, String option, String reason,
			Convention... applyTo) {
		if (!set) {
			return;
		}
		for (Convention convention : applyTo) {
			if (chosen.contains(convention)) {
				return;
			}
		}
		throw new IllegalArgumentException("prometheus.web." + option + " does not apply to prometheus.web.convention '"
				+ names(chosen) + "': " + reason + ". Remove prometheus.web." + option.substring(0, option.indexOf(' '))
				+ ", or add " + names(List.of(applyTo)).replace(",", " or ") + " to prometheus.web.convention");
	}

	private static String names(List<Convention> conventions) {
		return conventions.stream()
			.map((convention) -> convention.name().toLowerCase(Locale.ROOT))
			.collect(Collectors.joining(","));
	}

	private static List<Pattern> excludedPaths(PrometheusWebProperties properties) {
		return properties.getExcludedPaths().stream().map(PrometheusWebSettings::excludedPath).toList();
	}

	/**
	 * Compiles one of {@code prometheus.web.excluded-paths}.
	 * @param regex the regular expression
	 * @return the pattern
	 * @throws IllegalArgumentException naming the property and the value if it is not a
	 * valid regular expression
	 */
	static Pattern excludedPath(String regex) {
		try {
			return Pattern.compile(regex);
		}
		catch (PatternSyntaxException ex) {
			throw new IllegalArgumentException("prometheus.web.excluded-paths '" + regex
					+ "' is not a valid regular expression: " + ex.getDescription(), ex);
		}
	}

	/**
	 * The user-defined default metrics of {@code prometheus.web.metrics}, checked.
	 * @param properties the properties
	 * @return the declarations
	 */
	static List<MetricDeclaration> userDefaultMetrics(PrometheusWebProperties properties) {
		List<MetricDeclaration> declarations = new ArrayList<>();
		List<UserMetricProperties> metrics = properties.getMetrics();
		for (int i = 0; i < metrics.size(); i++) {
			declarations.add(userDefaultMetric(i, metrics.get(i)));
		}
		return declarations;
	}

	/**
	 * Parses one of {@code prometheus.web.metrics}.
	 * @param index its index in the list
	 * @param metric the metric
	 * @return its declaration
	 * @throws IllegalArgumentException naming the property and the value if a part of it
	 * is invalid
	 */
	static MetricDeclaration userDefaultMetric(int index, UserMetricProperties metric) {
		String property = "prometheus.web.metrics[" + index + "]";
		if (metric.getType() == null || metric.getType() == CustomMetricType.GAUGE) {
			throw new IllegalArgumentException(
					property + ".type '" + metric.getType() + "' is not supported: use counter, histogram or summary");
		}
		return MetricDeclaration.parse(metric.getType(), metric.getName(), metric.getHelp(),
				List.copyOf(metric.getLabels().entrySet()), metric.getBuckets(), metric.getQuantiles(), true,
				property + " (" + metric.getName() + ")", (part) -> property + "." + part);
	}

	/**
	 * The authentication of scrapes.
	 * @param properties the properties
	 * @return the authentication
	 * @throws IllegalArgumentException if only one of user name and password is set
	 */
	static ScrapeAuthentication scrapeAuthentication(PrometheusWebProperties properties) {
		String username = emptyToNull(properties.getEndpoint().getBasicAuth().getUsername());
		String password = emptyToNull(properties.getEndpoint().getBasicAuth().getPassword());
		if ((username == null) != (password == null)) {
			String set = (username != null) ? "username" : "password";
			String unset = (username != null) ? "password" : "username";
			throw new IllegalArgumentException(
					"prometheus.web.endpoint.basic-auth." + set + " is set but prometheus.web.endpoint.basic-auth."
							+ unset + " is not: set both to protect the metrics, or neither");
		}
		return ScrapeAuthentication.of(username, password);
	}

	private static String emptyToNull(String value) {
		return (value == null || value.isEmpty()) ? null : value;
	}

}
