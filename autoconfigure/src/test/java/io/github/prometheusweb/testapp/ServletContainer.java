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

package io.github.prometheusweb.testapp;

import org.springframework.util.ClassUtils;

/**
 * The servlet container the tests run on: Tomcat, or Jetty in the {@code jetty} build
 * profile. Only for the few answers where the containers differ and both are right.
 */
public enum ServletContainer {

	/**
	 * Apache Tomcat, the container of Spring Boot's web starter.
	 */
	TOMCAT,

	/**
	 * Eclipse Jetty ({@code spring-boot-starter-jetty}).
	 */
	JETTY;

	/**
	 * The container on the test classpath.
	 * @return the container
	 */
	public static ServletContainer current() {
		return ClassUtils.isPresent("org.eclipse.jetty.server.Server", ServletContainer.class.getClassLoader()) ? JETTY
				: TOMCAT;
	}

	/**
	 * A {@code Content-Type} with a charset as this container sends it: Jetty as the
	 * application set it, Tomcat without the spaces after its semicolons. The same media
	 * type either way, which is all a Prometheus server reads.
	 * @param asSet the {@code Content-Type} as set, e.g.
	 * {@code text/plain; version=0.0.4; charset=utf-8}
	 * @return the {@code Content-Type} the client receives
	 */
	public String sends(String asSet) {
		return (this == TOMCAT) ? asSet.replace("; ", ";") : asSet;
	}

}
