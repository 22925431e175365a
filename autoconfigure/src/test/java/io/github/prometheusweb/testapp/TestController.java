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

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * One route for each outcome of the outcomes table.
 */
@RestController
public class TestController {

	@GetMapping("/test")
	public String test() {
		return "ok";
	}

	@GetMapping("/items/{id}")
	public String item(@PathVariable String id) {
		return "item " + id;
	}

	@GetMapping("/sleep/{millis}")
	public String sleep(@PathVariable long millis) throws InterruptedException {
		Thread.sleep(millis);
		return "slept";
	}

	@GetMapping("/status/{code}")
	public ResponseEntity<String> status(@PathVariable int code) {
		return ResponseEntity.status(code).body("status " + code);
	}

	@GetMapping("/response-status-exception")
	public String responseStatusException() {
		throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "down");
	}

	@GetMapping("/annotated-exception")
	public String annotatedException() {
		throw new TeapotException();
	}

	@GetMapping("/handled")
	public String handled() {
		throw new HandledException();
	}

	@GetMapping("/boom")
	public String boom() {
		throw new BoomException();
	}

	@PostMapping("/post-only")
	public String postOnly() {
		return "posted";
	}

	@GetMapping(path = "/json", produces = MediaType.APPLICATION_JSON_VALUE)
	public String json() {
		return "{}";
	}

	@PostMapping(path = "/consumes-json", consumes = MediaType.APPLICATION_JSON_VALUE)
	public String consumesJson(@RequestBody String body) {
		return body;
	}

	@PostMapping("/echo")
	public String echo(@RequestBody String body) {
		return body;
	}

	@GetMapping("/redirect")
	public ResponseEntity<Void> redirect() {
		return ResponseEntity.status(HttpStatus.FOUND).header("Location", "/test").build();
	}

	/**
	 * Writes a line every 20 ms for up to 10 seconds, so that a client can hang up in the
	 * middle of the response.
	 * @param response the response
	 * @throws java.io.IOException when the client has gone
	 * @throws InterruptedException if interrupted
	 */
	@GetMapping("/slow-stream")
	public void slowStream(jakarta.servlet.http.HttpServletResponse response)
			throws java.io.IOException, InterruptedException {
		response.setContentType("text/plain");
		for (int i = 0; i < 500; i++) {
			response.getOutputStream().write(("line " + i + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
			response.flushBuffer();
			Thread.sleep(20);
		}
	}

	@GetMapping("/needs-param")
	public String needsParam(@RequestParam String name) {
		return name;
	}

	@GetMapping({ "/excluded", "/excluded/{id}", "/x/excluded", "/exc/one", "/exc/two", "/exc/three" })
	public String excluded() {
		return "excluded";
	}

	@ExceptionHandler(HandledException.class)
	public ResponseEntity<String> handle(HandledException ex) {
		return ResponseEntity.badRequest().header("X-Original", "409").body("handled");
	}

	static class BoomException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		BoomException() {
			super("boom");
		}

	}

	static class HandledException extends RuntimeException {

		private static final long serialVersionUID = 1L;

	}

	@ResponseStatus(HttpStatus.CONFLICT)
	static class TeapotException extends RuntimeException {

		private static final long serialVersionUID = 1L;

	}

}
