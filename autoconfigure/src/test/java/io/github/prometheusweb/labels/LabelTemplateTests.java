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

package io.github.prometheusweb.labels;

import java.util.Map;

import io.github.prometheusweb.grouping.HandlerDetails;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.junit.jupiter.api.Test;

import org.springframework.expression.spel.SpelCompilerMode;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.web.servlet.HandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link LabelTemplate} and the variables of {@link LabelContext}.
 */
class LabelTemplateTests {

	@Test
	void aLiteralIsTheSameForEveryObservation() {
		LabelTemplate template = LabelTemplate.parse("team", "checkout", "test");
		assertThat(template.isLiteral()).isTrue();
		assertThat(template.value(null)).isEqualTo("checkout");
	}

	@Test
	void aTemplateReadsTheVariablesOfTheObservation() {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/items/42");
		request.addHeader("X-Tenant", "acme");
		request.setAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, Map.of("id", "42"));
		MockHttpServletResponse response = new MockHttpServletResponse();
		response.setStatus(201);
		LabelContext context = LabelContext.ofRequest(request, response, new HandlerDetails("/items/{id}", "X#y"));
		assertThat(value("#{#request.method} #{#request.getHeader('X-Tenant')}", context)).isEqualTo("POST acme");
		assertThat(value("#{#response.status}", context)).isEqualTo("201");
		assertThat(value("#{#handler.routeTemplate}", context)).isEqualTo("/items/{id}");
		assertThat(value("#{#pathVariables['id']}", context)).isEqualTo("42");
	}

	@Test
	void aTemplateOfACallReadsItsResultExceptionAndParameters() {
		LabelContext context = LabelContext.ofCall(null, null, null, "done", new IllegalStateException("x"),
				new String[] { "kind" }, new Object[] { "book" });
		assertThat(value("#{#result}/#{#exception.class.simpleName}/#{#kind}/#{#p0}", context))
			.isEqualTo("done/IllegalStateException/book/book");
	}

	@Test
	void argumentsAreReadByPositionAndAParameterNameHidesAVariable() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
		LabelContext context = LabelContext.ofCall(request, null, null, null, null, new String[] { "request", "count" },
				new Object[] { "a parameter", 7 });
		assertThat(value("#{#request}|#{#count}|#{#p0}|#{#p1}|#{#p2}|#{#p01}|#{#nothing}", context))
			.isEqualTo("a parameter|7|a parameter|7|||");
	}

	@Test
	void aTemplateCannotAssignAVariable() {
		assertThat(value("#{#status = 1}", LabelContext.ofRequest(null, null, null))).isEqualTo(LabelTemplate.ERROR);
	}

	@Test
	void anExpressionIsCompiledAfterSomeObservationsAndGivesTheSameValues() {
		LabelTemplate template = LabelTemplate.parse("status", "#{#response.status}", "test");
		for (int i = 0; i < 300; i++) {
			MockHttpServletResponse response = new MockHttpServletResponse();
			response.setStatus(200 + (i % 3));
			assertThat(template.evaluate(LabelContext.ofRequest(null, response, null))).isEqualTo(200 + (i % 3));
		}
		Object expression = ReflectionTestUtils.getField(template, "expression");
		assertThat(ReflectionTestUtils.getField(expression, "compiledAst")).as("compiled").isNotNull();
		HttpServletResponseWrapper another = new HttpServletResponseWrapper(new MockHttpServletResponse());
		another.setStatus(503);
		assertThat(template.value(LabelContext.ofRequest(null, another, null))).isEqualTo("503");
		assertThat(template.value(LabelContext.ofRequest(null, null, null))).isEqualTo(LabelTemplate.ERROR);
	}

	@Test
	void aNullValueIsAnEmptyStringAndAFailureIsError() {
		LabelContext context = LabelContext.ofRequest(null, null, null);
		assertThat(value("#{#request}", context)).isEmpty();
		assertThat(value("#{#request.method}", context)).isEqualTo(LabelTemplate.ERROR);
	}

	@Test
	void aResultWhoseStringFailsIsError() {
		Object unprintable = new Object() {

			@Override
			public String toString() {
				throw new IllegalStateException("lazy proxy, no session");
			}

		};
		LabelContext context = LabelContext.ofCall(null, null, null, unprintable, null, new String[0], new Object[0]);
		assertThat(value("#{#result}", context)).isEqualTo(LabelTemplate.ERROR);
	}

	@Test
	void templatesAreCompiledAsSpringsCompilerModePropertySaysAndInterpretedInANativeImage() {
		assertThat(LabelTemplate.compilerMode(null, false)).isEqualTo(SpelCompilerMode.MIXED);
		assertThat(LabelTemplate.compilerMode("off", false)).isEqualTo(SpelCompilerMode.OFF);
		assertThat(LabelTemplate.compilerMode(" IMMEDIATE ", false)).isEqualTo(SpelCompilerMode.IMMEDIATE);
		assertThat(LabelTemplate.compilerMode(null, true)).isEqualTo(SpelCompilerMode.OFF);
		assertThat(LabelTemplate.compilerMode("mixed", true)).isEqualTo(SpelCompilerMode.OFF);
		assertThatIllegalStateException().isThrownBy(() -> LabelTemplate.compilerMode("fast", false))
			.withMessage("spring.expression.compiler.mode is 'fast'; "
					+ "prometheus-web's label templates accept off, immediate or mixed");
	}

	@Test
	void aBadNameOrTemplateNamesWhereItIsDeclared() {
		assertThatIllegalArgumentException().isThrownBy(() -> LabelTemplate.parse("bad-name", "x", "Owner#call"))
			.withMessageStartingWith("Owner#call: label name 'bad-name' is not a valid label name");
		assertThatIllegalArgumentException().isThrownBy(() -> LabelTemplate.parse("ok", "#{#request.}", "Owner#call"))
			.withMessageStartingWith("Owner#call: label 'ok' value '#{#request.}' is not a valid SpEL template");
		assertThatIllegalArgumentException().isThrownBy(() -> LabelTemplate.parse("ok", null, "Owner#call"))
			.withMessage("Owner#call: label 'ok' has no value");
	}

	private static String value(String template, LabelContext context) {
		return LabelTemplate.parse("label", template, "test").value(context);
	}

}
