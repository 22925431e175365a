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

package io.github.prometheusweb.servlet;

import jakarta.servlet.ServletException;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.server.ResponseStatusException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CountedException}: which exception a request counts.
 */
class CountedExceptionTests {

	private final IllegalStateException boom = new IllegalStateException("boom");

	@Test
	void exceptionThatReachedTheFilterCountsAsTheHandlerThrewIt() {
		ServletException wrapped = new ServletException("Request processing failed", this.boom);
		assertThat(CountedException.of(wrapped, this.boom, this.boom, 500, false)).isSameAs(this.boom);
	}

	@Test
	void exceptionThatReachedTheFilterWithoutAHandlerCountsAsItsRootCause() {
		ServletException wrapped = new ServletException("Filter failed", this.boom);
		assertThat(CountedException.of(wrapped, null, null, 500, false)).isSameAs(this.boom);
		assertThat(CountedException.of(this.boom, null, null, 500, false)).isSameAs(this.boom);
	}

	@Test
	void exceptionThatEndedAnAsynchronousRequestWithA5xxCounts() {
		assertThat(CountedException.of(null, this.boom, this.boom, 500, false)).isSameAs(this.boom);
	}

	@Test
	void exceptionThatALaterFilterTurnedIntoAnotherAnswerCountsOnlyAsHandled() {
		assertThat(CountedException.of(null, this.boom, this.boom, 403, false)).isNull();
		assertThat(CountedException.of(null, this.boom, this.boom, 403, true)).isSameAs(this.boom);
	}

	@Test
	void exceptionResolvedByAnExceptionHandlerCountsOnlyWhenAskedTo() {
		assertThat(CountedException.of(null, null, this.boom, 400, false)).isNull();
		assertThat(CountedException.of(null, null, this.boom, 400, true)).isSameAs(this.boom);
	}

	@Test
	void exceptionThatCarriesItsOwnStatusNeverCountsAsHandled() {
		assertThat(CountedException.of(null, null, new ResponseStatusException(HttpStatus.CONFLICT), 409, true))
			.isNull();
		assertThat(CountedException.of(null, null, new Conflict(), 409, true)).isNull();
	}

	@Test
	void requestWithoutExceptionCountsNone() {
		assertThat(CountedException.of(null, null, null, 500, true)).isNull();
	}

	@ResponseStatus(HttpStatus.CONFLICT)
	static class Conflict extends RuntimeException {

		private static final long serialVersionUID = 1L;

	}

}
