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

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A test application running on an embedded servlet container (Tomcat, or Jetty in the
 * {@code jetty} build profile) on a random loopback port, with a real HTTP client. Each
 * test starts its own, so each gets a fresh registry.
 */
public final class RunningApp implements AutoCloseable {

	private static final HttpClient client = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(10))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private final ConfigurableApplicationContext context;

	private final String baseUrl;

	private RunningApp(ConfigurableApplicationContext context) {
		this.context = context;
		// Set by Spring Boot 3.5 and 4 alike once the web server has started.
		int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
		this.baseUrl = "http://127.0.0.1:" + port;
	}

	/**
	 * Starts {@link TestApplication} with extra configuration.
	 * @param properties {@code name=value} pairs
	 * @return the running application
	 */
	public static RunningApp start(String... properties) {
		return start(new Class<?>[0], properties);
	}

	/**
	 * Starts {@link TestApplication} and further configuration classes.
	 * @param extraSources more configuration classes
	 * @param properties {@code name=value} pairs
	 * @return the running application
	 */
	public static RunningApp start(Class<?>[] extraSources, String... properties) {
		List<Class<?>> sources = new ArrayList<>(List.of(TestApplication.class, EveryAutoConfiguration.class));
		sources.addAll(List.of(extraSources));
		// Off: Tomcat's and Jetty's own log of an exception that escaped the servlet.
		List<String> all = new ArrayList<>(
				List.of("server.port=0", "server.address=127.0.0.1", "spring.main.banner-mode=off",
						"logging.level.root=WARN", "logging.level.org.springframework.web.servlet.mvc.support=ERROR",
						"logging.level.org.springframework.web.servlet.PageNotFound=ERROR",
						"logging.level.org.apache.catalina.core=OFF",
						"logging.level.org.eclipse.jetty.ee11.servlet.ServletChannel=OFF"));
		all.addAll(List.of(properties));
		SpringApplication application = new SpringApplicationBuilder(sources.toArray(Class<?>[]::new))
			.properties(all.toArray(String[]::new))
			.build();
		return new RunningApp(application.run());
	}

	public ConfigurableApplicationContext context() {
		return this.context;
	}

	public String url(String path) {
		return this.baseUrl + path;
	}

	/**
	 * Sends a request and waits for the whole response.
	 * @param method the method
	 * @param path the path and query
	 * @param headers header name and value pairs
	 * @return the response
	 */
	public HttpResponse<String> send(String method, String path, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
			.timeout(Duration.ofSeconds(30))
			.method(method, BodyPublishers.noBody());
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return send(request.build());
	}

	public HttpResponse<String> send(HttpRequest request) {
		return send(request, BodyHandlers.ofString());
	}

	public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> bodyHandler) {
		try {
			return client.send(request, bodyHandler);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(30));
	}

	public HttpResponse<String> get(String path, String... headers) {
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
	 * Sends a GET with a request line exactly as given, even one that is not a valid URI,
	 * over a plain socket.
	 * @param pathAndQuery the request target
	 * @return the status code of the response
	 */
	public int rawGetStatus(String pathAndQuery) {
		int port = Integer.parseInt(this.baseUrl.substring(this.baseUrl.lastIndexOf(':') + 1));
		try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
			socket.setSoTimeout(30_000);
			socket.getOutputStream()
				.write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
					.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
			String statusLine = new java.io.BufferedReader(
					new java.io.InputStreamReader(socket.getInputStream(), java.nio.charset.StandardCharsets.US_ASCII))
				.readLine();
			return Integer.parseInt(statusLine.split(" ")[1]);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
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
		HttpResponse<String> response = get(path);
		if (response.statusCode() != 200) {
			throw new AssertionError("GET " + path + " answered " + response.statusCode());
		}
		return new Scrape(response.body());
	}

	@Override
	public void close() {
		this.context.close();
	}

	/**
	 * Every auto-configuration of the classpath, as in an application.
	 */
	@EnableAutoConfiguration
	static class EveryAutoConfiguration {

	}

}
