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
import io.github.prometheusweb.annotation.PrometheusSummary;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A class-level annotation applies to every public method, beside the method's own.
 */
@RestController
@PrometheusCounter(name = "catalog_calls", help = "Calls to the catalog",
		labels = @Label(name = "route", value = "#{#handler.routeTemplate}"))
public class ClassLevelController {

	@GetMapping("/catalog/books")
	public String books() {
		return "books";
	}

	@GetMapping("/catalog/music")
	@PrometheusSummary(name = "catalog_music_seconds", help = "Time to list music")
	public String music() {
		return "music";
	}

	@Override
	public String toString() {
		return "catalog";
	}

}
