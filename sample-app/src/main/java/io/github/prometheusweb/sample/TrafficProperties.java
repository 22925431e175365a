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

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the demo traffic ({@code sample.traffic.*}).
 *
 * @author prometheus-web authors
 */
@ConfigurationProperties("sample.traffic")
public class TrafficProperties {

	/**
	 * Whether the application sends a steady mix of requests to its own routes.
	 */
	private boolean enabled;

	/**
	 * Number of requests in flight at once, each sent by its own scheduler thread.
	 */
	private int concurrency = 2;

	/**
	 * Pause of each sender between the end of one request and the start of the next.
	 */
	private Duration pause = Duration.ofMillis(100);

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public int getConcurrency() {
		return this.concurrency;
	}

	public void setConcurrency(int concurrency) {
		if (concurrency < 1 || concurrency > 16) {
			throw new IllegalArgumentException(
					"'sample.traffic.concurrency' must be between 1 and 16, was " + concurrency);
		}
		this.concurrency = concurrency;
	}

	public Duration getPause() {
		return this.pause;
	}

	public void setPause(Duration pause) {
		if (pause.isNegative() || pause.isZero()) {
			throw new IllegalArgumentException("'sample.traffic.pause' must be positive, was " + pause);
		}
		this.pause = pause;
	}

}
