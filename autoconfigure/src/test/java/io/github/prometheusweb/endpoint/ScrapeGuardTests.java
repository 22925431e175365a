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

package io.github.prometheusweb.endpoint;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.github.prometheusweb.endpoint.ScrapeGuard.Rejection;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ScrapeGuard}: what a scrape must pass before client_java answers it.
 */
class ScrapeGuardTests {

	private final ScrapeGuard open = new ScrapeGuard(ScrapeAuthentication.of(null, null));

	private final ScrapeGuard protectedGuard = new ScrapeGuard(ScrapeAuthentication.of("prometheus", "secret"));

	@Test
	void aWellFormedScrapePasses() {
		assertThat(this.open.check(null, null)).isNull();
		assertThat(this.open.check(null, "")).isNull();
		assertThat(this.open.check(null, "name%5B%5D=up&name[]=x&debug=text")).isNull();
		assertThat(this.open.check(null, "debug=openmetrics")).isNull();
		assertThat(this.open.check(null, "debug=prometheus-protobuf")).isNull();
		assertThat(this.open.check(null, "unknown=1&flag")).isNull();
	}

	@Test
	void aScrapeWithoutTheCredentialsIsUnauthorizedWithAChallenge() {
		Rejection rejection = this.protectedGuard.check(null, null);
		assertThat(rejection.status()).isEqualTo(401);
		assertThat(rejection.challenge()).isEqualTo("Basic realm=\"metrics\"");
		assertThat(this.protectedGuard.check(basic("prometheus", "wrong"), null).status()).isEqualTo(401);
		assertThat(this.protectedGuard.check(basic("prometheus", "secret"), null)).isNull();
	}

	@Test
	void anUnknownDebugValueIsABadRequest() {
		for (String query : new String[] { "debug=foo", "debug=", "debug", "name[]=x&debug=TEXT" }) {
			Rejection rejection = this.open.check(null, query);
			assertThat(rejection).as(query).isNotNull();
			assertThat(rejection.status()).isEqualTo(400);
			assertThat(rejection.body())
				.isEqualTo("Unsupported debug value: use openmetrics, text or prometheus-protobuf\n");
			assertThat(rejection.challenge()).isNull();
		}
	}

	@Test
	void aMalformedPercentEscapeIsABadRequest() {
		for (String query : new String[] { "name[]=%zz", "%", "a=%E", "debug=te%xt" }) {
			Rejection rejection = this.open.check(null, query);
			assertThat(rejection).as(query).isNotNull();
			assertThat(rejection.status()).isEqualTo(400);
			assertThat(rejection.body()).isEqualTo("Invalid query parameters\n");
		}
	}

	@Test
	void credentialsAreCheckedBeforeTheQuery() {
		assertThat(this.protectedGuard.check(null, "debug=foo").status()).isEqualTo(401);
	}

	private static String basic(String username, String password) {
		return "Basic "
				+ Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

}
