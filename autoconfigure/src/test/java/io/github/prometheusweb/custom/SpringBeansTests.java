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

import io.github.prometheusweb.testapp.MockApp;
import io.github.prometheusweb.testapp.Scrape;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.aop.support.AopUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Custom metrics on what only Spring has: service beans, class-level annotations, method
 * parameters in labels, run-time expression failures.
 */
class SpringBeansTests {

	private MockApp app;

	@BeforeEach
	void start() {
		this.app = MockApp.start(new Class<?>[] { OrderService.class, ServiceController.class,
				ClassLevelController.class, Shelf.Books.class, Shelf.Music.class },
				"prometheus.web.excluded-paths=/orders/excluded");
	}

	@AfterEach
	void stop() {
		this.app.close();
	}

	@Test
	void serviceMethodRecordsWhenItReturnsInsideAndOutsideRequests() {
		this.app.get(2, "/orders/book", 200);
		OrderService service = this.app.context().getBean(OrderService.class);
		assertThat(AopUtils.isAopProxy(service)).isTrue();
		service.place("music");
		Scrape scrape = this.app.scrape();
		scrape.assertValue("orders_placed_total{kind=\"book\"}").isEqualTo("2.0");
		scrape.assertValue("orders_placed_total{kind=\"music\"}").isEqualTo("1.0");
		scrape.assertValue("order_duration_seconds_bucket{le=\"60.0\"}").isEqualTo("3");
	}

	@Test
	void serviceMethodLabelsSeeTheResultAndTheException() {
		this.app.get(1, "/checks/false", 200);
		this.app.get(2, "/checks/true", 500);
		OrderService service = this.app.context().getBean(OrderService.class);
		assertThatIllegalArgumentException().isThrownBy(() -> service.check(true)).withMessage("rejected");
		Scrape scrape = this.app.scrape();
		scrape.assertValue("order_checks_total{outcome=\"ok\",result=\"valid\"}").isEqualTo("1.0");
		scrape.assertValue("order_checks_total{outcome=\"rejected\",result=\"\"}").isEqualTo("3.0");
		scrape.assertValue("order_checks_in_progress").isEqualTo("0.0");
	}

	@Test
	void serviceMethodsCalledDuringRequestsToExcludedPathsRecordNothing() {
		this.app.get(2, "/orders/excluded", 200);
		this.app.get(1, "/orders/book", 200);
		Scrape scrape = this.app.scrape();
		scrape.assertValue("orders_placed_total{kind=\"book\"}").isEqualTo("1.0");
		assertThat(scrape.samples("orders_placed_total")).hasSize(1);
	}

	@Test
	void classLevelAnnotationAppliesToEveryPublicMethod() {
		this.app.get(2, "/catalog/books", 200);
		this.app.get(1, "/catalog/music", 200);
		assertThat(this.app.context().getBean(ClassLevelController.class)).hasToString("catalog");
		Scrape scrape = this.app.scrape();
		scrape.assertValue("catalog_calls_total{route=\"/catalog/books\"}").isEqualTo("2.0");
		scrape.assertValue("catalog_calls_total{route=\"/catalog/music\"}").isEqualTo("1.0");
		scrape.assertValue("catalog_music_seconds_count").isEqualTo("1");
		assertThat(scrape.samples("catalog_calls_total")).hasSize(2);
	}

	@Test
	void aMethodInheritedByTwoBeansRecordsTheMetricsOfTheBeanItIsCalledOn() {
		Shelf books = this.app.context().getBean(Shelf.Books.class);
		Shelf music = this.app.context().getBean(Shelf.Music.class);
		books.describe();
		music.describe();
		books.describe();
		Scrape scrape = this.app.scrape();
		scrape.assertValue("book_shelf_calls_total").isEqualTo("2.0");
		scrape.assertValue("music_shelf_calls_total").isEqualTo("1.0");
	}

	@Test
	void aLabelValueWhoseStringFailsIsErrorAndNeverBreaksTheCall() {
		OrderService service = this.app.context().getBean(OrderService.class);
		Object unprintable = new Object() {

			@Override
			public String toString() {
				throw new IllegalStateException("lazy proxy, no session");
			}

		};
		assertThat(service.describe(unprintable)).isEqualTo("described");
		assertThat(service.describe(unprintable)).isEqualTo("described");
		assertThat(service.describe("o-1")).isEqualTo("described");
		Scrape scrape = this.app.scrape();
		scrape.assertValue("orders_described_total{order=\"error\"}").isEqualTo("2.0");
		scrape.assertValue("orders_described_total{order=\"o-1\"}").isEqualTo("1.0");
	}

	@Test
	void failingExpressionRecordsErrorAndNeverBreaksTheCall() {
		assertThat(this.app.get("/failing-label").body()).isEqualTo("still fine");
		assertThat(this.app.get("/failing-label").statusCode()).isEqualTo(200);
		this.app.scrape().assertValue("failing_label_total{length=\"error\"}").isEqualTo("2.0");
	}

}
