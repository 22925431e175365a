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

package io.github.prometheusweb.benchmarks;

import io.github.prometheusweb.annotation.Label;
import io.github.prometheusweb.annotation.PrometheusCounter;
import io.github.prometheusweb.annotation.PrometheusHistogram;

/**
 * The handler of the benchmarked request with custom-metric annotations: a histogram with
 * a literal label and a counter with a label read from the response.
 *
 * @author prometheus-web authors
 */
public class AnnotatedItemsController extends ItemsController {

	@Override
	@PrometheusHistogram(name = "items_lookup_seconds", help = "Item lookups",
			labels = @Label(name = "source", value = "catalogue"))
	@PrometheusCounter(name = "items_served", help = "Items served by status",
			labels = @Label(name = "code", value = "#{#response.status}"))
	public String item(String id) {
		return id;
	}

}
