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

package io.github.prometheusweb.benchmarks;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.prometheusweb.autoconfigure.PrometheusWebAutoConfiguration;

import org.springframework.aop.framework.autoproxy.InfrastructureAdvisorAutoProxyCreator;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.context.annotation.AnnotatedBeanDefinitionReader;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.mock.web.MockServletContext;
import org.springframework.web.context.support.GenericWebApplicationContext;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.handler.MappedInterceptor;

/**
 * The beans of the auto-configuration in a web application context without a server: what
 * an application with the starter gets, built from properties.
 *
 * @author prometheus-web authors
 */
public final class StarterContext implements AutoCloseable {

	private final GenericWebApplicationContext context;

	private StarterContext(GenericWebApplicationContext context) {
		this.context = context;
	}

	/**
	 * Starts the auto-configuration with properties, and a controller bean named
	 * {@code itemsController}, proxied by Spring AOP if the starter advises it.
	 * @param properties {@code prometheus.web.*} properties
	 * @param controller the class of the controller bean
	 * @return the started context
	 */
	public static StarterContext start(Map<String, String> properties, Class<?> controller) {
		GenericWebApplicationContext context = new GenericWebApplicationContext(new MockServletContext());
		Map<String, Object> source = new HashMap<>(properties);
		source.putIfAbsent("prometheus.web.jvm-metrics", "false");
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("benchmark", source));
		new AnnotatedBeanDefinitionReader(context).register(PrometheusWebAutoConfiguration.class,
				AutoProxyConfiguration.class);
		context.registerBean("itemsController", controller);
		context.refresh();
		return new StarterContext(context);
	}

	/**
	 * The single bean of a type.
	 * @param <T> the type
	 * @param type the type
	 * @return the bean, or {@code null} if there is none
	 */
	public <T> T bean(Class<T> type) {
		return this.context.getBeanProvider(type).getIfAvailable();
	}

	/**
	 * The handler interceptors that the starter adds to Spring MVC, in order.
	 * @return the interceptors
	 */
	public List<HandlerInterceptor> interceptors() {
		ExposedInterceptorRegistry registry = new ExposedInterceptorRegistry();
		this.context.getBeanProvider(WebMvcConfigurer.class)
			.orderedStream()
			.forEach((c) -> c.addInterceptors(registry));
		return registry.interceptors();
	}

	@Override
	public void close() {
		this.context.close();
	}

	/**
	 * The application context factory.
	 * @return the bean factory of the context
	 */
	public BeanFactory beanFactory() {
		return this.context;
	}

	/**
	 * The auto-proxy creator of Spring Boot's AOP auto-configuration, for the advisor of
	 * the custom metrics.
	 */
	@Configuration(proxyBeanMethods = false)
	static class AutoProxyConfiguration {

		@Bean
		static InfrastructureAdvisorAutoProxyCreator autoProxyCreator() {
			InfrastructureAdvisorAutoProxyCreator creator = new InfrastructureAdvisorAutoProxyCreator();
			creator.setProxyTargetClass(true);
			return creator;
		}

	}

	private static final class ExposedInterceptorRegistry extends InterceptorRegistry {

		List<HandlerInterceptor> interceptors() {
			return getInterceptors().stream()
				.map((i) -> (i instanceof MappedInterceptor mapped) ? mapped.getInterceptor() : (HandlerInterceptor) i)
				.toList();
		}

	}

}
