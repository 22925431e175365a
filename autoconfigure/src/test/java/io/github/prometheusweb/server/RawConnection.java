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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A client connection over a plain socket, for what an HTTP client library does not do:
 * send a request head byte by byte, stay silent, stop reading, leave in the middle of a
 * response. It never blocks: {@link #poll()} reads what has arrived.
 */
final class RawConnection implements AutoCloseable {

	private final SocketChannel channel;

	private final ByteArrayOutputStream received = new ByteArrayOutputStream();

	private final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);

	private boolean closedByPeer;

	private RawConnection(SocketChannel channel) {
		this.channel = channel;
	}

	/**
	 * Connects to a port of the loopback address.
	 * @param port the port
	 * @return the connection, not yet sending anything
	 * @throws IOException if the connection fails
	 */
	static RawConnection open(int port) throws IOException {
		return open(port, 0);
	}

	/**
	 * Connects to a port of the loopback address with a small receive buffer, so that a
	 * server writing a large response waits for this client to read.
	 * @param port the port
	 * @param receiveBuffer the size of the socket's receive buffer, 0 for the default
	 * @return the connection, not yet sending anything
	 * @throws IOException if the connection fails
	 */
	static RawConnection open(int port, int receiveBuffer) throws IOException {
		SocketChannel channel = SocketChannel.open();
		if (receiveBuffer > 0) {
			channel.setOption(StandardSocketOptions.SO_RCVBUF, receiveBuffer);
		}
		channel.socket().connect(new InetSocketAddress("127.0.0.1", port), 10_000);
		channel.configureBlocking(false);
		return new RawConnection(channel);
	}

	/**
	 * Opens connections that send nothing.
	 * @param count how many
	 * @param port the port
	 * @return the connections
	 * @throws IOException if one fails to connect
	 */
	static List<RawConnection> openMany(int count, int port) throws IOException {
		List<RawConnection> connections = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			connections.add(open(port));
		}
		return connections;
	}

	/**
	 * Sends a few bytes; a connection the server has closed is remembered as closed.
	 * @param ascii the bytes, as ASCII text
	 */
	void send(String ascii) {
		if (this.closedByPeer) {
			return;
		}
		try {
			ByteBuffer bytes = ByteBuffer.wrap(ascii.getBytes(StandardCharsets.US_ASCII));
			while (bytes.hasRemaining()) {
				this.channel.write(bytes);
			}
		}
		catch (IOException ex) {
			this.closedByPeer = true;
		}
	}

	/**
	 * Sends a GET of the given path and asks the server to close the connection after the
	 * response.
	 * @param path the path
	 */
	void sendGet(String path) {
		send("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
	}

	/**
	 * Reads what has arrived.
	 * @return whether the server has closed the connection
	 */
	boolean poll() {
		if (this.closedByPeer) {
			return true;
		}
		try {
			int read;
			while ((read = this.channel.read(this.buffer.clear())) > 0) {
				this.received.write(this.buffer.array(), 0, read);
			}
			if (read < 0) {
				this.closedByPeer = true;
			}
		}
		catch (IOException ex) {
			this.closedByPeer = true;
		}
		return this.closedByPeer;
	}

	/**
	 * The status code of the response, once its first line has arrived.
	 * @return the status code, or 0 if none has arrived yet
	 */
	int status() {
		String text = this.received.toString(StandardCharsets.ISO_8859_1);
		int end = text.indexOf("\r\n");
		return (end < 0) ? 0 : Integer.parseInt(text.substring(0, end).split(" ")[1]);
	}

	/**
	 * How many bytes have arrived so far.
	 * @return the number of bytes
	 */
	int received() {
		return this.received.size();
	}

	/**
	 * The body of a response the server has sent whole and then closed.
	 * @return the body
	 */
	String body() {
		return body(this.received.toByteArray());
	}

	/**
	 * Leaves without a goodbye: the connection is reset, as by a client that crashed or
	 * gave up.
	 */
	void reset() {
		try {
			this.channel.setOption(StandardSocketOptions.SO_LINGER, 0);
			this.channel.close();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		try {
			this.channel.close();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Sends a GET over a new blocking socket and reads the whole response.
	 * @param port the port
	 * @param path the path
	 * @param timeout the longest wait for the connection and for each read
	 * @return the status code and body
	 * @throws IOException if the connection fails or a read times out
	 */
	static Response get(int port, String path, Duration timeout) throws IOException {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), (int) timeout.toMillis());
			socket.setSoTimeout((int) timeout.toMillis());
			socket.getOutputStream()
				.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII));
			InputStream in = socket.getInputStream();
			byte[] bytes = in.readAllBytes();
			String head = new String(bytes, 0, Math.min(bytes.length, 200), StandardCharsets.ISO_8859_1);
			return new Response(Integer.parseInt(head.substring(0, head.indexOf("\r\n")).split(" ")[1]), body(bytes));
		}
	}

	private static String body(byte[] bytes) {
		String text = new String(bytes, StandardCharsets.UTF_8);
		int end = text.indexOf("\r\n\r\n");
		if (end < 0) {
			throw new IllegalStateException("No complete response head: " + text);
		}
		String head = text.substring(0, end).toLowerCase(Locale.ROOT);
		if (head.contains("transfer-encoding: chunked")) {
			throw new IllegalStateException("A chunked response, where a length was expected: " + head);
		}
		return text.substring(end + 4);
	}

	/**
	 * A response read whole.
	 *
	 * @param status the status code
	 * @param body the body as UTF-8 text
	 */
	record Response(int status, String body) {

	}

}
