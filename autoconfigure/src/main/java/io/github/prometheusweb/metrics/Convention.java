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

package io.github.prometheusweb.metrics;

import java.util.List;

/**
 * A set of names and labels for the default request metrics, chosen with
 * {@code prometheus.web.convention}: the names a team's dashboards and alerts already
 * query.
 *
 * @author prometheus-web authors
 */
public enum Convention {

	/**
	 * The names of the Flask exporter ({@code prometheus_flask_exporter}):
	 * {@code spring_http_request_duration_seconds{method,url_rule,status}},
	 * {@code spring_http_request_total} and {@code spring_http_request_exceptions_total}.
	 */
	FLASK,

	/**
	 * The stable HTTP server metric of the OpenTelemetry semantic conventions, as
	 * OpenTelemetry's Prometheus exporter writes it:
	 * {@code http_server_request_duration_seconds{http_request_method,http_response_status_code,http_route,url_scheme,network_protocol_version,error_type}}.
	 */
	OPENTELEMETRY,

	/**
	 * What Spring Boot Actuator with {@code micrometer-registry-prometheus} writes for
	 * {@code http.server.requests}:
	 * {@code http_server_requests_seconds{error,exception,method,outcome,status,uri}} and
	 * {@code http_server_requests_seconds_max}.
	 */
	MICROMETER;

	/**
	 * The labels of this convention's request metrics, which default labels must not
	 * take; for {@link #FLASK} without its group label, chosen by
	 * {@code prometheus.web.group-by}.
	 * @return the label names
	 */
	public List<String> labelNames() {
		return switch (this) {
			case FLASK -> List.of("method", "status", "exception");
			case OPENTELEMETRY -> OpenTelemetryRequestMetrics.LABEL_NAMES;
			case MICROMETER -> MicrometerRequestMetrics.LABEL_NAMES;
		};
	}

}
