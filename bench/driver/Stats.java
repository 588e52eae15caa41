package bench.driver;

import java.util.Arrays;
import java.util.List;

/** Throughput and latency of one measured phase (latencies in ms). */
record Stats(long count, double seconds, double perSecond, double p50, double p99, double p999, double max,
             double mean, long errors) {
    static Stats of(List<Samples> all, long errors, double seconds) {
        int total = all.stream().mapToInt(s -> s.size).sum();
        long[] merged = new long[total];
        int at = 0;
        for (Samples s : all) {
            System.arraycopy(s.values, 0, merged, at, s.size);
            at += s.size;
        }
        Arrays.sort(merged);
        double sum = 0;
        for (long v : merged) {
            sum += v;
        }
        return new Stats(total, seconds, total / seconds, ms(percentile(merged, 50)), ms(percentile(merged, 99)),
                ms(percentile(merged, 99.9)), ms(total == 0 ? 0 : merged[total - 1]),
                total == 0 ? 0 : sum / total / 1e6, errors);
    }

    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    static double ms(long nanos) {
        return nanos / 1e6;
    }
}
