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

/**
 * How a request is observed. One
 * {@link io.github.prometheusweb.servlet.RequestObservation} per request carries
 * everything the recorders need; the code of a dispatch finds it through the response it
 * writes (a request attribute holds it only for an excluded path and for the dispatches
 * of an asynchronous request). Who writes what, and when:
 * <ol>
 * <li>{@link io.github.prometheusweb.servlet.RequestMetricsFilter}, at the start of the
 * filter chain (order {@code Ordered.HIGHEST_PRECEDENCE + 1}), starts it: the start time
 * and whether the path is excluded; it counts the request in progress and passes the
 * application a response that watches for its own completion.</li>
 * <li>{@link io.github.prometheusweb.servlet.HandlerObservationInterceptor}, inside the
 * {@code DispatcherServlet}: the route template, endpoint name and
 * {@code @DoNotTrack}/{@code @ExcludeAllMetrics} annotations of the handler before it
 * runs; every exception it throws, before any exception resolver handles it; the
 * exception that escaped it, after it.</li>
 * <li>The interceptor of the metric annotations hands over the call of an annotated
 * handler method, whose metrics are recorded with the request.</li>
 * <li>The observation is completed once, by the first of: the response, just before the
 * client can have all of it (the last byte of a declared {@code Content-Length}, a flush
 * of a response without a body, a close, a failed write to the output stream of an
 * asynchronous response); the filter, when the chain of the original dispatch returns, or
 * that of the last asynchronous dispatch; the container, when an asynchronous request
 * completes without a last dispatch. Completing it decides the status the client
 * received, the exception that counts, the duration, the group value and the default
 * label values, then hands it to the recorders. From then on it takes no writes.</li>
 * </ol>
 */
package io.github.prometheusweb.servlet;
