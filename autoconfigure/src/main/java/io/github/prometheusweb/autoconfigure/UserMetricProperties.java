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

import io.github.prometheusweb.custom.CustomMetricType;

/**
 * One user-defined default metric of {@code prometheus.web.metrics}, recorded for every
 * tracked request.
 *
 * @author prometheus-web authors
 */
public class UserMetricProperties {

	/**
	 * Type of the metric: counter (requests), histogram or summary (request duration in
	 * seconds).
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

}
