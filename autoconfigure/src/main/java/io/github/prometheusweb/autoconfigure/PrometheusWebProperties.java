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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import io.github.prometheusweb.grouping.GroupBy;
import io.github.prometheusweb.metrics.Convention;
import io.github.prometheusweb.labels.LabelTemplate;
import io.github.prometheusweb.support.MetricRules;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of prometheus-web, bound from {@code prometheus.web.*}. Every value is
 * checked where it is bound, so a bad one fails startup with a message that names the
 * property and the value, and the place it was set.
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
	 * Names and labels of the default HTTP request metrics: flask
	 * (spring_http_request_duration_seconds), opentelemetry
	 * (http_server_request_duration_seconds, the OpenTelemetry semantic conventions) or
	 * micrometer (http_server_requests_seconds, as Spring Boot Actuator writes it). A
	 * list records every request in each of them.
	 */
	private List<Convention> convention = new ArrayList<>(List.of(Convention.FLASK));

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
	 * such as '#{#request.getHeader('X-Tenant')}' evaluated once per request with the
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

	/**
	 * The gauge of requests in progress.
	 */
	private final InProgress inProgress = new InProgress();

	/**
	 * The request and response body sizes.
	 */
	private final Sizes sizes = new Sizes();

	/**
	 * The metrics endpoint of the application.
	 */
	private final Endpoint endpoint = new Endpoint();

	/**
	 * The separate metrics server, on a port of its own.
	 */
	private final Server server = new Server();

	/**
	 * Exemplars of the default metrics.
	 */
	private final Exemplars exemplars = new Exemplars();

	/**
	 * User-defined default metrics, recorded for every tracked request like the default
	 * metrics: each has a type (counter, histogram or summary), a name, a help text,
	 * labels (name to literal or SpEL template, with #request, #response and #handler)
	 * and, for a histogram or summary of the request duration, buckets or quantiles.
	 */
	private List<UserMetricProperties> metrics = new ArrayList<>();

	/**
	 * The application info metric.
	 */
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

	public List<Convention> getConvention() {
		return this.convention;
	}

	public void setConvention(List<Convention> convention) {
		if (convention.isEmpty()) {
			throw new IllegalArgumentException(
					"prometheus.web.convention is empty: name at least one of flask, opentelemetry, micrometer");
		}
		this.convention = new ArrayList<>(new LinkedHashSet<>(convention));
	}

	public String getPrefix() {
		return this.prefix;
	}

	public void setPrefix(String prefix) {
		String value = (prefix != null) ? prefix : "";
		if (!value.isEmpty()) {
			MetricRules.checkMetricName(value, "prometheus.web.prefix");
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
		MetricRules.checkBuckets(buckets, "prometheus.web.buckets");
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
		MetricRules.checkQuantiles(summaryQuantiles, "prometheus.web.summary-quantiles");
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
		excludedPaths.forEach(PrometheusWebSettings::excludedPath);
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
		defaultLabels
			.forEach((name, value) -> LabelTemplate.parse(name, value, "prometheus.web.default-labels." + name));
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

	public List<UserMetricProperties> getMetrics() {
		return this.metrics;
	}

	public void setMetrics(List<UserMetricProperties> metrics) {
		for (int i = 0; i < metrics.size(); i++) {
			PrometheusWebSettings.userDefaultMetric(i, metrics.get(i));
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

		/**
		 * HTTP basic authentication of the metrics, on the endpoint and on the separate
		 * metrics server.
		 */
		private final BasicAuth basicAuth = new BasicAuth();

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

		public BasicAuth getBasicAuth() {
			return this.basicAuth;
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
			MetricRules.checkMetricName(name, "prometheus.web.info.name");
			this.name = name;
		}

		public Map<String, String> getLabels() {
			return this.labels;
		}

		public void setLabels(Map<String, String> labels) {
			labels.keySet()
				.forEach((label) -> MetricRules.checkLabelName(label, "prometheus.web.info.labels." + label));
			this.labels = new LinkedHashMap<>(labels);
		}

	}

}
