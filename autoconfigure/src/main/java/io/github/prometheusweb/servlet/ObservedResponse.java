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

package io.github.prometheusweb.servlet;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * The response as the application writes it. It counts the bytes of the body and tells
 * the {@link RequestObservation} just before the response becomes complete for the
 * client, so that the request is recorded before the client can read its last byte:
 * <ul>
 * <li>when a write reaches the declared {@code Content-Length}: all of it but its last
 * byte goes to the container first, so the duration covers the body, then the request is
 * recorded, then the last byte follows;</li>
 * <li>before a flush once the body is complete, or when the response has no body (a
 * {@code HEAD} request, a 1xx, 204 or 304 status);</li>
 * <li>before the body is closed;</li>
 * <li>when a write or flush of an asynchronous response's output stream fails: the client
 * has gone, and not every container tells the request's {@code AsyncListener} soon (Jetty
 * does when the request times out). The container's writer does not report such failures,
 * so a response written through {@code getWriter()} waits for the container.</li>
 * </ul>
 * A response without a declared length is complete only when the container finishes it,
 * after the filter chain returns. Nothing is buffered: status, headers and every byte go
 * unchanged to the wrapped response, and the writer reports the errors of the
 * container's.
 *
 * @author prometheus-web authors
 */
final class ObservedResponse extends HttpServletResponseWrapper {

	private static final String CONTENT_LENGTH = "Content-Length";

	private final RequestObservation observation;

	/**
	 * The declared {@code Content-Length}, or -1; an int keeps the wrapper small (one is
	 * made per request), and a body of 2 GiB or more counts as one of unknown length.
	 */
	private int contentLength = -1;

	/**
	 * Written by one thread at a time, not always the one that reads it (an asynchronous
	 * response is written by another thread).
	 */
	private volatile long bodyBytes;

	private ServletOutputStream outputStream;

	private PrintWriter writer;

	ObservedResponse(HttpServletResponse response, RequestObservation observation) {
		super(response);
		this.observation = observation;
	}

	/**
	 * The observation of the request this response answers.
	 * @return the observation
	 */
	RequestObservation observation() {
		return this.observation;
	}

	/**
	 * The bytes of the body written so far.
	 * @return the number of bytes
	 */
	long bodyBytes() {
		return this.bodyBytes;
	}

	@Override
	public void setContentLength(int length) {
		super.setContentLength(length);
		this.contentLength = length;
	}

	@Override
	public void setContentLengthLong(long length) {
		super.setContentLengthLong(length);
		this.contentLength = (length <= Integer.MAX_VALUE) ? (int) length : -1;
	}

	@Override
	public void setHeader(String name, String value) {
		super.setHeader(name, value);
		contentLengthHeader(name, value);
	}

	@Override
	public void addHeader(String name, String value) {
		super.addHeader(name, value);
		contentLengthHeader(name, value);
	}

	@Override
	public void setIntHeader(String name, int value) {
		super.setIntHeader(name, value);
		contentLengthHeader(name, Integer.toString(value));
	}

	@Override
	public void addIntHeader(String name, int value) {
		super.addIntHeader(name, value);
		contentLengthHeader(name, Integer.toString(value));
	}

	private void contentLengthHeader(String name, String value) {
		if (CONTENT_LENGTH.equalsIgnoreCase(name)) {
			try {
				this.contentLength = (value != null) ? Integer.parseInt(value.trim()) : -1;
			}
			catch (NumberFormatException ex) {
				this.contentLength = -1;
			}
		}
	}

	@Override
	public void reset() {
		super.reset();
		this.contentLength = -1;
		this.bodyBytes = 0;
		this.outputStream = null;
		this.writer = null;
	}

	@Override
	public void resetBuffer() {
		super.resetBuffer();
		this.bodyBytes = 0;
	}

	@Override
	public void flushBuffer() throws IOException {
		beforeFlush();
		try {
			super.flushBuffer();
		}
		catch (IOException ex) {
			writeFailed();
			throw ex;
		}
	}

	@Override
	public ServletOutputStream getOutputStream() throws IOException {
		if (this.outputStream == null) {
			this.outputStream = new ObservedOutputStream(super.getOutputStream());
		}
		return this.outputStream;
	}

	@Override
	public PrintWriter getWriter() throws IOException {
		if (this.writer == null) {
			PrintWriter container = super.getWriter();
			this.writer = new ObservedPrintWriter(container,
					new ObservedWriter(container, charset(getCharacterEncoding())));
		}
		return this.writer;
	}

	private static Charset charset(String encoding) {
		try {
			return (encoding != null) ? Charset.forName(encoding) : StandardCharsets.ISO_8859_1;
		}
		catch (IllegalArgumentException ex) {
			// The container writes with it; counting one byte a character is all we lose.
			return StandardCharsets.ISO_8859_1;
		}
	}

	/**
	 * Whether a write that brings the body to a number of bytes completes the response.
	 */
	private boolean completes(long bytes) {
		return this.contentLength >= 0 && bytes >= this.contentLength && this.observation.isInProgress();
	}

	private void beforeFlush() {
		if ((this.contentLength >= 0 && this.bodyBytes >= this.contentLength)
				|| "HEAD".equals(this.observation.request().getMethod()) || hasNoBody(getStatus())) {
			this.observation.responseComplete();
		}
	}

	/**
	 * Called when the container fails to write: the client has gone, so the response is
	 * as complete as it will be. A synchronous request completes as the exception leaves
	 * the filter chain; an asynchronous one completes now, as it may otherwise wait for
	 * its timeout. Never throws: the application gets the container's exception as it is.
	 */
	private void writeFailed() {
		try {
			if (this.observation.isInProgress() && this.observation.request().isAsyncStarted()) {
				this.observation.responseComplete();
			}
		}
		catch (RuntimeException ex) {
			// The container finished the request meanwhile (a recycled request throws):
			// its completion records it.
		}
	}

	private static boolean hasNoBody(int status) {
		return status < 200 || status == HttpServletResponse.SC_NO_CONTENT
				|| status == HttpServletResponse.SC_NOT_MODIFIED;
	}

	private final class ObservedOutputStream extends ServletOutputStream {

		private final ServletOutputStream delegate;

		ObservedOutputStream(ServletOutputStream delegate) {
			this.delegate = delegate;
		}

		@Override
		public void write(int b) throws IOException {
			boolean completes = completes(ObservedResponse.this.bodyBytes + 1);
			ObservedResponse.this.bodyBytes++;
			if (completes) {
				ObservedResponse.this.observation.responseComplete();
			}
			try {
				this.delegate.write(b);
			}
			catch (IOException ex) {
				writeFailed();
				throw ex;
			}
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws IOException {
			try {
				writeObserved(bytes, offset, length);
			}
			catch (IOException ex) {
				writeFailed();
				throw ex;
			}
		}

		private void writeObserved(byte[] bytes, int offset, int length) throws IOException {
			long before = ObservedResponse.this.bodyBytes;
			if (length > 0 && completes(before + length)) {
				// All of the declared body but its last byte first.
				int head = (int) Math.max(0, Math.min(length, ObservedResponse.this.contentLength - before) - 1);
				writeCounted(bytes, offset, head);
				ObservedResponse.this.bodyBytes += length - head;
				ObservedResponse.this.observation.responseComplete();
				this.delegate.write(bytes, offset + head, length - head);
			}
			else {
				writeCounted(bytes, offset, length);
			}
		}

		private void writeCounted(byte[] bytes, int offset, int length) throws IOException {
			if (length > 0) {
				ObservedResponse.this.bodyBytes += length;
				this.delegate.write(bytes, offset, length);
			}
		}

		@Override
		public void flush() throws IOException {
			beforeFlush();
			try {
				this.delegate.flush();
			}
			catch (IOException ex) {
				writeFailed();
				throw ex;
			}
		}

		@Override
		public void close() throws IOException {
			ObservedResponse.this.observation.responseComplete();
			this.delegate.close();
		}

		@Override
		public boolean isReady() {
			return this.delegate.isReady();
		}

		@Override
		public void setWriteListener(WriteListener writeListener) {
			this.delegate.setWriteListener(writeListener);
		}

	}

	/**
	 * The writer of the application: it writes through an {@link ObservedWriter}, and
	 * reports the errors of the container's writer, which never throws.
	 */
	private static final class ObservedPrintWriter extends PrintWriter {

		private final PrintWriter container;

		ObservedPrintWriter(PrintWriter container, Writer observed) {
			super(observed);
			this.container = container;
		}

		@Override
		public boolean checkError() {
			return super.checkError() || this.container.checkError();
		}

	}

	/**
	 * Counts the bytes that the characters written take in the response's charset.
	 */
	private final class ObservedWriter extends Writer {

		private final Writer delegate;

		private final Charset charset;

		ObservedWriter(Writer delegate, Charset charset) {
			this.delegate = delegate;
			this.charset = charset;
		}

		@Override
		public void write(char[] chars, int offset, int length) throws IOException {
			long bytes = encodedLength(chars, offset, length);
			if (length > 0 && completes(ObservedResponse.this.bodyBytes + bytes)) {
				// All but the last character first (both halves of a surrogate pair).
				int end = offset + length;
				int last = (length >= 2 && Character.isLowSurrogate(chars[end - 1])
						&& Character.isHighSurrogate(chars[end - 2])) ? 2 : 1;
				writeCounted(chars, offset, length - last, encodedLength(chars, offset, length - last));
				ObservedResponse.this.bodyBytes += encodedLength(chars, end - last, last);
				ObservedResponse.this.observation.responseComplete();
				this.delegate.write(chars, end - last, last);
			}
			else {
				writeCounted(chars, offset, length, bytes);
			}
		}

		private void writeCounted(char[] chars, int offset, int length, long bytes) throws IOException {
			if (length > 0) {
				ObservedResponse.this.bodyBytes += bytes;
				this.delegate.write(chars, offset, length);
			}
		}

		private long encodedLength(char[] chars, int offset, int length) {
			if (length == 0) {
				return 0;
			}
			if (this.charset.equals(StandardCharsets.UTF_8)) {
				long bytes = 0;
				for (int i = offset; i < offset + length; i++) {
					char c = chars[i];
					if (c < 0x80) {
						bytes += 1;
					}
					else if (c < 0x800) {
						bytes += 2;
					}
					else if (Character.isHighSurrogate(c) && i + 1 < offset + length) {
						bytes += 4;
						i++;
					}
					else {
						bytes += 3;
					}
				}
				return bytes;
			}
			return this.charset.encode(CharBuffer.wrap(chars, offset, length)).remaining();
		}

		@Override
		public void flush() throws IOException {
			beforeFlush();
			this.delegate.flush();
		}

		@Override
		public void close() throws IOException {
			ObservedResponse.this.observation.responseComplete();
			this.delegate.close();
		}

	}

}
