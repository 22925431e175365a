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
package io.github.prometheusweb.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Integration tests for {@link TrafficGenerator}: the sample app on a random loopback
 * port, scraped over HTTP.
 *
 * @author prometheus-web authors
 */
class TrafficGeneratorIntegrationTests {

	private static final Pattern URL_RULE = Pattern.compile("url_rule=\"([^\"]*)\"");

	private static final Duration WAIT = Duration.ofSeconds(30);

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Test
	void trafficIsOffByDefault() {
		try (ConfigurableApplicationContext context = start()) {
			assertThat(context.getBeansOfType(TrafficGenerator.class)).isEmpty();
			assertThat(scrape(context)).doesNotContain("spring_http_request_total");
		}
	}

	@Test
	void trafficReachesEveryRouteOfTheMixAndStopsWhenTheContextCloses() {
		Set<String> expectedRoutes = Set.of("/one", "/two", "/three", "/four", "/items/{id}", "/fail", "/crash",
				"none");
		TrafficGenerator generator;
		try (ConfigurableApplicationContext context = start("--sample.traffic.enabled=true",
				"--sample.traffic.concurrency=4", "--sample.traffic.pause=10ms")) {
			generator = context.getBean(TrafficGenerator.class);
			assertThat(generator.isRunning()).isTrue();
			await().atMost(WAIT)
				.pollInterval(Duration.ofMillis(200))
				.untilAsserted(() -> assertThat(routesSeen(context)).isEqualTo(expectedRoutes));
		}
		assertThat(generator.isRunning()).isFalse();
	}

	private static ConfigurableApplicationContext start(String... args) {
		String[] defaults = { "--server.port=0", "--server.address=127.0.0.1", "--spring.main.banner-mode=off",
				"--logging.level.root=WARN", "--logging.level.org.apache.catalina.core=OFF" };
		String[] all = new String[defaults.length + args.length];
		System.arraycopy(defaults, 0, all, 0, defaults.length);
		System.arraycopy(args, 0, all, defaults.length, args.length);
		return new SpringApplicationBuilder(SampleApplication.class).run(all);
	}

	private Set<String> routesSeen(ConfigurableApplicationContext context) {
		Set<String> routes = new TreeSet<>();
		Matcher matcher = URL_RULE.matcher(scrape(context));
		while (matcher.find()) {
			routes.add(matcher.group(1));
		}
		return routes;
	}

	private String scrape(ConfigurableApplicationContext context) {
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
			.timeout(Duration.ofSeconds(10))
			.build();
		try {
			return this.client.send(request, BodyHandlers.ofString()).body();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
