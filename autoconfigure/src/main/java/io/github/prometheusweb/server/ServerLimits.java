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

package io.github.prometheusweb.server;

import java.time.Duration;

/**
 * The bounds of the separate metrics server: what it holds at most, and for how long.
 *
 * @param workers the threads that answer scrapes
 * @param queued the complete requests that may wait for one of those threads; a request
 * beyond them is answered 503 at once
 * @param connections the connections that may be sending their request head at once; a
 * further connection closes the one that has been sending for longest
 * @param headBytes the longest request head; a longer one is answered 431
 * @param headTimeout the time a connection has to send its whole request head, from its
 * accept
 * @param responseTimeout the time a response may take, from the moment a thread starts
 * answering until the whole response is handed to the system
 * @author prometheus-web authors
 */
record ServerLimits(int workers, int queued, int connections, int headBytes, Duration headTimeout,
		Duration responseTimeout) {

	/**
	 * The bounds of the server the application starts.
	 */
	static final ServerLimits DEFAULT = new ServerLimits(2, 16, 256, 8192, Duration.ofSeconds(10),
			Duration.ofSeconds(30));

}
