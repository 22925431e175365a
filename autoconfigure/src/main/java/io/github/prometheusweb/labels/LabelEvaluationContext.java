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

import java.util.List;

import io.github.prometheusweb.grouping.HandlerDetails;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.expression.BeanResolver;
import org.springframework.expression.ConstructorResolver;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.MethodResolver;
import org.springframework.expression.OperatorOverloader;
import org.springframework.expression.PropertyAccessor;
import org.springframework.expression.TypeComparator;
import org.springframework.expression.TypeConverter;
import org.springframework.expression.TypeLocator;
import org.springframework.expression.TypedValue;
import org.springframework.expression.spel.support.ReflectiveConstructorResolver;
import org.springframework.expression.spel.support.ReflectiveMethodResolver;
import org.springframework.expression.spel.support.ReflectivePropertyAccessor;
import org.springframework.expression.spel.support.StandardOperatorOverloader;
import org.springframework.expression.spel.support.StandardTypeComparator;
import org.springframework.expression.spel.support.StandardTypeConverter;
import org.springframework.expression.spel.support.StandardTypeLocator;
import org.springframework.util.ClassUtils;

/**
 * The {@link LabelContext} of one observation as SpEL evaluates templates in it: its
 * variables are read when an expression asks for them, and everything else (reflective
 * property, method and constructor access, types, conversions) is shared by every
 * observation. So an observation costs one object, not a map of variables. A template
 * cannot assign a variable.
 *
 * @author prometheus-web authors
 */
final class LabelEvaluationContext extends LabelContext implements EvaluationContext {

	private static final List<PropertyAccessor> propertyAccessors = List.of(new ReflectivePropertyAccessor(false));

	private static final List<MethodResolver> methodResolvers = List.of(new ReflectiveMethodResolver());

	private static final List<ConstructorResolver> constructorResolvers = List.of(new ReflectiveConstructorResolver());

	private static final TypeConverter typeConverter = new StandardTypeConverter();

	private static final TypeComparator typeComparator = new StandardTypeComparator();

	private static final OperatorOverloader operatorOverloader = new StandardOperatorOverloader();

	LabelEvaluationContext(HttpServletRequest request, HttpServletResponse response, HandlerDetails handler,
			Object result, Throwable exception, String[] parameterNames, Object[] arguments) {
		super(request, response, handler, result, exception, parameterNames, arguments);
	}

	@Override
	EvaluationContext evaluationContext() {
		return this;
	}

	@Override
	public Object lookupVariable(String name) {
		return variable(name);
	}

	@Override
	public void setVariable(String name, Object value) {
		throw new UnsupportedOperationException("A label template cannot assign the variable '" + name + "'");
	}

	@Override
	public boolean isAssignmentEnabled() {
		return false;
	}

	@Override
	public TypedValue getRootObject() {
		return TypedValue.NULL;
	}

	@Override
	public List<PropertyAccessor> getPropertyAccessors() {
		return propertyAccessors;
	}

	@Override
	public List<MethodResolver> getMethodResolvers() {
		return methodResolvers;
	}

	@Override
	public List<ConstructorResolver> getConstructorResolvers() {
		return constructorResolvers;
	}

	@Override
	public BeanResolver getBeanResolver() {
		return null;
	}

	@Override
	public TypeLocator getTypeLocator() {
		// The application's class loader, which may change (a restart under devtools), as
		// Spring's StandardEvaluationContext does; only expressions with T(...) ask.
		return new StandardTypeLocator(ClassUtils.getDefaultClassLoader());
	}

	@Override
	public TypeConverter getTypeConverter() {
		return typeConverter;
	}

	@Override
	public TypeComparator getTypeComparator() {
		return typeComparator;
	}

	@Override
	public OperatorOverloader getOperatorOverloader() {
		return operatorOverloader;
	}

}
