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

import java.util.List;
import java.util.regex.Pattern;

import io.github.prometheusweb.grouping.PathGrouping;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The paths left unrecorded ({@code prometheus.web.excluded-paths}): a request is
 * excluded when one of the regular expressions matches at the start of its path within
 * the application, as Python's {@code re.match} does in the Flask exporter.
 *
 * @author prometheus-web authors
 */
final class ExcludedPaths {

	private final Pattern[] patterns;

	ExcludedPaths(List<Pattern> patterns) {
		this.patterns = patterns.toArray(Pattern[]::new);
	}

	/**
	 * Whether a request is excluded.
	 * @param request the request
	 * @return {@code true} if an expression matches at the start of its path
	 */
	boolean matches(HttpServletRequest request) {
		if (this.patterns.length == 0) {
			return false;
		}
		String path = PathGrouping.pathWithinApplication(request);
		for (Pattern pattern : this.patterns) {
			if (pattern.matcher(path).lookingAt()) {
				return true;
			}
		}
		return false;
	}

}
