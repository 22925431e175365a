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

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Bounds the number of distinct values one request-derived label takes in one metric
 * ({@code prometheus.web.cardinality-limit}). The first values are kept as they are; once
 * the limit is reached every new value is recorded as {@value #OVERFLOW}, counted in
 * {@code P_exporter_label_overflow_total{metric,label}}, and reported by one WARN log.
 *
 * @author prometheus-web authors
 */
public final class CardinalityLimit {

	/**
	 * The value recorded in place of values beyond the limit.
	 */
	public static final String OVERFLOW = "__overflow__";

	private static final Log logger = LogFactory.getLog(CardinalityLimit.class);

	private final String metric;

	private final String label;

	private final int limit;

	private final CounterDataPoint overflows;

	private final Set<String> seen = ConcurrentHashMap.newKeySet();

	private final AtomicInteger size = new AtomicInteger();

	private final AtomicBoolean warned = new AtomicBoolean();

	CardinalityLimit(String metric, String label, int limit, CounterDataPoint overflows) {
		this.metric = metric;
		this.label = label;
		this.limit = limit;
		this.overflows = overflows;
	}

	/**
	 * The value to record for a label value.
	 * @param value the value derived from the request
	 * @return the value itself while the limit allows it, {@value #OVERFLOW} after
	 */
	public String apply(String value) {
		if (this.seen.contains(value)) {
			return value;
		}
		int current;
		do {
			current = this.size.get();
			if (current >= this.limit) {
				return overflow();
			}
		}
		while (!this.size.compareAndSet(current, current + 1));
		if (!this.seen.add(value)) {
			this.size.decrementAndGet();
		}
		return value;
	}

	private String overflow() {
		this.overflows.inc();
		if (this.warned.compareAndSet(false, true)) {
			logger.warn("Label '" + this.label + "' of metric '" + this.metric + "' reached "
					+ "prometheus.web.cardinality-limit (" + this.limit + " values); further values are recorded as "
					+ OVERFLOW + ". Group by a bounded value (prometheus.web.group-by: url-rule) or raise the limit.");
		}
		return OVERFLOW;
	}

}
