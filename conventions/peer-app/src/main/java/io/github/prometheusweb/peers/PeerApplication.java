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

package io.github.prometheusweb.peers;

import java.io.IOException;
import java.util.concurrent.Callable;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The app whose HTTP metrics are compared, built once with prometheus-web, once with
 * Spring Boot Actuator and once bare for the OpenTelemetry Java agent. Every request but
 * a scrape first waits {@code peer.delay-millis} inside every library's measurement, so
 * that each request lands in the same histogram bucket whichever library measures it.
 *
 * @author prometheus-web authors
 */
@SpringBootApplication
@RestController
public class PeerApplication {

	/**
	 * A handler method with an empty pattern: it serves {@code /}.
	 * @return the body
	 */
	@GetMapping
	public String root() {
		return "root";
	}

	/**
	 * A route without a template.
	 * @return the body
	 */
	@GetMapping("/hello")
	public String hello() {
		return "hello";
	}

	/**
	 * A route with a template.
	 * @param id the item id
	 * @return the body
	 */
	@GetMapping("/items/{id}")
	public String item(@PathVariable String id) {
		return "item " + id;
	}

	/**
	 * Throws an exception that Spring Boot's error handling answers with 500.
	 * @return never
	 */
	@GetMapping("/boom")
	public String boom() {
		throw new IllegalStateException("boom");
	}

	/**
	 * Throws an exception that {@link #conflict} answers.
	 * @return never
	 */
	@GetMapping("/handled")
	public String handled() {
		throw new ConflictException();
	}

	/**
	 * Answers a {@link ConflictException} with 409.
	 * @param ex the exception
	 * @return the answer
	 */
	@ExceptionHandler(ConflictException.class)
	public ResponseEntity<String> conflict(ConflictException ex) {
		return ResponseEntity.status(HttpStatus.CONFLICT).body("conflict");
	}

	/**
	 * Answers with the request's body.
	 * @param body the body
	 * @return the same body
	 */
	@PostMapping("/echo")
	public String echo(@RequestBody String body) {
		return body;
	}

	/**
	 * Redirects to {@code /hello}.
	 * @return the redirect
	 */
	@GetMapping("/redirect")
	public ResponseEntity<Void> redirect() {
		return ResponseEntity.status(HttpStatus.FOUND).header("Location", "/hello").build();
	}

	/**
	 * Answers asynchronously.
	 * @return the answer, computed on another thread
	 */
	@GetMapping("/async")
	public Callable<String> async() {
		return () -> "async";
	}

	/**
	 * The filter that delays every request but a scrape.
	 * @param delayMillis how long to wait
	 * @return the filter, ordered inside the measuring filters of every library
	 */
	@Bean
	FilterRegistrationBean<OncePerRequestFilter> peerDelayFilter(@Value("${peer.delay-millis:0}") long delayMillis) {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
				new OncePerRequestFilter() {
					@Override
					protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
							FilterChain chain) throws ServletException, IOException {
						if (delayMillis > 0 && !request.getRequestURI().contains("metrics")
								&& !request.getRequestURI().startsWith("/actuator")) {
							try {
								Thread.sleep(delayMillis);
							}
							catch (InterruptedException ex) {
								Thread.currentThread().interrupt();
							}
						}
						chain.doFilter(request, response);
					}
				});
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
		return registration;
	}

	/**
	 * Starts the app.
	 * @param args the arguments
	 */
	public static void main(String[] args) {
		SpringApplication.run(PeerApplication.class, args);
	}

	/**
	 * An exception that the app answers itself.
	 */
	static class ConflictException extends RuntimeException {

		private static final long serialVersionUID = 1L;

	}

}
