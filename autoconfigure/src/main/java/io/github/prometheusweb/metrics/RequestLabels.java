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

import java.util.ArrayList;
import java.util.List;

import io.prometheus.metrics.model.registry.Collector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import jakarta.servlet.http.HttpServletRequest;

/**
 * What the metrics of every convention share: label names and values with the default
 * labels last, the name of an exception, and the registration of their collectors, so
 * that closing the default metrics unregisters all of them.
 *
 * @author prometheus-web authors
 */
final class RequestLabels {

	/**
	 * The value of a label whose value is none of the known ones.
	 */
	static final String OTHER = "_OTHER";

	private RequestLabels() {
	}

	/**
	 * The label names of a metric: its own, then the default labels.
	 * @param defaultNames the names of the default labels
	 * @param names the metric's own label names
	 * @return the label names
	 */
	static String[] names(String[] defaultNames, String... names) {
		String[] all = new String[names.length + defaultNames.length];
		System.arraycopy(names, 0, all, 0, names.length);
		System.arraycopy(defaultNames, 0, all, names.length, defaultNames.length);
		return all;
	}

	/**
	 * The label values of a request: the metric's own, then the default labels.
	 * @param request the request, whose default label values are appended
	 * @param values the metric's own label values
	 * @return the label values
	 */
	static String[] values(CompletedRequest request, String... values) {
		String[] defaults = request.defaultLabelValues();
		if (defaults.length == 0) {
			return values;
		}
		String[] all = new String[values.length + defaults.length];
		System.arraycopy(values, 0, all, 0, values.length);
		System.arraycopy(defaults, 0, all, values.length, defaults.length);
		return all;
	}

	/**
	 * The simple name of an exception's class, or its full name for an anonymous class.
	 * @param exception the exception
	 * @return the name
	 */
	static String exceptionName(Throwable exception) {
		String name = exception.getClass().getSimpleName();
		return name.isEmpty() ? exception.getClass().getName() : name;
	}

	/**
	 * The values of the URL scheme label: a forwarded header can set any scheme, so any
	 * other is {@code _OTHER} and clients cannot create series.
	 */
	static final List<String> URL_SCHEMES = List.of("http", "https", OTHER);

	/**
	 * The values of the protocol version label: what follows {@code HTTP/} in the
	 * protocol the container reports; {@code _OTHER} for anything else.
	 */
	static final List<String> PROTOCOL_VERSIONS = List.of("1.1", "1.0", "2.0", "2", "3", OTHER);

	/**
	 * The URL scheme of a request.
	 * @param request the request
	 * @return its index in {@link #URL_SCHEMES}
	 */
	static int urlScheme(HttpServletRequest request) {
		String scheme = request.getScheme();
		if ("http".equals(scheme)) {
			return 0;
		}
		return "https".equals(scheme) ? 1 : 2;
	}

	/**
	 * The HTTP version of a request.
	 * @param request the request
	 * @return its index in {@link #PROTOCOL_VERSIONS}
	 */
	static int protocolVersion(HttpServletRequest request) {
		String protocol = request.getProtocol();
		if (protocol == null) {
			return 5;
		}
		return switch (protocol) {
			case "HTTP/1.1" -> 0;
			case "HTTP/1.0" -> 1;
			case "HTTP/2.0" -> 2;
			case "HTTP/2" -> 3;
			case "HTTP/3" -> 4;
			default -> 5;
		};
	}

	/**
	 * Registers collectors and unregisters them all at once.
	 */
	static final class Registrations implements AutoCloseable {

		private final PrometheusRegistry registry;

		private final List<Collector> registered = new ArrayList<>();

		Registrations(PrometheusRegistry registry) {
			this.registry = registry;
		}

		<C extends Collector> C register(C collector) {
			this.registry.register(collector);
			this.registered.add(collector);
			return collector;
		}

		@Override
		public void close() {
			this.registered.forEach(this.registry::unregister);
			this.registered.clear();
		}

	}

}
