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

package io.github.prometheusweb.testapp;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

/**
 * Asynchronous handlers whose result arrives 200 ms after the handler returns.
 */
@RestController
public class AsyncController {

	private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

	@GetMapping("/async/callable")
	public Callable<String> callable() {
		return () -> {
			Thread.sleep(200);
			return "callable";
		};
	}

	@GetMapping("/async/callable-boom")
	public Callable<String> callableBoom() {
		return () -> {
			throw new TestController.BoomException();
		};
	}

	@GetMapping("/async/deferred")
	public DeferredResult<String> deferred() {
		DeferredResult<String> result = new DeferredResult<>();
		this.scheduler.schedule(() -> result.setResult("deferred"), 200, TimeUnit.MILLISECONDS);
		return result;
	}

	@GetMapping("/async/future")
	public CompletableFuture<String> future() {
		return CompletableFuture.supplyAsync(() -> "future",
				CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS));
	}

}
