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

import java.util.concurrent.ThreadLocalRandom;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Routes with random latencies and failures, to give the dashboards something to show.
 *
 * @author prometheus-web authors
 */
@RestController
public class SignalsController {

	@GetMapping("/one")
	public String one() throws InterruptedException {
		return sleepUpTo(200);
	}

	@GetMapping("/two")
	public String two() throws InterruptedException {
		return sleepUpTo(400);
	}

	@GetMapping("/three")
	public String three() throws InterruptedException {
		return sleepUpTo(600);
	}

	@GetMapping("/four")
	public String four() throws InterruptedException {
		return sleepUpTo(800);
	}

	/**
	 * Answers 500, like the demo's {@code /error} route ({@code /error} is Spring Boot's
	 * error page).
	 * @return a 500 response
	 */
	@GetMapping("/fail")
	public ResponseEntity<String> fail() {
		return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(":(\n");
	}

	/**
	 * Throws an exception that no handler resolves: a 500 and one count in the exceptions
	 * metric.
	 * @return never
	 */
	@GetMapping("/crash")
	public String crash() {
		throw new IllegalStateException("the sample app crashed on purpose");
	}

	@GetMapping("/items/{id}")
	public String item(@PathVariable String id) {
		return "item " + id + "\n";
	}

	private static String sleepUpTo(int maxMillis) throws InterruptedException {
		long millis = ThreadLocalRandom.current().nextLong(maxMillis + 1);
		Thread.sleep(millis);
		return "slept " + millis + " ms\n";
	}

}
