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

package io.github.prometheusweb.testapp;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;

/**
 * Every log event of the JVM while attached, kept in memory: for tests that cannot use
 * Spring Boot's {@code OutputCaptureExtension} (those on other engines than Jupiter).
 * Attach it after the applications have started, since starting one configures logging
 * anew.
 */
public final class CapturedLogs extends AppenderBase<ILoggingEvent> implements AutoCloseable {

	private final Queue<ILoggingEvent> events = new ConcurrentLinkedQueue<>();

	private final Logger root;

	private CapturedLogs(Logger root) {
		this.root = root;
	}

	/**
	 * Starts capturing the events of the root logger.
	 * @return the capture, to close when done
	 */
	public static CapturedLogs attach() {
		LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
		Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		CapturedLogs logs = new CapturedLogs(root);
		logs.setContext(context);
		logs.setName("captured-logs");
		logs.start();
		root.addAppender(logs);
		return logs;
	}

	@Override
	protected void append(ILoggingEvent event) {
		event.prepareForDeferredProcessing();
		this.events.add(event);
	}

	/**
	 * The events so far that match.
	 * @param condition which events
	 * @return the events, oldest first
	 */
	public List<ILoggingEvent> events(Predicate<ILoggingEvent> condition) {
		return this.events.stream().filter(condition).toList();
	}

	/**
	 * Everything logged so far as text: level, logger, message and stack traces.
	 * @return the text
	 */
	public String text() {
		StringBuilder text = new StringBuilder();
		for (ILoggingEvent event : this.events) {
			text.append(describe(event)).append('\n');
		}
		return text.toString();
	}

	/**
	 * One event as text: level, logger, message and its stack trace.
	 * @param event the event
	 * @return the text
	 */
	public static String describe(ILoggingEvent event) {
		StringBuilder text = new StringBuilder();
		text.append(event.getLevel()).append(' ').append(event.getLoggerName()).append(": ");
		text.append(event.getFormattedMessage());
		for (IThrowableProxy cause = event.getThrowableProxy(); cause != null; cause = cause.getCause()) {
			text.append("\n  ").append(cause.getClassName()).append(": ").append(cause.getMessage());
			for (StackTraceElementProxy frame : cause.getStackTraceElementProxyArray()) {
				text.append("\n    ").append(frame.getSTEAsString());
			}
		}
		return text.toString();
	}

	@Override
	public void close() {
		this.root.detachAppender(this);
		stop();
	}

}
