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

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link ScrapeAuthentication}.
 *
 * @author prometheus-web authors
 */
class ScrapeAuthenticationTests {

	private final ScrapeAuthentication authentication = ScrapeAuthentication.of("prometheus", "pa:ss wörd");

	@Test
	void acceptsTheCredentials() {
		assertThat(this.authentication.allows(basic("prometheus", "pa:ss wörd"))).isTrue();
		assertThat(this.authentication.allows("basic " + encode("prometheus:pa:ss wörd"))).isTrue();
	}

	@Test
	void rejectsAnythingElse() {
		assertThat(this.authentication.allows(null)).isFalse();
		assertThat(this.authentication.allows("")).isFalse();
		assertThat(this.authentication.allows("Basic")).isFalse();
		assertThat(this.authentication.allows("Basic %%%")).isFalse();
		assertThat(this.authentication.allows("Basic " + encode("prometheus"))).isFalse();
		assertThat(this.authentication.allows(basic("prometheus", "pa:ss w"))).isFalse();
		assertThat(this.authentication.allows(basic("Prometheus", "pa:ss wörd"))).isFalse();
		assertThat(this.authentication.allows(basic("", ""))).isFalse();
		assertThat(this.authentication.allows("Bearer " + encode("prometheus:pa:ss wörd"))).isFalse();
	}

	@Test
	void noCredentialsAllowEveryone() {
		ScrapeAuthentication none = ScrapeAuthentication.of(null, null);
		assertThat(none.isRequired()).isFalse();
		assertThat(none.allows(null)).isTrue();
	}

	@Test
	void oneOfTheTwoIsAnError() {
		assertThatIllegalArgumentException().isThrownBy(() -> ScrapeAuthentication.of(null, "hidden-value"))
			.withMessage("Set both the user name and the password, or neither");
		assertThatIllegalArgumentException().isThrownBy(() -> ScrapeAuthentication.of("prometheus", null));
	}

	@Test
	void credentialsStayOutOfToString() {
		assertThat(ScrapeAuthentication.of("prometheus", "hidden-value"))
			.hasToString("basic authentication (credentials hidden)");
		assertThat(ScrapeAuthentication.of(null, null)).hasToString("no authentication");
	}

	private static String basic(String username, String password) {
		return "Basic " + encode(username + ":" + password);
	}

	private static String encode(String value) {
		return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
	}

}
