package bench.driver;

import static bench.driver.LoadDriver.log;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Two builds of the target against one simulator, measured in alternation (A B B A ...) at one concurrency:
 * whatever else the machine does hits both alike. Prints each round and the medians. With {@code --b-path proxy}, B
 * is a yardstick ({@code --proxy-port}, its pid as {@code --b-target-pid}) driven with the mix's REST calls.
 */
final class AbComparison {
    final Config config;

    AbComparison(Config config) {
        this.config = config;
    }

    void run() throws Exception {
        Rig a = new Rig(config);
        Rig b = new Rig(config, "b-");
        PathKind pathB = config.get("b-path", "target").equals("proxy") ? PathKind.PROXY : PathKind.TARGET;
        b.ids = a.ids;
        a.login(config);
        b.token = a.token;
        int concurrency = config.integer("concurrency", 64);
        int rounds = config.integer("rounds", 6);
        double seconds = config.decimal("seconds", 5);
        double warmup = config.decimal("warmup", 20);
        // --rate R: each measured round is an open loop at R events/s (latency under a fixed load, e.g. GC
        // settings at half load) instead of a closed loop
        double rate = config.decimal("rate", 0);
        Phase.seed(a);
        log(String.format(Locale.ROOT, "warm-up: %.0f s each, c=%d", warmup, concurrency));
        for (int i = 0; i < 2; i++) {
            Phase.run(a, PathKind.TARGET, concurrency, 0, warmup / 2, 0.5, 0, null);
            Phase.run(b, pathB, concurrency, 0, warmup / 2, 0.5, 0, null);
        }
        List<double[]> resultsA = new ArrayList<>();
        List<double[]> resultsB = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            Rig first = round % 2 == 0 ? a : b;
            Rig second = first == a ? b : a;
            for (Rig rig : List.of(first, second)) {
                PhaseResult r = Phase.run(rig, rig == a ? PathKind.TARGET : pathB, concurrency, rate, 1, seconds, 0,
                        null);
                double[] row = {r.stats.perSecond(), r.perThousand(r.targetCpuSeconds), r.stats.p50(),
                        r.stats.p99(), r.apiCallsPer1k(), r.otherCpuPercent(), r.stats.errors()};
                (rig == a ? resultsA : resultsB).add(row);
                log(String.format(Locale.ROOT, "round %d %s: %s, others %.0f%%, errors %.0f", round + 1,
                        rig == a ? "A" : "B", figures(row), row[5], row[6]));
            }
        }
        double[] medianA = medians(resultsA);
        double[] medianB = medians(resultsB);
        String summary = String.format(Locale.ROOT,
                "c=%d, mix %s%s, %d rounds of %.0f s, medians:%n  A %s: %s%n  B %s: %s%n"
                        + "  B/A: throughput %.2f, CPU per event %.2f, API calls per event %.2f",
                concurrency, a.mix.name().toLowerCase(Locale.ROOT),
                rate > 0 ? String.format(Locale.ROOT, ", open loop %.0f ev/s", rate) : "", rounds, seconds,
                config.get("a-name", "A"), figures(medianA), config.get("b-name", "B"), figures(medianB),
                medianB[0] / medianA[0], medianB[1] / medianA[1], medianB[4] / medianA[4]);
        if (pathB == PathKind.PROXY) {
            summary += String.format(Locale.ROOT, "%n  the target's CPU per event against the yardstick's (A/B): %.2f",
                    medianA[1] / medianB[1]);
        }
        System.out.println(summary);
        Path out = Path.of(config.get("out"));
        Files.createDirectories(out);
        Files.writeString(out.resolve("ab.txt"), summary + "\n");
    }

    /**
     * One side's figures: events/s, target CPU per 1k events, p50, p99, and the Salesforce API calls per 1k events
     * (the simulated org's count over that side's phase alone: the phases of A and B never overlap).
     */
    private static String figures(double[] row) {
        return String.format(Locale.ROOT, "%.0f ev/s, target CPU %.3f s/1k, p50 %.2f ms, p99 %.2f ms, "
                + "Salesforce API calls %.1f per 1k events", row[0], row[1], row[2], row[3], row[4]);
    }

    private static double[] medians(List<double[]> rows) {
        double[] m = new double[rows.isEmpty() ? 0 : rows.get(0).length];
        for (int column = 0; column < m.length; column++) {
            m[column] = median(rows, column);
        }
        return m;
    }

    static double median(List<double[]> rows, int column) {
        double[] values = rows.stream().mapToDouble(r -> r[column]).sorted().toArray();
        int n = values.length;
        return n == 0 ? 0 : n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }
}
