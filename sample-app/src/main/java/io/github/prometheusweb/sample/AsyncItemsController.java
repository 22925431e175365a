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

package io.github.prometheusweb.sample;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

/**
 * An asynchronous route: the answer is set up to 20 ms later on another thread, and the
 * request is recorded when it completes.
 */
@RestController
public class AsyncItemsController {

	private final ScheduledExecutorService answers;

	public AsyncItemsController(ScheduledExecutorService answers) {
		this.answers = answers;
	}

	/**
	 * Answers {@code item <id>} asynchronously:
	 * {@code spring_http_request_duration_seconds_count{url_rule="/async/items/{id}"}}.
	 * @param id the item id
	 * @return the result, set later
	 */
	@GetMapping("/async/items/{id}")
	public DeferredResult<String> item(@PathVariable String id) {
		DeferredResult<String> result = new DeferredResult<>();
		this.answers.schedule(() -> result.setResult("item " + id + "\n"), ThreadLocalRandom.current().nextLong(21),
				TimeUnit.MILLISECONDS);
		return result;
	}

}
