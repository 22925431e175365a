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

import io.github.prometheusweb.compat.ClientVersionCheck;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.ClassUtils;

/**
 * Runs the {@link ClientVersionCheck} before any bean of prometheus-web is created, so a
 * mix of client_java versions fails startup with a message that says how to align them,
 * rather than with a {@link NoSuchMethodError} at first use.
 *
 * @author prometheus-web authors
 */
@Configuration(proxyBeanMethods = false)
class ClientVersionCheckConfiguration {

	@Bean
	static BeanFactoryPostProcessor prometheusWebClientVersionCheck() {
		return (beanFactory) -> {
			ClassLoader classLoader = beanFactory.getBeanClassLoader();
			ClientVersionCheck.check((classLoader != null) ? classLoader : ClassUtils.getDefaultClassLoader());
		};
	}

}
