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

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;
import org.springframework.web.context.request.async.WebAsyncTask;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

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

	@GetMapping("/async/no-body")
	public DeferredResult<ResponseEntity<Void>> noBody() {
		DeferredResult<ResponseEntity<Void>> result = new DeferredResult<>();
		this.scheduler.schedule(() -> result.setResult(ResponseEntity.accepted().build()), 50, TimeUnit.MILLISECONDS);
		return result;
	}

	@GetMapping("/async/future")
	public CompletableFuture<String> future() {
		return CompletableFuture.supplyAsync(() -> "future",
				CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS));
	}

	@GetMapping("/async/timeout")
	public WebAsyncTask<String> timeout() {
		return new WebAsyncTask<>(300, () -> {
			Thread.sleep(3000);
			return "too late";
		});
	}

	@GetMapping("/async/sse")
	public SseEmitter sse() {
		SseEmitter emitter = new SseEmitter(5000L);
		for (int i = 1; i <= 3; i++) {
			int event = i;
			this.scheduler.schedule(() -> {
				try {
					emitter.send("event " + event);
					if (event == 3) {
						emitter.complete();
					}
				}
				catch (java.io.IOException ex) {
					emitter.completeWithError(ex);
				}
			}, 70L * i, TimeUnit.MILLISECONDS);
		}
		return emitter;
	}

	/**
	 * Server-sent events every 20 ms until a send fails, as it does once the client has
	 * gone; then it stops, and leaves the error to the container, as the Javadoc of
	 * {@code ResponseBodyEmitter.send} advises.
	 * @return the emitter
	 */
	@GetMapping("/async/ticks")
	public SseEmitter ticks() {
		SseEmitter emitter = new SseEmitter(60_000L);
		tick(emitter);
		return emitter;
	}

	private void tick(SseEmitter emitter) {
		this.scheduler.schedule(() -> {
			try {
				emitter.send("tick");
				tick(emitter);
			}
			catch (java.io.IOException ex) {
				// The client has gone: Spring MVC hears of it from the container.
			}
		}, 20, TimeUnit.MILLISECONDS);
	}

	@GetMapping("/async/stream")
	public StreamingResponseBody stream() {
		return (out) -> {
			for (int i = 0; i < 4; i++) {
				out.write(("chunk " + i + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
				out.flush();
				try {
					Thread.sleep(50);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		};
	}

}
