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

package io.github.prometheusweb.metrics;

/**
 * The {@code status} label value: the status code ({@code "200"}) or, when grouped, its
 * class ({@code "2xx"}). The strings are made once, not per request.
 *
 * @author prometheus-web authors
 */
final class StatusLabel {

	private static final String[] CODES = new String[600];

	private static final String[] CLASSES = { "0xx", "1xx", "2xx", "3xx", "4xx", "5xx" };

	static {
		for (int i = 0; i < CODES.length; i++) {
			CODES[i] = String.valueOf(i);
		}
	}

	private final boolean grouped;

	/**
	 * Creates the label for status codes or status classes.
	 * @param grouped whether to report the status class instead of the code
	 */
	StatusLabel(boolean grouped) {
		this.grouped = grouped;
	}

	/**
	 * The label value of a status code.
	 * @param status the status code
	 * @return the label value
	 */
	String of(int status) {
		if (this.grouped) {
			int statusClass = status / 100;
			return (statusClass >= 0 && statusClass < CLASSES.length) ? CLASSES[statusClass] : statusClass + "xx";
		}
		return (status >= 0 && status < CODES.length) ? CODES[status] : String.valueOf(status);
	}

}
