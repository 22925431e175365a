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

import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.prometheusweb.support.MetricRules;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.NativeDetector;
import org.springframework.core.SpringProperties;
import org.springframework.expression.Expression;
import org.springframework.expression.ParseException;
import org.springframework.expression.common.TemplateParserContext;
import org.springframework.expression.spel.SpelCompilerMode;
import org.springframework.expression.spel.SpelParserConfiguration;
import org.springframework.expression.spel.standard.SpelExpressionParser;

/**
 * One label of a metric, parsed once: a literal value, or a SpEL template with
 * {@code #{...}} expressions evaluated per observation. An expression that fails gives
 * the value {@value #ERROR}, logged once.
 *
 * @author prometheus-web authors
 */
public final class LabelTemplate {

	/**
	 * Label value of an expression that failed.
	 */
	public static final String ERROR = "error";

	private static final Log logger = LogFactory.getLog(LabelTemplate.class);

	/**
	 * Spring's property that sets how SpEL compiles expressions.
	 */
	static final String COMPILER_MODE_PROPERTY = "spring.expression.compiler.mode";

	private static final SpelExpressionParser parser = new SpelExpressionParser(new SpelParserConfiguration(
			compilerMode(SpringProperties.getProperty(COMPILER_MODE_PROPERTY), NativeDetector.inNativeImage()),
			LabelTemplate.class.getClassLoader()));

	private static final TemplateParserContext templateContext = new TemplateParserContext();

	private final String name;

	private final String source;

	private final String literal;

	private final Expression expression;

	private final String owner;

	private final AtomicBoolean failureLogged = new AtomicBoolean();

	private LabelTemplate(String name, String source, String literal, Expression expression, String owner) {
		this.name = name;
		this.source = source;
		this.literal = literal;
		this.expression = expression;
		this.owner = owner;
	}

	/**
	 * Parses a label value.
	 * @param name the label name
	 * @param value a literal value, or a template with {@code #{...}} expressions
	 * @param owner where the label is declared, used in error messages, for example
	 * {@code prometheus.web.default-labels.team} or {@code ItemController#items}
	 * @return the label
	 * @throws IllegalArgumentException if the name is not a valid label name or the
	 * template does not parse
	 */
	public static LabelTemplate parse(String name, String value, String owner) {
		MetricRules.checkLabelName(name, owner + ": label name");
		if (value == null) {
			throw new IllegalArgumentException(owner + ": label '" + name + "' has no value");
		}
		if (!value.contains(templateContext.getExpressionPrefix())) {
			return new LabelTemplate(name, value, value, null, owner);
		}
		try {
			return new LabelTemplate(name, value, null, parser.parseExpression(value, templateContext), owner);
		}
		catch (ParseException | IllegalStateException ex) {
			throw new IllegalArgumentException(owner + ": label '" + name + "' value '" + value
					+ "' is not a valid SpEL template: " + ex.getMessage());
		}
	}

	/**
	 * The label name.
	 * @return the name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * Whether the value is a literal, the same for every observation.
	 * @return {@code true} for a literal
	 */
	public boolean isLiteral() {
		return this.expression == null;
	}

	/**
	 * The value for one observation.
	 * @param context the variables of the observation
	 * @return the value; an empty string for {@code null}, {@value #ERROR} if the
	 * expression failed
	 */
	public String value(LabelContext context) {
		return (this.expression != null) ? labelValue(evaluate(context)) : this.literal;
	}

	/**
	 * What the template gives for one observation, before it becomes a label value: the
	 * literal, or the expression's result as it is (an {@code Integer} status, say), so
	 * that a caller can look up the series of a value without making its string.
	 * @param context the variables of the observation
	 * @return the value, possibly {@code null}; {@value #ERROR} if the expression failed
	 * @see #labelValue(Object)
	 */
	public Object evaluate(LabelContext context) {
		if (this.expression == null) {
			return this.literal;
		}
		try {
			return this.expression.getValue(context.evaluationContext());
		}
		catch (RuntimeException ex) {
			logFailure(ex);
			return ERROR;
		}
	}

	/**
	 * The label value of what this template gave.
	 * @param evaluated the result of {@link #evaluate(LabelContext)}
	 * @return its string, an empty string for {@code null}, {@value #ERROR} if its
	 * {@code toString()} failed
	 */
	public String labelValue(Object evaluated) {
		if (evaluated == null) {
			return "";
		}
		try {
			return evaluated.toString();
		}
		catch (RuntimeException ex) {
			logFailure(ex);
			return ERROR;
		}
	}

	private void logFailure(RuntimeException ex) {
		if (this.failureLogged.compareAndSet(false, true)) {
			logger.warn(this.owner + ": label '" + this.name + "' expression '" + this.source
					+ "' failed, recording the value '" + ERROR + "' (logged once): " + ex);
		}
	}

	/**
	 * How SpEL runs the templates: compiled to bytecode once an expression has been
	 * evaluated a hundred times, falling back to interpreting it if the compiled form
	 * fails ({@code mixed}); as Spring's {@value #COMPILER_MODE_PROPERTY} says when it is
	 * set; interpreted only in a native image, which cannot load classes.
	 * @param property the value of {@value #COMPILER_MODE_PROPERTY}, or {@code null}
	 * @param nativeImage whether this runs in a native image
	 * @return the compiler mode
	 * @throws IllegalStateException if the property is not a compiler mode
	 */
	static SpelCompilerMode compilerMode(String property, boolean nativeImage) {
		if (nativeImage) {
			return SpelCompilerMode.OFF;
		}
		if (property == null) {
			return SpelCompilerMode.MIXED;
		}
		try {
			return SpelCompilerMode.valueOf(property.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException(COMPILER_MODE_PROPERTY + " is '" + property
					+ "'; prometheus-web's label templates accept off, immediate or mixed");
		}
	}

}
