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

package io.github.prometheusweb.autoconfigure;

import java.util.Locale;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

/**
 * Hides the value of {@code prometheus.web.endpoint.basic-auth.password} in Spring Boot
 * Actuator's {@code env} and {@code configprops} endpoints, also where they are set to
 * show values ({@code show-values: always}): under its property name, its environment
 * variable name ({@code PROMETHEUS_WEB_ENDPOINT_BASICAUTH_PASSWORD}), its underscore
 * spelling and its {@code configprops} name ({@code basicAuth.password}).
 *
 * @author prometheus-web authors
 */
final class ScrapePasswordSanitizingFunction implements SanitizingFunction {

	/**
	 * The property's name without separators, as every spelling of it reduces to.
	 */
	private static final String PASSWORD = "prometheuswebendpointbasicauthpassword";

	@Override
	public SanitizableData apply(SanitizableData data) {
		return isScrapePassword(data.getKey()) ? data.withSanitizedValue() : data;
	}

	static boolean isScrapePassword(String key) {
		if (key == null) {
			return false;
		}
		StringBuilder canonical = new StringBuilder(key.length());
		for (char c : key.toLowerCase(Locale.ROOT).toCharArray()) {
			if (c != '.' && c != '-' && c != '_') {
				canonical.append(c);
			}
		}
		return PASSWORD.contentEquals(canonical);
	}

}
