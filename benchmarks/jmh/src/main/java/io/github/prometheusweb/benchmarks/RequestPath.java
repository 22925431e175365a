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

package io.github.prometheusweb.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * One request through the starter's filter and interceptors, with a stand-in for the
 * {@code DispatcherServlet} that does what its handler mapping and handler adapter do for
 * {@code GET /items/{id}}: resolve the handler method per request (as
 * {@code RequestMappingHandlerMapping} does), expose it and the route template, expose
 * the request to {@code RequestContextHolder}, call the interceptors around the handler
 * and the handler itself, set the status, and write the handler's body with its
 * {@code Content-Length}, as Spring's message converter does. With no filter and no
 * interceptors it is the floor: the request without metrics.
 *
 * @author prometheus-web authors
 */
public final class RequestPath implements FilterChain {

	/**
	 * The route template of the benchmarked handler.
	 */
	public static final String ROUTE = "/items/{id}";

	private final Filter filter;

	private final HandlerInterceptor[] interceptors;

	private final HandlerMethod handlerMethod;

	/**
	 * Creates the path.
	 * @param filter the metrics filter, or {@code null} for none
	 * @param interceptors the interceptors, possibly none
	 * @param beans the bean factory with the {@code itemsController} bean
	 * @param controller the class of the controller
	 */
	public RequestPath(Filter filter, List<HandlerInterceptor> interceptors, BeanFactory beans,
			Class<? extends ItemsController> controller) {
		this.filter = filter;
		this.interceptors = interceptors.toArray(HandlerInterceptor[]::new);
		try {
			this.handlerMethod = new HandlerMethod("itemsController", beans,
					controller.getMethod("item", String.class));
		}
		catch (NoSuchMethodException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A request for the path, to reuse for every call of {@link #handle}.
	 * @return the request
	 */
	public static MockHttpServletRequest newRequest() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/items/42");
		request.setQueryString("page=1");
		return request;
	}

	/**
	 * Handles one request, on a response reset first; the request and the response can be
	 * reused afterwards.
	 * @param request the request
	 * @param response the response
	 * @throws IOException never
	 * @throws ServletException never
	 */
	public void handle(MockHttpServletRequest request, MockHttpServletResponse response)
			throws IOException, ServletException {
		response.setCommitted(false);
		response.reset();
		if (this.filter != null) {
			this.filter.doFilter(request, response, this);
		}
		else {
			doFilter(request, response);
		}
		request.clearAttributes();
	}

	/**
	 * Writes the body as Spring's {@code StringHttpMessageConverter} does: the length,
	 * the bytes, a flush.
	 */
	private static void writeBody(HttpServletResponse response, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		response.setContentLength(bytes.length);
		ServletOutputStream out = response.getOutputStream();
		out.write(bytes);
		out.flush();
	}

	@Override
	public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse) throws ServletException {
		HttpServletRequest request = (HttpServletRequest) servletRequest;
		HttpServletResponse response = (HttpServletResponse) servletResponse;
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request, response));
		HandlerMethod handler = this.handlerMethod.createWithResolvedBean();
		request.setAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE, handler);
		request.setAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, ROUTE);
		try {
			for (HandlerInterceptor interceptor : this.interceptors) {
				interceptor.preHandle(request, response, handler);
			}
			response.setStatus(HttpServletResponse.SC_OK);
			String body = ((ItemsController) handler.getBean()).item("42");
			writeBody(response, body);
			for (int i = this.interceptors.length - 1; i >= 0; i--) {
				this.interceptors[i].afterCompletion(request, response, handler, null);
			}
		}
		catch (Exception ex) {
			throw new ServletException(ex);
		}
		finally {
			RequestContextHolder.resetRequestAttributes();
		}
	}

}
