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

import java.util.concurrent.Callable;

import io.github.prometheusweb.annotation.Label;
import io.github.prometheusweb.annotation.PrometheusCounter;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Asynchronous handlers with custom metrics whose labels read the response.
 */
@RestController
public class AsyncCustomMetricsController {

	@GetMapping("/async/accepted")
	@PrometheusCounter(name = "async_calls", help = "Asynchronous calls by status",
			labels = @Label(name = "code", value = "#{#response.status}"))
	public Callable<ResponseEntity<String>> accepted() {
		return () -> ResponseEntity.status(HttpStatus.ACCEPTED).body("accepted");
	}

}
