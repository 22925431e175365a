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

import io.github.prometheusweb.grouping.GroupBy;
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
	 * Whether histograms also keep native (sparse) buckets, served in the protobuf
	 * format.
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
	 * Labels, name to value, added to every default metric except the exporter info.
	 */
	private Map<String, String> defaultLabels = new LinkedHashMap<>();

	/**
	 * Whether exceptions resolved by an @ExceptionHandler also count in the exceptions
	 * metric.
	 */
	private boolean countHandledExceptions = false;

	/**
	 * Whether the JVM and process metrics are served.
	 */
	private boolean jvmMetrics = true;

	private final InProgress inProgress = new InProgress();

	private final Sizes sizes = new Sizes();

	private final Endpoint endpoint = new Endpoint();

	private final Server server = new Server();

	private final Exemplars exemplars = new Exemplars();

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
		for (Map.Entry<String, String> label : defaultLabels.entrySet()) {
			if (!PrometheusNames.isValidLabelName(label.getKey())) {
				throw new IllegalArgumentException("prometheus.web.default-labels." + label.getKey() + " '"
						+ label.getKey() + "' is not a valid label name: use letters, digits and '_', "
						+ "not starting with a digit or '__'");
			}
		}
		this.defaultLabels = new LinkedHashMap<>(defaultLabels);
	}

	public boolean isCountHandledExceptions() {
		return this.countHandledExceptions;
	}

	public void setCountHandledExceptions(boolean countHandledExceptions) {
		this.countHandledExceptions = countHandledExceptions;
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
