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

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

import io.github.prometheusweb.grouping.GroupBy;
import io.github.prometheusweb.labels.CardinalityLimits;
import io.github.prometheusweb.labels.DefaultLabels;
import io.github.prometheusweb.metrics.CompletedRequest;
import io.github.prometheusweb.metrics.HandlerMethodCall;
import io.github.prometheusweb.metrics.RequestRecorder;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The request path without a container: when a request is recorded (just before the
 * client can have the whole response, at the latest when the filter chain returns), what
 * it is recorded with, and that it is recorded once.
 */
class RequestMetricsFilterTests {

	private final MockHttpServletResponse response = new MockHttpServletResponse();

	private final List<Recorded> recorded = new ArrayList<>();

	private final List<Recorded> handlerCalls = new ArrayList<>();

	@Test
	void aBodyWithAContentLengthIsRecordedJustBeforeItsLastBytes() throws Exception {
		run(request("GET", "/items/1"), (request, response) -> {
			response.setContentLength(10);
			response.getOutputStream().write(bytes("hello"));
			assertThat(this.recorded).isEmpty();
			response.getOutputStream().write(bytes("world"));
			assertThat(this.recorded).hasSize(1);
		});
		assertThat(this.recorded).singleElement().satisfies((recorded) -> {
			assertThat(recorded.bodySentBefore()).as("all but the last byte").isEqualTo("helloworl");
			assertThat(recorded.status()).isEqualTo(200);
			assertThat(recorded.method()).isEqualTo("GET");
			assertThat(recorded.durationNanos()).isPositive();
		});
		assertThat(this.response.getContentAsString()).isEqualTo("helloworld");
	}

	@Test
	void aBodyWrittenInOneWriteIsRecordedBeforeItsLastByte() throws Exception {
		run(request("GET", "/items/1"), (request, response) -> {
			response.setContentLength(5);
			response.getOutputStream().write(bytes("whole"));
		});
		assertThat(this.recorded).singleElement()
			.satisfies((recorded) -> assertThat(recorded.bodySentBefore()).isEqualTo("whol"));
		assertThat(this.response.getContentAsString()).isEqualTo("whole");
	}

	@Test
	void aWriteBeyondTheContentLengthIsRecordedOnceAndPassedOnWhole() throws Exception {
		byte[] large = new byte[100_000];
		run(request("GET", "/items/1"), (request, response) -> {
			response.setContentLength(10);
			response.getOutputStream().write(large);
			response.getOutputStream().write(large, 0, 10);
		});
		assertThat(this.recorded).singleElement()
			.satisfies((recorded) -> assertThat(recorded.bodySentBefore()).hasSize(9));
		assertThat(this.response.getContentAsByteArray()).hasSize(100_010);
	}

	@Test
	void theWriterHoldsBackTheLastCharacterWholeEvenASurrogatePair() throws Exception {
		run(request("GET", "/items/1"), (request, response) -> {
			response.setCharacterEncoding("UTF-8");
			response.setContentLength(5);
			response.getWriter().write("a\uD83D\uDE00");
			response.getWriter().flush();
		});
		assertThat(this.recorded).singleElement()
			.satisfies((recorded) -> assertThat(recorded.bodySentBefore()).isEqualTo("a"));
		assertThat(this.response.getContentAsString()).isEqualTo("a\uD83D\uDE00");
	}

	@Test
	void theWriterReportsTheErrorsOfTheContainersWriter() throws Exception {
		MockHttpServletResponse container = new MockHttpServletResponse() {

			private final PrintWriter broken = new PrintWriter(new java.io.Writer() {

				@Override
				public void write(char[] chars, int offset, int length) throws IOException {
					throw new IOException("client gone");
				}

				@Override
				public void flush() {
				}

				@Override
				public void close() {
				}

			});

			@Override
			public PrintWriter getWriter() {
				return this.broken;
			}

		};
		filter(true).doFilter(request("GET", "/stream"), container, (req, res) -> {
			res.getWriter().write("data");
			assertThat(res.getWriter().checkError()).isTrue();
		});
	}

	@Test
	void aResetForgetsTheWriterAndItsCharset() throws Exception {
		run(request("GET", "/items/1"), (request, response) -> {
			response.getWriter().write("draft");
			response.reset();
			response.setCharacterEncoding("UTF-16BE");
			response.setContentLength(4);
			response.getWriter().write("o");
			assertThat(this.recorded).isEmpty();
			response.getWriter().write("k");
			assertThat(this.recorded).hasSize(1);
		});
	}

	@Test
	void aContentLengthHeaderCountsAsMuchAsTheContentLength() throws Exception {
		run(request("GET", "/items/1"), (request, response) -> {
			response.addHeader("content-length", "2");
			response.getOutputStream().write(bytes("o"));
			assertThat(this.recorded).isEmpty();
			response.getOutputStream().write(bytes("k"));
			assertThat(this.recorded).hasSize(1);
		});
	}

	@Test
	void theWriterCountsEncodedBytesAgainstTheContentLength() throws Exception {
		run(request("GET", "/items/1"), (request, response) -> {
			response.setCharacterEncoding("UTF-8");
			response.setContentLength(4);
			response.getWriter().write("é");
			assertThat(this.recorded).isEmpty();
			response.getWriter().write("ab");
			assertThat(this.recorded).hasSize(1);
		});
	}

	@Test
	void theAnswerToAHeadRequestIsRecordedJustBeforeItIsFlushed() throws Exception {
		run(request("HEAD", "/items/1"), (request, response) -> {
			response.flushBuffer();
			assertThat(this.recorded).hasSize(1);
		});
		assertThat(this.recorded).singleElement()
			.satisfies((recorded) -> assertThat(recorded.committedBefore()).isFalse());
	}

	@Test
	void aStatusWithoutABodyIsRecordedJustBeforeItIsFlushed() throws Exception {
		run(request("GET", "/items/1"), (request, response) -> {
			response.setStatus(204);
			response.flushBuffer();
			assertThat(this.recorded).hasSize(1);
		});
		assertThat(this.recorded).singleElement().satisfies((recorded) -> {
			assertThat(recorded.committedBefore()).isFalse();
			assertThat(recorded.status()).isEqualTo(204);
		});
	}

	@Test
	void aBodyOfUnknownLengthIsRecordedWhenTheFilterChainReturns() throws Exception {
		run(request("GET", "/stream"), (request, response) -> {
			response.getOutputStream().write(bytes("chunk"));
			response.getOutputStream().flush();
			response.flushBuffer();
			assertThat(this.recorded).isEmpty();
		});
		assertThat(this.recorded).singleElement()
			.satisfies((recorded) -> assertThat(recorded.bodySentBefore()).isEqualTo("chunk"));
	}

	@Test
	void closingTheBodyCompletesTheResponse() throws Exception {
		run(request("GET", "/stream"), (request, response) -> {
			response.getWriter().write("all of it");
			response.getWriter().close();
			assertThat(this.recorded).hasSize(1);
		});
	}

	@Test
	void aResetBufferForgetsTheBytesWrittenSoFar() throws Exception {
		run(request("GET", "/items/1"), (request, response) -> {
			response.getOutputStream().write(bytes("draft"));
			response.resetBuffer();
			response.setContentLength(2);
			response.getOutputStream().write(bytes("o"));
			assertThat(this.recorded).isEmpty();
			response.getOutputStream().write(bytes("k"));
			assertThat(this.recorded).hasSize(1);
		});
	}

	@Test
	void aRequestIsRecordedOnceWhateverCompletesIt() throws Exception {
		run(request("GET", "/items/1"), (request, response) -> {
			response.setContentLength(2);
			response.getOutputStream().write(bytes("ok"));
			response.flushBuffer();
			response.getOutputStream().close();
		});
		assertThat(this.recorded).hasSize(1);
	}

	@Test
	void anExceptionThatEscapesAnUncommittedResponseIsA500() {
		RuntimeException boom = new IllegalStateException("boom");
		assertThatIllegalStateException().isThrownBy(() -> run(request("GET", "/boom"), (request, response) -> {
			throw boom;
		}));
		assertThat(this.recorded).singleElement().satisfies((recorded) -> {
			assertThat(recorded.status()).isEqualTo(500);
			assertThat(recorded.exception()).isSameAs(boom);
		});
	}

	@Test
	void anExceptionThatEscapesACommittedResponseKeepsItsStatus() {
		RuntimeException boom = new IllegalStateException("boom");
		assertThatIllegalStateException().isThrownBy(() -> run(request("GET", "/boom"), (request, response) -> {
			response.setStatus(202);
			response.getOutputStream().write(bytes("partial"));
			response.flushBuffer();
			throw boom;
		}));
		assertThat(this.recorded).singleElement().satisfies((recorded) -> {
			assertThat(recorded.status()).isEqualTo(202);
			assertThat(recorded.exception()).isSameAs(boom);
		});
	}

	@Test
	void theObservationTakesNoWritesOnceComplete() throws Exception {
		HandlerObservationInterceptor interceptor = new HandlerObservationInterceptor();
		run(request("GET", "/items/1"), (request, response) -> {
			response.setContentLength(2);
			response.getOutputStream().write(bytes("ok"));
			interceptor.resolveException(request, response, null, new IllegalStateException("too late"));
			interceptor.afterCompletion(request, response, null, new IllegalStateException("too late"));
		});
		assertThat(this.recorded).singleElement().satisfies((recorded) -> {
			assertThat(recorded.status()).isEqualTo(200);
			assertThat(recorded.exception()).isNull();
		});
	}

	@Test
	void anExcludedPathRecordsNothingAndSaysSoToTheAnnotationMetrics() throws Exception {
		RequestMetricsFilter filter = filter(true);
		MockHttpServletRequest request = request("GET", "/health/live");
		filter.doFilter(request, this.response, (req, res) -> {
			assertThat(RequestObservation.of(req, res).recordsAnnotationMetrics()).isFalse();
			assertThat(res).isSameAs(this.response);
		});
		assertThat(this.recorded).isEmpty();
	}

	@Test
	void anExcludedPathRecordsTheUserDefinedMetricsWhenAskedTo() throws Exception {
		RequestMetricsFilter filter = filter(false);
		filter.doFilter(request("GET", "/health/live"), this.response,
				(req, res) -> assertThat(RequestObservation.of(req, res).recordsAnnotationMetrics()).isTrue());
		assertThat(this.recorded).hasSize(1);
	}

	@Test
	void theHandlerCallIsRecordedWithTheRequestOnce() throws Exception {
		Method method = Object.class.getMethod("toString");
		HandlerMethodCall call = new Call(method, Object.class, new Object[0], "result", null, 5);
		AtomicReference<RequestObservation> observation = new AtomicReference<>();
		run(request("GET", "/items/1"), (request, response) -> {
			observation.set(RequestObservation.of(request, response));
			assertThat(observation.get().deferHandlerCall(call)).isTrue();
			assertThat(observation.get().deferHandlerCall(call)).as("a second call").isFalse();
			response.setStatus(201);
		});
		assertThat(this.handlerCalls).singleElement().satisfies((recorded) -> {
			assertThat(recorded.handlerCall()).isSameAs(call);
			assertThat(recorded.status()).isEqualTo(201);
		});
		assertThat(observation.get().deferHandlerCall(call)).as("after completion").isFalse();
	}

	@Test
	void anAsynchronousDispatchWithTheContainersOwnResponseCompletesTheRequestOnce() throws Exception {
		RequestMetricsFilter filter = filter(true);
		MockHttpServletRequest request = request("GET", "/items/1");
		request.setAsyncSupported(true);
		filter.doFilter(request, this.response, (req, res) -> req.startAsync());
		assertThat(this.recorded).as("while asynchronous").isEmpty();
		request.setAsyncStarted(false);
		request.setDispatcherType(DispatcherType.ASYNC);
		filter.doFilter(request, this.response, (req, res) -> ((HttpServletResponse) res).setStatus(202));
		assertThat(this.recorded).singleElement().satisfies((recorded) -> assertThat(recorded.status()).isEqualTo(202));
		request.getAsyncContext().complete();
		assertThat(this.recorded).as("after the container completes it").hasSize(1);
	}

	@Test
	void anAsynchronousResponseWhoseWriteFailsIsRecordedThenAndOnce() throws Exception {
		MockHttpServletResponse clientGone = new MockHttpServletResponse() {

			@Override
			public ServletOutputStream getOutputStream() {
				return new ServletOutputStream() {

					@Override
					public void write(int b) throws IOException {
						throw new IOException("client gone");
					}

					@Override
					public boolean isReady() {
						return true;
					}

					@Override
					public void setWriteListener(WriteListener listener) {
					}

				};
			}

		};
		MockHttpServletRequest request = request("GET", "/events");
		request.setAsyncSupported(true);
		AtomicReference<HttpServletResponse> application = new AtomicReference<>();
		filter(true).doFilter(request, clientGone, (req, res) -> {
			req.startAsync();
			application.set((HttpServletResponse) res);
		});
		assertThat(this.recorded).as("while asynchronous").isEmpty();
		assertThatIOException().isThrownBy(() -> application.get().getOutputStream().write(bytes("data:tick\n\n")));
		assertThat(this.recorded).as("when the write fails")
			.singleElement()
			.satisfies((recorded) -> assertThat(recorded.status()).isEqualTo(200));
		request.getAsyncContext().complete();
		assertThat(this.recorded).as("after the container completes it").hasSize(1);
	}

	@Test
	void aFilterThatSeesAnObservedResponseLetsItPass() throws Exception {
		RequestMetricsFilter filter = filter(true);
		filter.doFilter(request("GET", "/items/1"), this.response,
				(req, res) -> filter.doFilter(req, res, (innerReq, innerRes) -> {
					assertThat(innerRes).isSameAs(res);
					((HttpServletResponse) innerRes).setStatus(204);
				}));
		assertThat(this.recorded).singleElement().satisfies((recorded) -> assertThat(recorded.status()).isEqualTo(204));
	}

	@Test
	void aResponseWrappedByAnotherFilterLeadsToTheSameObservation() throws Exception {
		run(request("GET", "/items/1"), (request, response) -> {
			RequestObservation observation = RequestObservation.of(request, response);
			assertThat(observation).isNotNull();
			assertThat(RequestObservation.of(request, new HttpServletResponseWrapper(response))).isSameAs(observation);
		});
	}

	private void run(MockHttpServletRequest request, Chain chain) throws IOException, ServletException {
		FilterChain filterChain = (req, res) -> chain.doFilter((HttpServletRequest) req, (HttpServletResponse) res);
		filter(true).doFilter(request, this.response, filterChain);
	}

	private RequestMetricsFilter filter(boolean excludeUserDefaults) {
		DefaultLabels noLabels = DefaultLabels.of(Map.of(), List.of(), Set.of(),
				new CardinalityLimits("", 10, new PrometheusRegistry()));
		ObservationSettings settings = new ObservationSettings(List.of(Pattern.compile("/health")), excludeUserDefaults,
				false, false, GroupBy.URL_RULE.strategy(), noLabels);
		return new RequestMetricsFilter(settings, null, List.of(recorder(this.recorded)), recorder(this.handlerCalls));
	}

	private RequestRecorder recorder(List<Recorded> into) {
		return (request) -> into.add(new Recorded(request, this.response));
	}

	private static MockHttpServletRequest request(String method, String uri) {
		return new MockHttpServletRequest(method, uri);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * What a recorder saw, and what the container had of the response at that moment.
	 */
	private record Recorded(int status, String method, Throwable exception, long durationNanos,
			HandlerMethodCall handlerCall, String bodySentBefore, boolean committedBefore) {

		Recorded(CompletedRequest request, MockHttpServletResponse container) {
			this(request.status(), request.method(), request.exception(), request.durationNanos(),
					request.handlerCall(), body(container), container.isCommitted());
		}

		private static String body(MockHttpServletResponse container) {
			try {
				return container.getContentAsString();
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

	private record Call(Method method, Class<?> targetClass, Object[] arguments, Object result, Throwable exception,
			long durationNanos) implements HandlerMethodCall {

	}

	@FunctionalInterface
	private interface Chain {

		void doFilter(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException;

	}

}
