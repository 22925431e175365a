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
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;

/**
 * Who may scrape the metrics: anyone, or, with
 * {@code prometheus.web.endpoint.basic-auth.username} and {@code .password}, only a
 * request with those HTTP basic credentials. The credentials are compared in constant
 * time (as SHA-256 digests, with {@link MessageDigest#isEqual}) and never logged.
 *
 * @author prometheus-web authors
 */
public final class ScrapeAuthentication {

	/**
	 * The {@code WWW-Authenticate} header value of a rejected scrape.
	 */
	static final String CHALLENGE = "Basic realm=\"metrics\"";

	private static final ScrapeAuthentication NONE = new ScrapeAuthentication(null, null);

	private final byte[] usernameDigest;

	private final byte[] passwordDigest;

	private ScrapeAuthentication(byte[] usernameDigest, byte[] passwordDigest) {
		this.usernameDigest = usernameDigest;
		this.passwordDigest = passwordDigest;
	}

	/**
	 * The authentication of scrapes.
	 * @param username the user name a scrape must present, or {@code null} for none
	 * @param password the password a scrape must present, or {@code null} for none
	 * @return an authentication that asks for both, or lets every scrape through when
	 * neither is set
	 * @throws IllegalArgumentException if only one of them is set
	 */
	public static ScrapeAuthentication of(String username, String password) {
		if ((username == null) != (password == null)) {
			throw new IllegalArgumentException("Set both the user name and the password, or neither");
		}
		return (username != null) ? new ScrapeAuthentication(digest(username), digest(password)) : NONE;
	}

	/**
	 * Whether scrapes must authenticate.
	 * @return {@code true} if credentials are configured
	 */
	public boolean isRequired() {
		return this.usernameDigest != null;
	}

	/**
	 * Whether a scrape with the given {@code Authorization} header may read the metrics.
	 * @param authorization the header value, possibly {@code null}
	 * @return {@code true} if no credentials are configured or the header carries them
	 */
	public boolean allows(String authorization) {
		if (!isRequired()) {
			return true;
		}
		String[] credentials = decode(authorization);
		if (credentials == null) {
			return false;
		}
		boolean username = MessageDigest.isEqual(this.usernameDigest, digest(credentials[0]));
		boolean password = MessageDigest.isEqual(this.passwordDigest, digest(credentials[1]));
		return username & password;
	}

	private static String[] decode(String authorization) {
		if (authorization == null) {
			return null;
		}
		String value = authorization.trim();
		if (value.length() < 6 || !value.substring(0, 6).toLowerCase(Locale.ROOT).equals("basic ")) {
			return null;
		}
		String decoded;
		try {
			decoded = new String(Base64.getDecoder().decode(value.substring(6).trim()), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
		int colon = decoded.indexOf(':');
		return (colon >= 0) ? new String[] { decoded.substring(0, colon), decoded.substring(colon + 1) } : null;
	}

	private static byte[] digest(String value) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

	@Override
	public String toString() {
		return isRequired() ? "basic authentication (credentials hidden)" : "no authentication";
	}

}
