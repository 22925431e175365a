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
 * Counts the bytes of a response body, written through the output stream or the writer.
 * Nothing is buffered: every write goes straight to the wrapped response.
 *
 * @author prometheus-web authors
 */
class BodySizeResponseWrapper extends HttpServletResponseWrapper {

	/**
	 * Written by one thread at a time, not always the one that reads it (a streaming body
	 * is written by an asynchronous task).
	 */
	private volatile long count;

	private ServletOutputStream outputStream;

	private PrintWriter writer;

	BodySizeResponseWrapper(HttpServletResponse response) {
		super(response);
	}

	@Override
	public ServletOutputStream getOutputStream() throws IOException {
		if (this.outputStream == null) {
			this.outputStream = new CountingOutputStream(super.getOutputStream());
		}
		return this.outputStream;
	}

	@Override
	public PrintWriter getWriter() throws IOException {
		if (this.writer == null) {
			this.writer = new PrintWriter(
					new CountingWriter(super.getWriter(), Charset.forName(getCharacterEncoding())));
		}
		return this.writer;
	}

	long bodySize() {
		return this.count;
	}

	private final class CountingOutputStream extends ServletOutputStream {

		private final ServletOutputStream delegate;

		CountingOutputStream(ServletOutputStream delegate) {
			this.delegate = delegate;
		}

		@Override
		public void write(int b) throws IOException {
			this.delegate.write(b);
			BodySizeResponseWrapper.this.count++;
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws IOException {
			this.delegate.write(bytes, offset, length);
			BodySizeResponseWrapper.this.count += length;
		}

		@Override
		public void flush() throws IOException {
			this.delegate.flush();
		}

		@Override
		public void close() throws IOException {
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

	private final class CountingWriter extends Writer {

		private final Writer delegate;

		private final Charset charset;

		CountingWriter(Writer delegate, Charset charset) {
			this.delegate = delegate;
			this.charset = charset;
		}

		@Override
		public void write(char[] chars, int offset, int length) throws IOException {
			this.delegate.write(chars, offset, length);
			BodySizeResponseWrapper.this.count += encodedLength(chars, offset, length);
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
			this.delegate.flush();
		}

		@Override
		public void close() throws IOException {
			this.delegate.close();
		}

	}

}
