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

package io.github.prometheusweb.server;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link RequestHead}.
 *
 * @author prometheus-web authors
 */
class RequestHeadTests {

	@Test
	void endIsAfterTheEmptyLine() {
		assertThat(end("GET / HTTP/1.1\r\nHost: a\r\n\r\nrest")).isEqualTo(27);
		assertThat(end("GET / HTTP/1.1\nHost: a\n\nrest")).isEqualTo(24);
		assertThat(end("GET / HTTP/1.1\r\nHost: a\r\n")).isEqualTo(-1);
		assertThat(end("GET / HTTP/1.1\r\nHost: a\r\n\r")).isEqualTo(-1);
	}

	@Test
	void endIsFoundWhenTheEmptyLineArrivesInPieces() {
		byte[] bytes = "GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
		assertThat(RequestHead.end(bytes, 0, 17)).isEqualTo(-1);
		assertThat(RequestHead.end(bytes, 17 - 2, 18)).isEqualTo(18);
	}

	@Test
	void requestLineAndHeadersAreParsed() {
		RequestHead head = parse("GET /metrics?name%5B%5D=a&debug=text HTTP/1.1\r\nAccept: text/plain\r\n"
				+ "accept-encoding:gzip \r\nX-Twice: 1\r\nx-twice: 2\r\n\r\n");
		assertThat(head.method()).isEqualTo("GET");
		assertThat(head.path()).isEqualTo("/metrics");
		assertThat(head.rawQuery()).isEqualTo("name%5B%5D=a&debug=text");
		assertThat(head.header("ACCEPT")).isEqualTo("text/plain");
		assertThat(head.header("Accept-Encoding")).isEqualTo("gzip");
		assertThat(head.headers("X-Twice")).containsExactly("1", "2");
		assertThat(head.header("Authorization")).isNull();
		assertThat(head.headers("Authorization")).isEmpty();
	}

	@Test
	void targetWithoutQueryHasNone() {
		RequestHead head = parse("HEAD /metrics HTTP/1.0\r\n\r\n");
		assertThat(head.method()).isEqualTo("HEAD");
		assertThat(head.path()).isEqualTo("/metrics");
		assertThat(head.rawQuery()).isNull();
		assertThat(head.headers()).isEmpty();
	}

	@Test
	void absoluteTargetKeepsPathAndQuery() {
		RequestHead head = parse("GET http://127.0.0.1:9464/metrics?debug=text HTTP/1.1\r\n\r\n");
		assertThat(head.path()).isEqualTo("/metrics");
		assertThat(head.rawQuery()).isEqualTo("debug=text");
		assertThat(parse("GET http://127.0.0.1:9464 HTTP/1.1\r\n\r\n").path()).isEqualTo("/");
	}

	@Test
	void invalidHeadsAreRejected() {
		for (String head : List.of("GARBAGE\r\n\r\n", "GET /metrics\r\n\r\n", "GET /metrics HTTP/2.0\r\n\r\n",
				"GET  /metrics HTTP/1.1\r\n\r\n", "GET metrics HTTP/1.1\r\n\r\n", "G(T /metrics HTTP/1.1\r\n\r\n",
				"GET /met\u0001rics HTTP/1.1\r\n\r\n", "GET /m\u00e9trics HTTP/1.1\r\n\r\n",
				"GET /metrics HTTP/1.1\r\nno colon\r\n\r\n", "GET /metrics HTTP/1.1\r\n: empty name\r\n\r\n",
				"GET /metrics HTTP/1.1\r\nBad Name: a\r\n\r\n", "GET /metrics HTTP/1.1\r\nA: b\r\n folded\r\n\r\n")) {
			assertThatIllegalArgumentException().as(head).isThrownBy(() -> parse(head));
		}
	}

	private static int end(String text) {
		byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
		return RequestHead.end(bytes, 0, bytes.length);
	}

	private static RequestHead parse(String text) {
		byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
		return RequestHead.parse(bytes, bytes.length);
	}

}
