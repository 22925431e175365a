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

package io.github.prometheusweb.endpoint;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import io.github.prometheusweb.metrics.ExporterInfo;
import io.github.prometheusweb.testapp.OpenMetricsParser;
import io.github.prometheusweb.testapp.Promtool;
import io.github.prometheusweb.testapp.ProtobufScrape;
import io.github.prometheusweb.testapp.RunningApp;
import io.github.prometheusweb.testapp.Scrape;
import io.github.prometheusweb.testapp.ServletContainer;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The metrics endpoint scraped with the exact {@code Accept} headers that Prometheus
 * 2.42, 2.55 and 3.x send, copied from Prometheus's scrape code (source noted beside each
 * header), on a real server with gzip as Prometheus asks for it: each answer has a
 * {@code Content-Type} that Prometheus's parser accepts and a body that parses, with the
 * values of the one request made.
 */
class PrometheusNegotiationIntegrationTests {

	// The Content-Types as they reach the scraper: client_java's, which carry no
	// escaping= parameter in any version (1.3 to 1.10), as the container sends them
	// (Tomcat drops the spaces of those with a charset).

	private static final String OPENMETRICS = ServletContainer.current()
		.sends("application/openmetrics-text; version=1.0.0; charset=utf-8");

	private static final String PROTOBUF = "application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily; encoding=delimited";

	private static final String TEXT = ServletContainer.current().sends("text/plain; version=0.0.4; charset=utf-8");

	/** client_java 1.4.0 added UTF-8 names and the escaping= parameter. */
	private static final boolean ESCAPING_SUPPORTED = ClassUtils
		.isPresent("io.prometheus.metrics.config.EscapingScheme", null);

	private static final String UNDERSCORES = "negotiation_orders_total";

	private static final String QUOTED = "{\"negotiation.orders_total\"}";

	private static final String UTF8 = "negotiation.orders_total";

	private static RunningApp app;

	@BeforeAll
	static void start() {
		app = RunningApp.start();
		app.get(1, "/test", 200);
	}

	@AfterAll
	static void stop() {
		app.close();
	}

	/**
	 * The headers, as Prometheus builds them: before 2.49 two constants, since then
	 * {@code acceptHeader(scrapeProtocols, scheme)} in {@code scrape/scrape.go} over
	 * {@code config.ScrapeProtocolsHeaders} and {@code DefaultScrapeProtocols} (or
	 * {@code DefaultProtoFirstScrapeProtocols} with native histograms) in
	 * {@code config/config.go}, each protocol with a q of 0.(n+1), 0.n, ... for n
	 * protocols known, and {@code *}/{@code *} last. All from the repository
	 * prometheus/prometheus at the tag named.
	 * @return scraper, Accept header, expected Content-Type
	 */
	static Stream<Arguments> prometheusAcceptHeaders() {
		return Stream.of(
				// v2.42.0 scrape/scrape.go, scrapeAcceptHeader (the default).
				Arguments.of("2.42 default",
						"application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,"
								+ "text/plain;version=0.0.4;q=0.5,*/*;q=0.1",
						OPENMETRICS, UNDERSCORES),
				// v2.42.0 scrape/scrape.go, scrapeAcceptHeaderWithProtobuf
				// (--enable-feature=native-histograms).
				Arguments.of("2.42 native histograms",
						"application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;encoding=delimited,"
								+ "application/openmetrics-text;version=1.0.0;q=0.8,"
								+ "application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1",
						PROTOBUF, UNDERSCORES),
				// v2.55.1 scrape/scrape.go acceptHeader(DefaultScrapeProtocols,
				// LegacyValidation), config/config.go.
				Arguments.of("2.55 default",
						"application/openmetrics-text;version=1.0.0;q=0.5,application/openmetrics-text;version=0.0.1;q=0.4,"
								+ "text/plain;version=0.0.4;q=0.3,*/*;q=0.2",
						OPENMETRICS, UNDERSCORES),
				// v2.55.1 acceptHeader(DefaultProtoFirstScrapeProtocols,
				// LegacyValidation):
				// --enable-feature=native-histograms.
				Arguments.of("2.55 native histograms",
						"application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;encoding=delimited;q=0.5,"
								+ "application/openmetrics-text;version=1.0.0;q=0.4,"
								+ "application/openmetrics-text;version=0.0.1;q=0.3,text/plain;version=0.0.4;q=0.2,*/*;q=0.1",
						PROTOBUF, UNDERSCORES),
				// v2.55.1 acceptHeader(DefaultScrapeProtocols, UTF8Validation):
				// --enable-feature=utf8-names, metric_name_validation_scheme: utf8.
				Arguments.of("2.55 utf8-names",
						"application/openmetrics-text;version=1.0.0;escaping=allow-utf-8;q=0.5,"
								+ "application/openmetrics-text;version=0.0.1;escaping=allow-utf-8;q=0.4,"
								+ "text/plain;version=0.0.4;escaping=allow-utf-8;q=0.3,*/*;q=0.2",
						OPENMETRICS, QUOTED),
				// v3.0.0 (to v3.2.x) scrape/scrape.go
				// acceptHeader(DefaultScrapeProtocols,
				// UTF8Validation), config/config.go: PrometheusText1.0.0 carries its own
				// escaping=allow-utf-8, so that entry has it twice.
				Arguments.of("3.0 default",
						"application/openmetrics-text;version=1.0.0;escaping=allow-utf-8;q=0.6,"
								+ "application/openmetrics-text;version=0.0.1;escaping=allow-utf-8;q=0.5,"
								+ "text/plain;version=1.0.0;escaping=allow-utf-8;escaping=allow-utf-8;q=0.4,"
								+ "text/plain;version=0.0.4;escaping=allow-utf-8;q=0.3,*/*;q=0.2",
						OPENMETRICS, QUOTED),
				// v3.0.0 acceptHeader(DefaultProtoFirstScrapeProtocols, UTF8Validation):
				// native histograms.
				Arguments.of("3.0 native histograms",
						"application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;encoding=delimited;"
								+ "escaping=allow-utf-8;q=0.6,"
								+ "application/openmetrics-text;version=1.0.0;escaping=allow-utf-8;q=0.5,"
								+ "application/openmetrics-text;version=0.0.1;escaping=allow-utf-8;q=0.4,"
								+ "text/plain;version=1.0.0;escaping=allow-utf-8;escaping=allow-utf-8;q=0.3,"
								+ "text/plain;version=0.0.4;escaping=allow-utf-8;q=0.2,*/*;q=0.1",
						PROTOBUF, UTF8),
				// v3.0.0 acceptHeader(DefaultScrapeProtocols, LegacyValidation):
				// metric_name_validation_scheme: legacy.
				Arguments.of("3.0 legacy names",
						"application/openmetrics-text;version=1.0.0;q=0.6,application/openmetrics-text;version=0.0.1;q=0.5,"
								+ "text/plain;version=1.0.0;escaping=allow-utf-8;q=0.4,text/plain;version=0.0.4;q=0.3,*/*;q=0.2",
						OPENMETRICS, QUOTED),
				// v3.5.0 scrape/scrape_test.go TestAcceptHeader, "default scrape
				// protocols
				// with no escaping": the default from v3.4.0 to v3.14.0 (the same test
				// there).
				Arguments.of("3.5 default", "application/openmetrics-text;version=1.0.0;escaping=allow-utf-8;q=0.6,"
						+ "application/openmetrics-text;version=0.0.1;q=0.5,"
						+ "text/plain;version=1.0.0;escaping=allow-utf-8;q=0.4,text/plain;version=0.0.4;q=0.3,*/*;q=0.2",
						OPENMETRICS, QUOTED),
				// v3.5.0 scrape/scrape_test.go TestAcceptHeader, "default proto first
				// scrape
				// protocols with no escaping": native histograms.
				Arguments.of("3.5 native histograms",
						"application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;encoding=delimited;q=0.6,"
								+ "application/openmetrics-text;version=1.0.0;escaping=allow-utf-8;q=0.5,"
								+ "application/openmetrics-text;version=0.0.1;q=0.4,"
								+ "text/plain;version=1.0.0;escaping=allow-utf-8;q=0.3,text/plain;version=0.0.4;q=0.2,*/*;q=0.1",
						PROTOBUF, UTF8),
				// v3.5.0 scrape/scrape_test.go TestAcceptHeader, "default scrape
				// protocols
				// with underscore escaping": metric_name_validation_scheme: legacy.
				Arguments.of("3.5 underscores", "application/openmetrics-text;version=1.0.0;escaping=underscores;q=0.6,"
						+ "application/openmetrics-text;version=0.0.1;q=0.5,"
						+ "text/plain;version=1.0.0;escaping=underscores;q=0.4,text/plain;version=0.0.4;q=0.3,*/*;q=0.2",
						OPENMETRICS, UNDERSCORES),
				// v3.5.0 scrape/scrape_test.go TestAcceptHeader, proto first with
				// metric_name_escaping_scheme: dots.
				Arguments.of("3.5 dots, native histograms",
						"application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;encoding=delimited;q=0.6,"
								+ "application/openmetrics-text;version=1.0.0;escaping=dots;q=0.5,"
								+ "application/openmetrics-text;version=0.0.1;q=0.4,"
								+ "text/plain;version=1.0.0;escaping=dots;q=0.3,text/plain;version=0.0.4;q=0.2,*/*;q=0.1",
						PROTOBUF, "negotiation_dot_orders_total"),
				// v3.5.0 scrape/scrape.go acceptHeader(DefaultScrapeProtocols,
				// ValueEncodingEscaping): metric_name_escaping_scheme: values.
				Arguments.of("3.5 values", "application/openmetrics-text;version=1.0.0;escaping=values;q=0.6,"
						+ "application/openmetrics-text;version=0.0.1;q=0.5,"
						+ "text/plain;version=1.0.0;escaping=values;q=0.4,text/plain;version=0.0.4;q=0.3,*/*;q=0.2",
						OPENMETRICS, "U__negotiation_2e_orders_total"),
				// v3.5.0 acceptHeader with scrape_protocols: [PrometheusText1.0.0].
				Arguments.of("3.5 scrape_protocols PrometheusText1.0.0",
						"text/plain;version=1.0.0;escaping=allow-utf-8;q=0.6,*/*;q=0.5", TEXT, QUOTED),
				// v3.5.0 acceptHeader with scrape_protocols: [PrometheusText0.0.4].
				Arguments.of("3.5 scrape_protocols PrometheusText0.0.4", "text/plain;version=0.0.4;q=0.6,*/*;q=0.5",
						TEXT, UNDERSCORES),
				// v3.5.0 acceptHeader with scrape_protocols: [OpenMetricsText0.0.1].
				Arguments.of("3.5 scrape_protocols OpenMetricsText0.0.1",
						"application/openmetrics-text;version=0.0.1;q=0.6,*/*;q=0.5", OPENMETRICS, UNDERSCORES),
				// v3.5.0 acceptHeader with scrape_protocols: [PrometheusProto].
				Arguments.of("3.5 scrape_protocols PrometheusProto",
						"application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;encoding=delimited;q=0.6,"
								+ "*/*;q=0.5",
						PROTOBUF, UNDERSCORES));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("prometheusAcceptHeaders")
	void prometheusGetsAFormatItReads(String scraper, String accept, String contentType, String dottedSample) {
		HttpResponse<byte[]> response = app.send(
				app.request("/metrics").header("Accept", accept).header("Accept-Encoding", "gzip").build(),
				BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(200);
		String received = response.headers().firstValue("Content-Type").orElse("");
		assertThat(received).isEqualTo(contentType);
		assertThat(prometheusMediaType(received)).isIn("application/openmetrics-text", "text/plain",
				"application/vnd.google.protobuf");
		assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");
		byte[] body = gunzip(response.body());
		// escaping=dots doubles every underscore, of legacy names too,
		// as Prometheus's own escaping does; the other schemes leave
		// legacy names alone. client_java 1.4 and 1.5 append the _total
		// and _info suffixes after escaping, 1.6 and later escape the
		// whole name.
		boolean dots = ESCAPING_SUPPORTED && accept.contains("escaping=dots");
		String requests = dots ? "spring__http__request__total|spring__http__request_total"
				: "spring_http_request_total";
		String durations = dots ? "spring__http__request__duration__seconds_count"
				: "spring_http_request_duration_seconds_count";
		String urlRule = dots ? "url__rule" : "url_rule";
		String info = dots ? "spring__exporter__info|spring__exporter_info" : "spring_exporter_info";
		String requestLabels = "{method=\"GET\",status=\"200\"}";
		String durationLabels = "{method=\"GET\",status=\"200\"," + urlRule + "=\"/test\"}";
		String infoLabels = "{version=\"" + ExporterInfo.version() + "\"}";
		if (contentType.equals(PROTOBUF)) {
			Scrape scrape = ProtobufScrape.parse(body);
			scrape.assertValue(series(scrape, requests, requestLabels)).isEqualTo("1.0");
			scrape.assertValue(series(scrape, durations, durationLabels)).isEqualTo("1");
			scrape.assertValue(series(scrape, info, infoLabels)).isEqualTo("1.0");
			return;
		}
		Scrape scrape = new Scrape(new String(body, StandardCharsets.UTF_8));
		scrape.assertValue(series(scrape, requests, requestLabels)).isEqualTo("1.0");
		scrape.assertValue(series(scrape, durations, durationLabels)).isEqualTo("1");
		scrape.assertValue(series(scrape, info, infoLabels)).isEqualTo("1");
		// Last: without the parser installed (outside CI) the test stops here, skipped.
		if (contentType.equals(OPENMETRICS)) {
			OpenMetricsParser.assertAccepts(scrape.text());
		}
		else {
			Promtool.assertAcceptsOwnFamilies(scrape.text(), "spring_");
		}
	}

	/**
	 * The escaping scheme that client_java reads from the header: a user metric named
	 * with a dot, outside the legacy character set, as each Prometheus asks for it.
	 * client_java takes the first {@code escaping=} parameter anywhere in the header,
	 * whatever media range it belongs to, and escapes with underscores when there is
	 * none. So for Prometheus 3.0 to 3.2 with
	 * {@code metric_name_validation_scheme: legacy} it answers OpenMetrics with a quoted
	 * UTF-8 name, taken from the {@code text/plain;version=1.0.0;escaping=allow-utf-8}
	 * range, which such a Prometheus does not accept: prometheus-web's own names are all
	 * legacy names, so only user metrics named outside the legacy character set meet
	 * this.
	 * @param scraper the Prometheus
	 * @param accept its header
	 * @param contentType the Content-Type expected
	 * @param dottedSample the sample of {@code negotiation.orders} expected
	 */
	@ParameterizedTest(name = "{0}")
	@MethodSource("prometheusAcceptHeaders")
	void escapingSchemeOfTheHeaderIsUsed(String scraper, String accept, String contentType, String dottedSample) {
		assumeTrue(ESCAPING_SUPPORTED, "client_java before 1.4.0 has no EscapingScheme: it ignores escaping= "
				+ "and always writes a dot in a metric name as an underscore");
		Counter orders = Counter.builder().name("negotiation.orders").help("Orders").withoutExemplars().register();
		try {
			orders.inc(3);
			HttpResponse<byte[]> response = app.send(app.request("/metrics").header("Accept", accept).build(),
					BodyHandlers.ofByteArray());
			assertThat(response.headers().firstValue("Content-Type")).hasValue(contentType);
			Scrape scrape = contentType.equals(PROTOBUF) ? ProtobufScrape.parse(response.body())
					: new Scrape(new String(response.body(), StandardCharsets.UTF_8));
			scrape.assertValue(dottedSample).isEqualTo("3.0");
		}
		finally {
			PrometheusRegistry.defaultRegistry.unregister(orders);
		}
	}

	@Test
	void oddEscapingIsNeverAServerError() {
		for (String accept : new String[] { "application/openmetrics-text;version=1.0.0;escaping=bogus",
				"text/plain;version=1.0.0;escaping=", "text/plain;version=1.0.0;escaping==;escaping",
				"escaping=allow-utf-8", ";;;escaping=values;q==,", "application/vnd.google.protobuf;escaping=Dots",
				"application/openmetrics-text;version=2.0.0;escaping=allow-utf-8",
				"text/plain;version=1.0.0;escaping=\"allow-utf-8\"", "*/*;escaping=ALLOW-UTF-8;q=0.1" }) {
			HttpResponse<byte[]> response = app.send(app.request("/metrics").header("Accept", accept).build(),
					BodyHandlers.ofByteArray());
			assertThat(response.statusCode()).as(accept).isEqualTo(200);
			assertThat(response.headers().firstValue("Content-Type")).as(accept).isPresent();
			String contentType = response.headers().firstValue("Content-Type").get();
			assertThat(contentType).as(accept).isIn(TEXT, OPENMETRICS, PROTOBUF);
			String requests = "spring_http_request_total{method=\"GET\",status=\"200\"}";
			Scrape scrape = contentType.equals(PROTOBUF) ? ProtobufScrape.parse(response.body())
					: new Scrape(new String(response.body(), StandardCharsets.UTF_8));
			scrape.assertValue(requests).as(accept).isEqualTo("1.0");
		}
	}

	/**
	 * The series of a scrape with one of the names given.
	 * @param scrape the scrape
	 * @param names the names the series may have, separated by {@code |}
	 * @param labels the labels, as written
	 * @return the first series present, or the first one if none is
	 */
	private static String series(Scrape scrape, String names, String labels) {
		String[] candidates = names.split("\\|");
		for (String name : candidates) {
			if (scrape.value(name + labels) != null) {
				return name + labels;
			}
		}
		return candidates[0] + labels;
	}

	/**
	 * The media type of a {@code Content-Type} as Prometheus 3 reads it
	 * ({@code model/textparse/interface.go} extractMediaType with Go's
	 * {@code mime.ParseMediaType}): a type/subtype of tokens, then parameters
	 * {@code ; name=value} with a token or quoted value, no name twice.
	 * @param contentType the header
	 * @return the media type, lower case
	 */
	private static String prometheusMediaType(String contentType) {
		String token = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
		String[] parts = contentType.split(";", -1);
		assertThat(parts[0].trim()).as("media type of %s", contentType).matches(token + "/" + token);
		Set<String> names = new HashSet<>();
		for (int i = 1; i < parts.length; i++) {
			String parameter = parts[i].trim();
			assertThat(parameter).as("parameter of %s", contentType)
				.matches(token + "=(" + token + "|\"([^\"\\\\]|\\\\.)*\")");
			assertThat(names.add(parameter.substring(0, parameter.indexOf('=')).toLowerCase(Locale.ROOT)))
				.as("parameter once in %s", contentType)
				.isTrue();
		}
		return parts[0].trim().toLowerCase(Locale.ROOT);
	}

	private static byte[] gunzip(byte[] gzipped) {
		try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
