package bench.driver;

import java.util.Arrays;

/** Latencies of one worker, in nanoseconds; grows as needed. */
final class Samples {
    long[] values = new long[1 << 14];
    int size;

    void add(long v) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = v;
    }
}
