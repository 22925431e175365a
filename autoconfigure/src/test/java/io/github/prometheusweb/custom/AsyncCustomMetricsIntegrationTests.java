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

package io.github.prometheusweb.custom;

import io.github.prometheusweb.testapp.RunningApp;
import org.junit.jupiter.api.Test;

/**
 * The metrics of an asynchronous handler method, on a real server: recorded once, when
 * the request completes, with the status the client received.
 */
class AsyncCustomMetricsIntegrationTests {

	@Test
	void asynchronousHandlerRecordsOnceWithTheFinalStatus() {
		try (RunningApp app = RunningApp.start(new Class<?>[] { AsyncCustomMetricsController.class },
				"prometheus.web.jvm-metrics=false")) {
			app.get(3, "/async/accepted", 202);
			app.scrape().assertValue("async_calls_total{code=\"202\"}").isEqualTo("3.0");
		}
	}

}
