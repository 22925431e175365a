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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import io.github.prometheusweb.custom.CustomMetricType;
import io.github.prometheusweb.grouping.GroupBy;
import io.github.prometheusweb.labels.DefaultLabels;
import io.github.prometheusweb.labels.LabelTemplate;
import io.github.prometheusweb.metrics.PrometheusNames;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of prometheus-web, bound from {@code prometheus.web.*}. Every setter
 * checks its value and fails startup with a message that names the property and the
 * value.
 *
 * @author prometheus-web authors
 */
@ConfigurationProperties("prometheus.web")
public class PrometheusWebProperties {

	/**
	 * Histogram bucket upper bounds used when none are configured: the Flask exporter's.
	 */
	public static final List<Double> DEFAULT_BUCKETS = List.of(0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75,
			1.0, 2.5, 5.0, 7.5, 10.0);

	/**
	 * Whether prometheus-web records anything and serves the metrics endpoint.
	 */
	private boolean enabled = true;

	/**
	 * Whether the default HTTP request metrics and the exporter info are recorded.
	 */
	private boolean exportDefaults = true;

	/**
	 * Prefix of the default metric names, joined to them by an underscore. Empty for no
	 * prefix.
	 */
	private String prefix = "spring";

	/**
	 * Label that groups the request duration: url-rule (route template), path, full-path
	 * (path and query string) or endpoint (handler method).
	 */
	private GroupBy groupBy = GroupBy.URL_RULE;

	/**
	 * Whether the status label holds the status class (2xx, 3xx, 4xx, 5xx) instead of the
	 * status code.
	 */
	private boolean groupStatusCodes = false;

	/**
	 * Upper bounds of the request duration histogram buckets, in seconds, increasing.
	 */
	private List<Double> buckets = new ArrayList<>(DEFAULT_BUCKETS);

	/**
	 * Whether the request duration is a histogram. When false it is a summary.
	 */
	private boolean latencyAsHistogram = true;

	/**
	 * Quantiles the request duration summary reports, each between 0 and 1. Used only
	 * when latency-as-histogram is false.
	 */
	private List<Double> summaryQuantiles = new ArrayList<>();

	/**
	 * Whether the request duration histogram also keeps native (sparse) buckets, served
	 * in the protobuf format. Histograms of custom metrics keep classic buckets only.
	 */
	private boolean nativeHistograms = false;

	/**
	 * Regular expressions of request paths to leave unrecorded. A path is excluded when
	 * an expression matches at its start.
	 */
	private List<String> excludedPaths = new ArrayList<>();

	/**
	 * Whether excluded paths also skip user-defined metrics recorded during requests to
	 * them.
	 */
	private boolean excludeUserDefaults = true;

	/**
	 * Labels, name to value, added to every default metric, user-defined default metric
	 * and custom metric, except info metrics. A value is a literal, or a SpEL template
	 * such as '#{#request.getHeader('X-Tenant')}' evaluated per observation with the
	 * variables #request, #response and #handler. A default label replaces a metric's own
	 * label of the same name.
	 */
	private Map<String, String> defaultLabels = new LinkedHashMap<>();

	/**
	 * Whether exceptions resolved by an @ExceptionHandler also count in the exceptions
	 * metric.
	 */
	private boolean countHandledExceptions = false;

	/**
	 * Most distinct values of one request-derived label (such as the group label) in one
	 * metric. Further values are recorded as __overflow__.
	 */
	private int cardinalityLimit = 1000;

	/**
	 * Whether the JVM and process metrics are served.
	 */
	private boolean jvmMetrics = true;

	private final InProgress inProgress = new InProgress();

	private final Sizes sizes = new Sizes();

	private final Endpoint endpoint = new Endpoint();

	private final Server server = new Server();

	private final Exemplars exemplars = new Exemplars();

	/**
	 * User-defined default metrics, recorded for every tracked request like the default
	 * metrics: each has a type (counter, histogram or summary), a name, a help text,
	 * labels (name to literal or SpEL template, with #request, #response and #handler)
	 * and, for a histogram or summary of the request duration, buckets or quantiles.
	 */
	private List<UserMetric> metrics = new ArrayList<>();

	private final Info info = new Info();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public boolean isExportDefaults() {
		return this.exportDefaults;
	}

	public void setExportDefaults(boolean exportDefaults) {
		this.exportDefaults = exportDefaults;
	}

	public String getPrefix() {
		return this.prefix;
	}

	public void setPrefix(String prefix) {
		String value = (prefix != null) ? prefix : "";
		if (!value.isEmpty() && !PrometheusNames.isValidMetricName(value)) {
			throw new IllegalArgumentException("prometheus.web.prefix '" + value
					+ "' is not a valid metric name prefix: use letters, digits, '_' and ':', not starting with a digit");
		}
		this.prefix = value;
	}

	public GroupBy getGroupBy() {
		return this.groupBy;
	}

	public void setGroupBy(GroupBy groupBy) {
		this.groupBy = groupBy;
	}

	public boolean isGroupStatusCodes() {
		return this.groupStatusCodes;
	}

	public void setGroupStatusCodes(boolean groupStatusCodes) {
		this.groupStatusCodes = groupStatusCodes;
	}

	public List<Double> getBuckets() {
		return this.buckets;
	}

	public void setBuckets(List<Double> buckets) {
		if (buckets == null || buckets.isEmpty()) {
			throw new IllegalArgumentException("prometheus.web.buckets " + buckets + " must hold at least one bound");
		}
		double previous = 0;
		for (Double bound : buckets) {
			if (bound == null || !(bound > 0) || bound.isInfinite()) {
				throw new IllegalArgumentException("prometheus.web.buckets " + buckets + ": bound " + bound
						+ " must be a positive finite number of seconds (+Inf is always added)");
			}
			if (bound <= previous) {
				throw new IllegalArgumentException("prometheus.web.buckets " + buckets + ": bound " + bound
						+ " must be greater than the bound before it; list bounds in increasing order, once each");
			}
			previous = bound;
		}
		this.buckets = new ArrayList<>(buckets);
	}

	public boolean isLatencyAsHistogram() {
		return this.latencyAsHistogram;
	}

	public void setLatencyAsHistogram(boolean latencyAsHistogram) {
		this.latencyAsHistogram = latencyAsHistogram;
	}

	public List<Double> getSummaryQuantiles() {
		return this.summaryQuantiles;
	}

	public void setSummaryQuantiles(List<Double> summaryQuantiles) {
		for (Double quantile : summaryQuantiles) {
			if (quantile == null || !(quantile > 0 && quantile < 1)) {
				throw new IllegalArgumentException("prometheus.web.summary-quantiles " + summaryQuantiles
						+ ": quantile " + quantile + " must be greater than 0 and less than 1");
			}
		}
		this.summaryQuantiles = new ArrayList<>(summaryQuantiles);
	}

	public boolean isNativeHistograms() {
		return this.nativeHistograms;
	}

	public void setNativeHistograms(boolean nativeHistograms) {
		this.nativeHistograms = nativeHistograms;
	}

	public List<String> getExcludedPaths() {
		return this.excludedPaths;
	}

	public void setExcludedPaths(List<String> excludedPaths) {
		for (String regex : excludedPaths) {
			try {
				Pattern.compile(regex);
			}
			catch (PatternSyntaxException ex) {
				throw new IllegalArgumentException("prometheus.web.excluded-paths '" + regex
						+ "' is not a valid regular expression: " + ex.getDescription(), ex);
			}
		}
		this.excludedPaths = new ArrayList<>(excludedPaths);
	}

	public boolean isExcludeUserDefaults() {
		return this.excludeUserDefaults;
	}

	public void setExcludeUserDefaults(boolean excludeUserDefaults) {
		this.excludeUserDefaults = excludeUserDefaults;
	}

	public Map<String, String> getDefaultLabels() {
		return this.defaultLabels;
	}

	public void setDefaultLabels(Map<String, String> defaultLabels) {
		DefaultLabels.of(defaultLabels, List.of());
		this.defaultLabels = new LinkedHashMap<>(defaultLabels);
	}

	public boolean isCountHandledExceptions() {
		return this.countHandledExceptions;
	}

	public void setCountHandledExceptions(boolean countHandledExceptions) {
		this.countHandledExceptions = countHandledExceptions;
	}

	public int getCardinalityLimit() {
		return this.cardinalityLimit;
	}

	public void setCardinalityLimit(int cardinalityLimit) {
		if (cardinalityLimit < 1) {
			throw new IllegalArgumentException(
					"prometheus.web.cardinality-limit " + cardinalityLimit + " must be at least 1");
		}
		this.cardinalityLimit = cardinalityLimit;
	}

	public boolean isJvmMetrics() {
		return this.jvmMetrics;
	}

	public void setJvmMetrics(boolean jvmMetrics) {
		this.jvmMetrics = jvmMetrics;
	}

	public InProgress getInProgress() {
		return this.inProgress;
	}

	public Sizes getSizes() {
		return this.sizes;
	}

	public Endpoint getEndpoint() {
		return this.endpoint;
	}

	public Server getServer() {
		return this.server;
	}

	public Exemplars getExemplars() {
		return this.exemplars;
	}

	public List<UserMetric> getMetrics() {
		return this.metrics;
	}

	public void setMetrics(List<UserMetric> metrics) {
		for (int i = 0; i < metrics.size(); i++) {
			metrics.get(i).validate("prometheus.web.metrics[" + i + "]");
		}
		this.metrics = new ArrayList<>(metrics);
	}

	public Info getInfo() {
		return this.info;
	}

	/**
	 * The requests-in-progress gauge.
	 */
	public static class InProgress {

		/**
		 * Whether the gauge of requests in progress, by method, is recorded.
		 */
		private boolean enabled = false;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

	/**
	 * The request and response size summaries.
	 */
	public static class Sizes {

		/**
		 * Whether request and response body sizes, in bytes, are recorded.
		 */
		private boolean enabled = false;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

	/**
	 * The metrics endpoint that Prometheus scrapes.
	 */
	public static class Endpoint {

		/**
		 * Whether the metrics endpoint is served by the application.
		 */
		private boolean enabled = true;

		/**
		 * Path of the metrics endpoint, within the application.
		 */
		private String path = "/metrics";

		private final BasicAuth basicAuth = new BasicAuth();

		public BasicAuth getBasicAuth() {
			return this.basicAuth;
		}

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getPath() {
			return this.path;
		}

		public void setPath(String path) {
			if (path == null || !path.startsWith("/") || path.length() < 2 || path.contains("{")
					|| path.contains("*")) {
				throw new IllegalArgumentException("prometheus.web.endpoint.path '" + path
						+ "' must start with '/' and name a fixed path, for example /metrics");
			}
			this.path = path;
		}

	}

	/**
	 * A user-defined default metric, recorded for every tracked request.
	 */
	public static class UserMetric {

		/**
		 * Type of the metric: counter (requests), histogram or summary (request duration
		 * in seconds).
		 */
		private CustomMetricType type = CustomMetricType.COUNTER;

		/**
		 * Name of the metric.
		 */
		private String name;

		/**
		 * Help text of the metric.
		 */
		private String help;

		/**
		 * Labels, name to literal value or SpEL template ('#{...}') evaluated per request
		 * with the variables #request, #response and #handler.
		 */
		private Map<String, String> labels = new LinkedHashMap<>();

		/**
		 * Bucket upper bounds of a histogram, in seconds, increasing. Empty for
		 * prometheus.web.buckets.
		 */
		private List<Double> buckets = new ArrayList<>();

		/**
		 * Quantiles of a summary, each between 0 and 1.
		 */
		private List<Double> quantiles = new ArrayList<>();

		public CustomMetricType getType() {
			return this.type;
		}

		public void setType(CustomMetricType type) {
			this.type = type;
		}

		public String getName() {
			return this.name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public String getHelp() {
			return this.help;
		}

		public void setHelp(String help) {
			this.help = help;
		}

		public Map<String, String> getLabels() {
			return this.labels;
		}

		public void setLabels(Map<String, String> labels) {
			this.labels = new LinkedHashMap<>(labels);
		}

		public List<Double> getBuckets() {
			return this.buckets;
		}

		public void setBuckets(List<Double> buckets) {
			this.buckets = new ArrayList<>(buckets);
		}

		public List<Double> getQuantiles() {
			return this.quantiles;
		}

		public void setQuantiles(List<Double> quantiles) {
			this.quantiles = new ArrayList<>(quantiles);
		}

		void validate(String property) {
			if (this.type == null || this.type == CustomMetricType.GAUGE) {
				throw new IllegalArgumentException(
						property + ".type '" + this.type + "' is not supported: use counter, histogram or summary");
			}
			if (!PrometheusNames.isValidMetricName(this.name)) {
				throw new IllegalArgumentException(property + ".name '" + this.name
						+ "' is not a valid metric name: use letters, digits, '_' and ':', not starting with a digit");
			}
			if (this.help == null || this.help.isBlank()) {
				throw new IllegalArgumentException(property + ".help must be set (metric '" + this.name + "')");
			}
			this.labels.forEach((label, value) -> LabelTemplate.parse(label, value, property + ".labels." + label));
			double previous = 0;
			for (Double bound : this.buckets) {
				if (bound == null || !(bound > previous) || bound.isInfinite()) {
					throw new IllegalArgumentException(property + ".buckets " + this.buckets
							+ " must be positive finite bounds in increasing order (+Inf is always added)");
				}
				previous = bound;
			}
			for (Double quantile : this.quantiles) {
				if (quantile == null || !(quantile > 0 && quantile < 1)) {
					throw new IllegalArgumentException(property + ".quantiles " + this.quantiles + ": quantile "
							+ quantile + " must be greater than 0 and less than 1");
				}
			}
		}

	}

	/**
	 * The application info metric.
	 */
	public static class Info {

		/**
		 * Name of the info metric, whose value is 1. Exposed with the suffix _info, added
		 * if missing.
		 */
		private String name = "app_info";

		/**
		 * Labels of the info metric, name to value. Without version or name, they come
		 * from Spring Boot's build info when the application has it.
		 */
		private Map<String, String> labels = new LinkedHashMap<>();

		public String getName() {
			return this.name;
		}

		public void setName(String name) {
			if (!PrometheusNames.isValidMetricName(name)) {
				throw new IllegalArgumentException("prometheus.web.info.name '" + name
						+ "' is not a valid metric name: use letters, digits, '_' and ':', not starting with a digit");
			}
			this.name = name;
		}

		public Map<String, String> getLabels() {
			return this.labels;
		}

		public void setLabels(Map<String, String> labels) {
			for (String label : labels.keySet()) {
				if (!PrometheusNames.isValidLabelName(label)) {
					throw new IllegalArgumentException("prometheus.web.info.labels." + label + " '" + label
							+ "' is not a valid label name: use letters, digits and '_', not starting with a digit or '__'");
				}
			}
			this.labels = new LinkedHashMap<>(labels);
		}

	}

	/**
	 * HTTP basic authentication of the metrics endpoint and the separate metrics server.
	 */
	public static class BasicAuth {

		/**
		 * User name that a scrape must present. Set together with the password; when
		 * neither is set, the metrics are not protected by prometheus-web.
		 */
		private String username;

		/**
		 * Password that a scrape must present. Set together with the user name.
		 */
		private String password;

		public String getUsername() {
			return this.username;
		}

		public void setUsername(String username) {
			this.username = username;
		}

		public String getPassword() {
			return this.password;
		}

		public void setPassword(String password) {
			this.password = password;
		}

		@Override
		public String toString() {
			return "BasicAuth[username=" + ((this.username != null) ? "(set)" : "(unset)") + ", password="
					+ ((this.password != null) ? "(set)" : "(unset)") + "]";
		}

	}

	/**
	 * The separate metrics server, on its own port.
	 */
	public static class Server {

		/**
		 * Port of a separate HTTP server that serves only the metrics, at the endpoint
		 * path. Unset for none; 0 for any free port.
		 */
		private Integer port;

		/**
		 * Address the separate metrics server listens on.
		 */
		private String address = "0.0.0.0";

		public Integer getPort() {
			return this.port;
		}

		public void setPort(Integer port) {
			if (port != null && (port < 0 || port > 65535)) {
				throw new IllegalArgumentException(
						"prometheus.web.server.port '" + port + "' must be a TCP port between 0 and 65535");
			}
			this.port = port;
		}

		public String getAddress() {
			return this.address;
		}

		public void setAddress(String address) {
			if (address == null || address.isBlank()) {
				throw new IllegalArgumentException("prometheus.web.server.address '" + address
						+ "' must be an IP address or host name, for example 0.0.0.0 or 127.0.0.1");
			}
			this.address = address.trim();
		}

	}

	/**
	 * Exemplars: the trace and span of a sampled observation, from OpenTelemetry.
	 */
	public static class Exemplars {

		/**
		 * Whether the default metrics carry trace_id and span_id exemplars when a sampled
		 * OpenTelemetry span is current. Exemplars are served in the OpenMetrics and
		 * protobuf formats.
		 */
		private boolean enabled = true;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

}
