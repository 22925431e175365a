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

import io.github.prometheusweb.annotation.PrometheusCounter;

/**
 * A method declared once and inherited by two beans whose class-level metrics differ.
 */
public abstract class Shelf {

	public String describe() {
		return "shelf";
	}

	/**
	 * The shelf of books.
	 */
	@PrometheusCounter(name = "book_shelf_calls", help = "Calls to the book shelf")
	public static class Books extends Shelf {

	}

	/**
	 * The shelf of music.
	 */
	@PrometheusCounter(name = "music_shelf_calls", help = "Calls to the music shelf")
	public static class Music extends Shelf {

	}

}
