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


package io.github.prometheusweb.loadapp;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The app of the load test, built three times: without metrics, with prometheus-web,
 * and with Spring Boot Actuator and Micrometer's Prometheus registry.
 *
 * @author prometheus-web authors
 */
@SpringBootApplication
@RestController
public class LoadApplication {

	/**
	 * Answers with a short body.
	 * @param id the item id
	 * @return the body
	 */
	@GetMapping("/items/{id}")
	public String item(@PathVariable String id) {
		return "item " + id;
	}

	/**
	 * Starts the app.
	 * @param args the arguments
	 */
	public static void main(String[] args) {
		SpringApplication.run(LoadApplication.class, args);
	}

}
