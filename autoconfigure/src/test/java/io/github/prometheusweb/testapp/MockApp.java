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

import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.Filter;
import jakarta.servlet.ServletException;

import org.springframework.boot.ApplicationContextFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.AbstractFilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletContextInitializerBeans;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.util.ClassUtils;
import org.springframework.web.context.support.GenericWebApplicationContext;

/**
 * The test application without a server: {@link TestApplication} started as a Spring Boot
 * application in a mock servlet context, and driven through MockMvc with the
 * application's filters in their order. For the behaviour where the servlet container
 * does not matter; {@link RunningApp} starts a real server. An exception that escapes the
 * application answers 500, as a container would.
 */
public final class MockApp implements AutoCloseable {

	/**
	 * The auto-configurations of Spring MVC and prometheus-web, in the order Spring Boot
	 * applies them, by name: Spring Boot 4 moved some of them, so each has one name for
	 * each line of Spring Boot, and the one present is used.
	 */
	private static final List<Class<?>> AUTO_CONFIGURATIONS = present(
			"org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration",
			"org.springframework.boot.autoconfigure.aop.AopAutoConfiguration",
			"org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
			"org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration",
			"org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration",
			"org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration",
			"org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration",
			"org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration",
			"org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration",
			"org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration",
			"io.github.prometheusweb.autoconfigure.PrometheusWebAutoConfiguration");

	private final ConfigurableApplicationContext context;

	private final MockMvc mvc;

	private MockApp(ConfigurableApplicationContext context) {
		this.context = context;
		GenericWebApplicationContext webContext = (GenericWebApplicationContext) context;
		List<Filter> filters = new ArrayList<>();
		new ServletContextInitializerBeans(context.getBeanFactory()).forEach((initializer) -> {
			if (initializer instanceof AbstractFilterRegistrationBean<?> registration && registration.isEnabled()) {
				filters.add(registration.getFilter());
			}
		});
		this.mvc = MockMvcBuilders.webAppContextSetup(webContext).addFilters(filters.toArray(Filter[]::new)).build();
	}

	/**
	 * Starts {@link TestApplication} with extra configuration.
	 * @param properties {@code name=value} pairs
	 * @return the application
	 */
	public static MockApp start(String... properties) {
		return start(new Class<?>[0], properties);
	}

	/**
	 * Starts {@link TestApplication} and further configuration classes.
	 * @param extraSources more configuration classes
	 * @param properties {@code name=value} pairs
	 * @return the application
	 */
	public static MockApp start(Class<?>[] extraSources, String... properties) {
		List<Class<?>> sources = new ArrayList<>(List.of(TestApplication.class));
		sources.addAll(List.of(extraSources));
		sources.addAll(AUTO_CONFIGURATIONS);
		List<String> all = new ArrayList<>(List.of("spring.main.banner-mode=off", "logging.level.root=WARN",
				"logging.level.org.springframework.web.servlet.PageNotFound=ERROR"));
		all.addAll(List.of(properties));
		SpringApplication application = new SpringApplicationBuilder(sources.toArray(Class<?>[]::new))
			.web(WebApplicationType.SERVLET)
			.contextFactory(
					ApplicationContextFactory.of(() -> new GenericWebApplicationContext(new MockServletContext())))
			.properties(all.toArray(String[]::new))
			.build();
		return new MockApp(application.run());
	}

	public ConfigurableApplicationContext context() {
		return this.context;
	}

	/**
	 * Performs a request.
	 * @param request the request
	 * @return the response
	 */
	public Answer perform(MockHttpServletRequestBuilder request) {
		try {
			MockHttpServletResponse response = this.mvc.perform(request).andReturn().getResponse();
			Map<String, List<String>> headers = new LinkedHashMap<>();
			response.getHeaderNames().forEach((name) -> headers.put(name, response.getHeaders(name)));
			return new Answer(response.getStatus(), response.getContentAsByteArray(),
					HttpHeaders.of(headers, (name, value) -> true));
		}
		catch (ServletException ex) {
			return new Answer(500, new byte[0], HttpHeaders.of(Map.of(), (name, value) -> true));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Sends a request.
	 * @param method the method
	 * @param path the path and query
	 * @param headers header name and value pairs
	 * @return the response
	 */
	public Answer send(String method, String path, String... headers) {
		MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(HttpMethod.valueOf(method),
				URI.create(path));
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return perform(request);
	}

	public Answer get(String path, String... headers) {
		return send("GET", path, headers);
	}

	/**
	 * Gets a path a number of times, checking the status each time.
	 * @param times how many requests
	 * @param path the path
	 * @param expectedStatus the status each response must have
	 */
	public void get(int times, String path, int expectedStatus) {
		for (int i = 0; i < times; i++) {
			int status = get(path).statusCode();
			if (status != expectedStatus) {
				throw new AssertionError("GET " + path + " answered " + status + ", expected " + expectedStatus);
			}
		}
	}

	/**
	 * Scrapes the metrics endpoint in the default text format.
	 * @return the scrape
	 */
	public Scrape scrape() {
		return scrape("/metrics");
	}

	public Scrape scrape(String path) {
		Answer response = get(path);
		if (response.statusCode() != 200) {
			throw new AssertionError("GET " + path + " answered " + response.statusCode());
		}
		return new Scrape(response.body());
	}

	@Override
	public void close() {
		this.context.close();
	}

	private static List<Class<?>> present(String... names) {
		List<Class<?>> classes = new ArrayList<>();
		for (String name : names) {
			if (ClassUtils.isPresent(name, MockApp.class.getClassLoader())) {
				classes.add(ClassUtils.resolveClassName(name, MockApp.class.getClassLoader()));
			}
		}
		return List.copyOf(classes);
	}

	/**
	 * A response, read whole.
	 *
	 * @param statusCode the status code
	 * @param bytes the body
	 * @param headers the headers
	 */
	public record Answer(int statusCode, byte[] bytes, HttpHeaders headers) {

		/**
		 * The body as UTF-8 text.
		 * @return the text
		 */
		public String body() {
			return new String(this.bytes, StandardCharsets.UTF_8);
		}

		/**
		 * The content type, parsed: a container may write its parameters with or without
		 * spaces.
		 * @return the media type, or {@code null} if there is none
		 */
		public MediaType mediaType() {
			return this.headers.firstValue("Content-Type").map(MediaType::parseMediaType).orElse(null);
		}

	}

}
