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

package io.github.prometheusweb.fuzz;

import java.util.ArrayList;
import java.util.List;

import io.github.prometheusweb.testapp.RawHttp;

/**
 * A request as the fuzzed tests send it: a method, a request target and headers, each
 * exactly as sent over the socket.
 *
 * @param method the method
 * @param target the request target: path and query
 * @param headers header name and value pairs
 */
record FuzzedRequest(String method, String target, List<String> headers) {

	/**
	 * Sends this request to a port on 127.0.0.1.
	 * @param port the port
	 * @return the response
	 */
	RawHttp.Response sendTo(int port) {
		return RawHttp.send(port, this.method, this.target, this.headers);
	}

	/**
	 * The same request to another target.
	 * @param otherTarget the request target
	 * @return the request
	 */
	FuzzedRequest withTarget(String otherTarget) {
		return new FuzzedRequest(this.method, otherTarget, this.headers);
	}

	/**
	 * The query as sent, without the {@code ?}.
	 * @return the query, or {@code null} if there is none
	 */
	String query() {
		int question = this.target.indexOf('?');
		return (question >= 0) ? this.target.substring(question + 1) : null;
	}

	/**
	 * The first value of a header.
	 * @param name the name, any case
	 * @return the value, or {@code null}
	 */
	String header(String name) {
		for (int i = 0; i < this.headers.size(); i += 2) {
			if (this.headers.get(i).equalsIgnoreCase(name)) {
				return this.headers.get(i + 1);
			}
		}
		return null;
	}

	/**
	 * Every value of a header.
	 * @param name the name, any case
	 * @return the values, in order
	 */
	List<String> headerValues(String name) {
		List<String> values = new ArrayList<>();
		for (int i = 0; i < this.headers.size(); i += 2) {
			if (this.headers.get(i).equalsIgnoreCase(name)) {
				values.add(this.headers.get(i + 1));
			}
		}
		return values;
	}

	@Override
	public String toString() {
		StringBuilder text = new StringBuilder(this.method).append(' ').append(abbreviate(this.target));
		for (int i = 0; i < this.headers.size(); i += 2) {
			text.append(" | ").append(this.headers.get(i)).append(": ").append(this.headers.get(i + 1));
		}
		return text.toString();
	}

	private static String abbreviate(String text) {
		return (text.length() <= 300) ? text : text.substring(0, 300) + "... (" + text.length() + " characters)";
	}

}
