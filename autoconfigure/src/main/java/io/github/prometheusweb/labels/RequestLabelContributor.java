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
package io.github.prometheusweb.labels;

/**
 * A default label computed in Java, for applications that prefer code to SpEL in
 * {@code prometheus.web.default-labels}. Every bean of this type adds one label to every
 * default metric, user-defined default metric and custom metric (never to info metrics).
 * Called once per observation: once per request, whose metrics all carry the value it
 * gave, and once per call of another annotated method. Keep it cheap, and return few
 * distinct values.
 *
 * @author prometheus-web authors
 */
public interface RequestLabelContributor {

	/**
	 * The label name.
	 * @return a valid Prometheus label name, the same on every call
	 */
	String labelName();

	/**
	 * The label value of one observation.
	 * @param context the request, response and handler; each may be {@code null}, for
	 * example for a method called outside a request
	 * @return the value; {@code null} is recorded as an empty string
	 */
	String labelValue(LabelContext context);

}
