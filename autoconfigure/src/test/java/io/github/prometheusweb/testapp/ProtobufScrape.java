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

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * A scrape in the Prometheus protobuf format (delimited {@code MetricFamily} messages),
 * parsed with the protobuf classes that client_java ships in
 * {@code prometheus-metrics-exposition-formats} and turned into the sample lines of the
 * text format, so that the assertions of {@link Scrape} apply. The generated classes live
 * in a package named after the shaded protobuf version
 * ({@code ...generated.com_google_protobuf_4_31_1} in client_java 1.3), so they are found
 * on the classpath and used by reflection.
 */
public final class ProtobufScrape {

	private static final String PATTERN = "classpath*:io/prometheus/metrics/expositionformats/generated/"
			+ "com_google_protobuf_*/Metrics$MetricFamily.class";

	private ProtobufScrape() {
	}

	/**
	 * Parses a body of delimited {@code MetricFamily} messages, every byte of it.
	 * @param body the response body
	 * @return the families as text-format sample lines, for example
	 * {@code spring_http_request_total{method="GET",status="200"} 1.0}, each family
	 * introduced by its {@code # TYPE} line
	 * @throws IllegalStateException if the body is not a sequence of delimited
	 * {@code MetricFamily} messages
	 */
	public static Scrape parse(byte[] body) {
		try {
			Method parseDelimitedFrom = metricFamilyClass().getMethod("parseDelimitedFrom", InputStream.class);
			InputStream in = new ByteArrayInputStream(body);
			List<String> lines = new ArrayList<>();
			Object family;
			while ((family = parseDelimitedFrom.invoke(null, in)) != null) {
				appendFamily(family, lines);
			}
			return new Scrape(lines.stream().map((line) -> line + "\n").collect(Collectors.joining()));
		}
		catch (InvocationTargetException ex) {
			throw new IllegalStateException("Not delimited MetricFamily messages", ex.getCause());
		}
		catch (ReflectiveOperationException | IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Class<?> metricFamilyClass() throws IOException, ClassNotFoundException {
		Resource[] found = new PathMatchingResourcePatternResolver(ProtobufScrape.class.getClassLoader())
			.getResources(PATTERN);
		if (found.length != 1) {
			throw new IllegalStateException("Expected one generated MetricFamily class, found " + found.length);
		}
		String url = found[0].getURL().toString();
		String path = url.substring(url.indexOf("io/prometheus/metrics/expositionformats/generated/"));
		String name = path.substring(0, path.length() - ".class".length()).replace('/', '.');
		return Class.forName(name, true, ProtobufScrape.class.getClassLoader());
	}

	private static void appendFamily(Object family, List<String> lines) throws ReflectiveOperationException {
		String name = (String) call(family, "getName");
		String type = call(family, "getType").toString();
		lines.add("# TYPE " + name + " " + type.toLowerCase(java.util.Locale.ROOT));
		for (Object metric : (List<?>) call(family, "getMetricList")) {
			List<String> labels = new ArrayList<>();
			for (Object pair : (List<?>) call(metric, "getLabelList")) {
				labels.add(call(pair, "getName") + "=\"" + call(pair, "getValue") + "\"");
			}
			switch (type) {
				case "COUNTER" -> lines.add(sample(name, labels, call(call(metric, "getCounter"), "getValue")));
				case "GAUGE" -> lines.add(sample(name, labels, call(call(metric, "getGauge"), "getValue")));
				case "UNTYPED" -> lines.add(sample(name, labels, call(call(metric, "getUntyped"), "getValue")));
				case "HISTOGRAM", "GAUGE_HISTOGRAM" -> {
					Object histogram = call(metric, "getHistogram");
					for (Object bucket : (List<?>) call(histogram, "getBucketList")) {
						List<String> withLe = new ArrayList<>(labels);
						withLe.add("le=\"" + call(bucket, "getUpperBound") + "\"");
						lines.add(sample(name + "_bucket", withLe, call(bucket, "getCumulativeCount")));
					}
					lines.add(sample(name + "_count", labels, call(histogram, "getSampleCount")));
					lines.add(sample(name + "_sum", labels, call(histogram, "getSampleSum")));
				}
				case "SUMMARY" -> {
					Object summary = call(metric, "getSummary");
					lines.add(sample(name + "_count", labels, call(summary, "getSampleCount")));
					lines.add(sample(name + "_sum", labels, call(summary, "getSampleSum")));
				}
				default -> throw new IllegalStateException("Unknown metric type " + type + " of " + name);
			}
		}
	}

	private static String sample(String name, List<String> labels, Object value) {
		String series = labels.isEmpty() ? name : name + "{" + String.join(",", labels) + "}";
		return series + " " + value;
	}

	private static Object call(Object target, String getter) throws ReflectiveOperationException {
		return target.getClass().getMethod(getter).invoke(target);
	}

}
