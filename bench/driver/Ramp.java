package bench.driver;

import java.util.Arrays;
import java.util.Locale;

/**
 * The throughput of a cold target second by second, and when it reached its steady value. Steady is the median
 * events/s of the last third of the seconds (a median: one slow second, a GC or a neighbour, does not move it). The
 * time to peak is the first second {@code t} from which every 5-s window, {@code [t, t+5)}, {@code [t+1, t+6)} ...
 * up to the end of the run, averages at least 90 % of steady: a single good second is not a peak, a late dip below
 * it means the target had not settled yet, and the 5-s average keeps one bad second from counting as a dip. -1
 * when even the last window is below 90 %, nothing succeeded, or the run is shorter than one window.
 */
record Ramp(long[] perSecond, double steady, int peakSecond) {
    static final int WINDOW = 5;
    static final double FRACTION = 0.9;

    static Ramp of(long[] perSecond) {
        int n = perSecond.length;
        long[] tail = Arrays.copyOfRange(perSecond, n - Math.max(1, n / 3), n);
        Arrays.sort(tail);
        double steady = tail.length % 2 == 1 ? tail[tail.length / 2]
                : (tail[tail.length / 2 - 1] + tail[tail.length / 2]) / 2.0;
        // from the last window back to the first one below the line: the peak is the window after it
        int peak = -1;
        for (int t = n - WINDOW; t >= 0 && steady > 0 && average(perSecond, t, WINDOW) >= FRACTION * steady; t--) {
            peak = t;
        }
        return new Ramp(perSecond, steady, peak);
    }

    static double average(long[] values, int from, int count) {
        long sum = 0;
        for (int i = from; i < from + count; i++) {
            sum += values[i];
        }
        return sum / (double) count;
    }

    boolean reached() {
        return peakSecond >= 0;
    }

    int steadyFrom() {
        return perSecond.length - Math.max(1, perSecond.length / 3);
    }

    /** The series in 5-s buckets, events/s: "0-5 s 1234, 5-10 s 5678, ...". */
    String buckets() {
        StringBuilder b = new StringBuilder();
        for (int from = 0; from < perSecond.length; from += WINDOW) {
            int count = Math.min(WINDOW, perSecond.length - from);
            b.append(b.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%d-%d s %.0f", from,
                    from + count, average(perSecond, from, count)));
        }
        return b.toString();
    }
}
