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

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.github.prometheusweb.labels.CardinalityLimit;

/**
 * The data points of one metric labelled by request: by method, a route key (the group-by
 * value, the route template or Micrometer's {@code uri}) and status. Looked up once per
 * distinct label set and reused, so that recording a request builds no label array and no
 * label string. A key passes the metric's cardinality limit the first time it is seen,
 * and only keys within the limit are kept; keys beyond it share the overflow data points
 * and pass the limit (which counts them) each time. A {@code null} key (no route matched)
 * is never limited. Not cached at all when the labels are computed per request (default
 * labels that are not literal).
 *
 * @param <D> the type of the data points
 * @author prometheus-web authors
 */
final class RequestDataPoints<D> {

	private final DataPointFactory<D> factory;

	private final CardinalityLimit groupLimit;

	private final boolean cached;

	private final ConcurrentMap<String, ByMethodAndStatus<D>> byGroup = new ConcurrentHashMap<>();

	private final ByMethodAndStatus<D> overflow;

	private final ByMethodAndStatus<D> noKey;

	/**
	 * Creates the data points of a metric.
	 * @param factory creates the data point of a label set
	 * @param groupLimit the cardinality limit of the group-by label, or {@code null} if
	 * the metric has no group-by label
	 * @param cached whether the labels depend on method, group-by value and status only,
	 * so data points can be reused
	 */
	RequestDataPoints(DataPointFactory<D> factory, CardinalityLimit groupLimit, boolean cached) {
		this.factory = factory;
		this.groupLimit = groupLimit;
		this.cached = cached;
		this.overflow = new ByMethodAndStatus<>(CardinalityLimit.OVERFLOW);
		this.noKey = new ByMethodAndStatus<>(null);
	}

	/**
	 * The data point of a request.
	 * @param request the request
	 * @param method the {@code method} label value
	 * @param group the route key, {@code null} for none; ignored if the metric has no
	 * route label
	 * @param status the status code, or a constant if the metric has no status label
	 * @return the data point
	 */
	D get(CompletedRequest request, String method, String group, int status) {
		if (!this.cached) {
			return this.factory.create(request, method, limited(group), status);
		}
		if (group == null && this.groupLimit != null) {
			return this.noKey.get(method, status, request, this.factory);
		}
		ByMethodAndStatus<D> points = this.byGroup.get((this.groupLimit != null) ? group : "");
		if (points == null) {
			points = admit(group);
		}
		return points.get(method, status, request, this.factory);
	}

	private ByMethodAndStatus<D> admit(String group) {
		String limited = limited(group);
		if (CardinalityLimit.OVERFLOW.equals(limited)) {
			return this.overflow;
		}
		return this.byGroup.computeIfAbsent((limited != null) ? limited : "",
				(key) -> new ByMethodAndStatus<>(limited));
	}

	private String limited(String group) {
		return (this.groupLimit != null && group != null) ? this.groupLimit.apply(group) : null;
	}

	/**
	 * Creates the data point of one label set.
	 *
	 * @param <D> the type of the data points
	 */
	@FunctionalInterface
	interface DataPointFactory<D> {

		/**
		 * Creates (or looks up in the metric) the data point of a label set.
		 * @param request the request, for labels computed per request
		 * @param method the {@code method} label value
		 * @param group the route key after the cardinality limit, or {@code null} if
		 * there is none or the metric has no route label
		 * @param status the status code
		 * @return the data point
		 */
		D create(CompletedRequest request, String method, String group, int status);

	}

	/**
	 * The data points of one group-by value, by method and status: a short array,
	 * replaced when a data point is added.
	 */
	private static final class ByMethodAndStatus<D> {

		private final String group;

		private volatile Entry<D>[] entries;

		@SuppressWarnings({ "unchecked", "rawtypes" })
		ByMethodAndStatus(String group) {
			this.group = group;
			this.entries = new Entry[0];
		}

		D get(String method, int status, CompletedRequest request, DataPointFactory<D> factory) {
			for (Entry<D> entry : this.entries) {
				if (entry.status == status && entry.method.equals(method)) {
					return entry.dataPoint;
				}
			}
			return add(method, status, request, factory);
		}

		private synchronized D add(String method, int status, CompletedRequest request, DataPointFactory<D> factory) {
			for (Entry<D> entry : this.entries) {
				if (entry.status == status && entry.method.equals(method)) {
					return entry.dataPoint;
				}
			}
			D dataPoint = factory.create(request, method, this.group, status);
			Entry<D>[] added = Arrays.copyOf(this.entries, this.entries.length + 1);
			added[added.length - 1] = new Entry<>(method, status, dataPoint);
			this.entries = added;
			return dataPoint;
		}

	}

	private record Entry<D>(String method, int status, D dataPoint) {

	}

}
