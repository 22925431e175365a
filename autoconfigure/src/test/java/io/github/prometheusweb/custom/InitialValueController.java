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
package io.github.prometheusweb.custom;

import io.github.prometheusweb.annotation.Label;
import io.github.prometheusweb.annotation.PrometheusCounter;
import io.github.prometheusweb.annotation.PrometheusGauge;
import io.github.prometheusweb.annotation.PrometheusHistogram;
import io.github.prometheusweb.annotation.PrometheusSummary;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The four cases of the Flask exporter's test_metric_initialization, for each of the four
 * types: no labels, only literal labels, only literal labels without initialisation, an
 * expression label.
 */
@RestController
public class InitialValueController {

	@GetMapping("/init/counter")
	@PrometheusCounter(name = "counter_no_labels", help = "No labels")
	@PrometheusCounter(name = "counter_static", help = "Static labels",
			labels = @Label(name = "label_name", value = "label_value"))
	@PrometheusCounter(name = "counter_static_no_init", help = "Static labels, no initial value",
			labels = @Label(name = "label_name", value = "label_value"), initialize = false)
	@PrometheusCounter(name = "counter_expression", help = "Expression label",
			labels = @Label(name = "label_name", value = "#{#request.method}"))
	public String counter() {
		return "OK";
	}

	@GetMapping("/init/gauge")
	@PrometheusGauge(name = "gauge_no_labels", help = "No labels")
	@PrometheusGauge(name = "gauge_static", help = "Static labels",
			labels = @Label(name = "label_name", value = "label_value"))
	@PrometheusGauge(name = "gauge_static_no_init", help = "Static labels, no initial value",
			labels = @Label(name = "label_name", value = "label_value"), initialize = false)
	@PrometheusGauge(name = "gauge_expression", help = "Expression label",
			labels = @Label(name = "label_name", value = "#{#request.method}"))
	public String gauge() {
		return "OK";
	}

	@GetMapping("/init/histogram")
	@PrometheusHistogram(name = "histogram_no_labels", help = "No labels")
	@PrometheusHistogram(name = "histogram_static", help = "Static labels",
			labels = @Label(name = "label_name", value = "label_value"))
	@PrometheusHistogram(name = "histogram_static_no_init", help = "Static labels, no initial value",
			labels = @Label(name = "label_name", value = "label_value"), initialize = false)
	@PrometheusHistogram(name = "histogram_expression", help = "Expression label",
			labels = @Label(name = "label_name", value = "#{#request.method}"))
	public String histogram() {
		return "OK";
	}

	@GetMapping("/init/summary")
	@PrometheusSummary(name = "summary_no_labels", help = "No labels")
	@PrometheusSummary(name = "summary_static", help = "Static labels",
			labels = @Label(name = "label_name", value = "label_value"))
	@PrometheusSummary(name = "summary_static_no_init", help = "Static labels, no initial value",
			labels = @Label(name = "label_name", value = "label_value"), initialize = false)
	@PrometheusSummary(name = "summary_expression", help = "Expression label",
			labels = @Label(name = "label_name", value = "#{#request.method}"))
	public String summary() {
		return "OK";
	}

}
