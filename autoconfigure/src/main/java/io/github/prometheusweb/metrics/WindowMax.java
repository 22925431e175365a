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

package io.github.prometheusweb.metrics;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The largest value recorded in a recent time window, as Micrometer reports the
 * {@code _max} of a timer: the window is cut into three parts, each value is kept in all
 * three, and every third of the window the oldest part starts again from zero. The value
 * reported is that of the oldest part, so it covers between two and three thirds of the
 * window.
 *
 * @author prometheus-web authors
 */
final class WindowMax {

	private static final int PARTS = 3;

	private final long partNanos;

	private final AtomicLongArray maxBits = new AtomicLongArray(PARTS);

	private volatile long nextRotationNanos;

	private volatile int oldest;

	/**
	 * Creates an empty maximum.
	 * @param windowNanos the length of the window, in nanoseconds
	 * @param nowNanos the time now, on the clock of {@link System#nanoTime()}
	 */
	WindowMax(long windowNanos, long nowNanos) {
		this.partNanos = windowNanos / PARTS;
		this.nextRotationNanos = nowNanos + this.partNanos;
	}

	/**
	 * Records a value.
	 * @param value a value, not negative
	 * @param nowNanos the time of the value, on the clock of {@link System#nanoTime()}
	 */
	void record(double value, long nowNanos) {
		rotateIfDue(nowNanos);
		long bits = Double.doubleToLongBits(value);
		for (int i = 0; i < PARTS; i++) {
			long current = this.maxBits.get(i);
			while (Double.longBitsToDouble(current) < value && !this.maxBits.compareAndSet(i, current, bits)) {
				current = this.maxBits.get(i);
			}
		}
	}

	/**
	 * The largest value of the window.
	 * @param nowNanos the time now, on the clock of {@link System#nanoTime()}
	 * @return the value, 0 if none was recorded in the window
	 */
	double get(long nowNanos) {
		rotateIfDue(nowNanos);
		return Double.longBitsToDouble(this.maxBits.get(this.oldest));
	}

	private void rotateIfDue(long now) {
		if (now - this.nextRotationNanos < 0) {
			return;
		}
		synchronized (this) {
			int rotations = 0;
			while (now - this.nextRotationNanos >= 0 && rotations < PARTS) {
				this.maxBits.set(this.oldest, 0);
				this.oldest = (this.oldest + 1) % PARTS;
				this.nextRotationNanos += this.partNanos;
				rotations++;
			}
			if (now - this.nextRotationNanos >= 0) {
				// Idle for longer than the window: every part is empty.
				this.nextRotationNanos = now + this.partNanos;
			}
		}
	}

}
