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

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * A Spring MVC application instrumented by prometheus-web and nothing else: the
 * counterpart of the Flask exporter's sample-signals demo.
 *
 * @author prometheus-web authors
 */
@SpringBootApplication
public class SampleApplication {

	/**
	 * The two threads that answer the asynchronous route, stopped with the application.
	 * @return the executor
	 */
	@Bean(destroyMethod = "shutdownNow")
	ScheduledExecutorService asyncAnswers() {
		return Executors.newScheduledThreadPool(2);
	}

	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

}
