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
 * <li>before the write that reaches the declared {@code Content-Length} (a container may
 * send those bytes at once);</li>
 * <li>before a flush once the body is complete, or when the response has no body (a
 * {@code HEAD} request, a 1xx, 204 or 304 status);</li>
 * <li>before the body is closed.</li>
 * </ul>
 * A response without a declared length is complete only when the container finishes it,
 * after the filter chain returns. Nothing is buffered or changed: every call goes
 * straight to the wrapped response.
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
	}

	@Override
	public void resetBuffer() {
		super.resetBuffer();
		this.bodyBytes = 0;
	}

	@Override
	public void flushBuffer() throws IOException {
		beforeFlush();
		super.flushBuffer();
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
			this.writer = new PrintWriter(
					new ObservedWriter(super.getWriter(), Charset.forName(getCharacterEncoding())));
		}
		return this.writer;
	}

	private void beforeWrite(long bytes) {
		long written = this.bodyBytes + bytes;
		this.bodyBytes = written;
		if (this.contentLength >= 0 && written >= this.contentLength) {
			this.observation.responseComplete();
		}
	}

	private void beforeFlush() {
		if ((this.contentLength >= 0 && this.bodyBytes >= this.contentLength)
				|| "HEAD".equals(this.observation.request().getMethod()) || hasNoBody(getStatus())) {
			this.observation.responseComplete();
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
			beforeWrite(1);
			this.delegate.write(b);
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws IOException {
			beforeWrite(length);
			this.delegate.write(bytes, offset, length);
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

		@Override
		public boolean isReady() {
			return this.delegate.isReady();
		}

		@Override
		public void setWriteListener(WriteListener writeListener) {
			this.delegate.setWriteListener(writeListener);
		}

	}

	private final class ObservedWriter extends Writer {

		private final Writer delegate;

		private final Charset charset;

		ObservedWriter(Writer delegate, Charset charset) {
			this.delegate = delegate;
			this.charset = charset;
		}

		@Override
		public void write(char[] chars, int offset, int length) throws IOException {
			beforeWrite(encodedLength(chars, offset, length));
			this.delegate.write(chars, offset, length);
		}

		private long encodedLength(char[] chars, int offset, int length) {
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
					else if (Character.isHighSurrogate(c)) {
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
