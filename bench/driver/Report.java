package bench.driver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The tables of a {@code bench} or {@code peak} run (printed, and table.md) and its results.csv and results.json
 * (and time-to-peak.csv, the cold target's events per second).
 */
final class Report {
    final List<PhaseResult[]> rows;
    final PhaseResult[] half;
    /** The time to peak; null when not measured. */
    final ColdStart cold;
    final Config config;

    Report(List<PhaseResult[]> rows, PhaseResult[] half, ColdStart cold, Config config) {
        this.rows = rows;
        this.half = half;
        this.cold = cold;
        this.config = config;
    }

    String table() {
        StringBuilder t = new StringBuilder();
        if (!rows.isEmpty()) {
            levelTables(t);
        }
        if (cold != null) {
            t.append(t.length() == 0 ? "" : "\n\n").append(ColdStart.tableHeader()).append(cold.tableRow())
                    .append('\n').append(cold.notes());
        }
        return t.toString();
    }

    private void levelTables(StringBuilder t) {
        t.append("| clients | direct ev/s | target ev/s | target/direct | direct p50 / p99 / max ms "
                + "| target p50 / p99 / max ms | added p50 / p99 ms | in the target p50 / p99 ms "
                + "| logins per 10k | errors | target peak RSS MiB | target CPU s per 1k ev |\n");
        t.append("|---:|---:|---:|---:|---|---|---|---|---:|---:|---:|---:|\n");
        for (PhaseResult[] row : rows) {
            t.append(line(String.valueOf(row[1].concurrency), row[0], row[1]));
        }
        if (half != null) {
            t.append(line(String.format("%d, open loop %.0f ev/s (half load)", half[1].concurrency, half[1].rate),
                    half[0], half[1]));
        }
        double others = 0;
        for (PhaseResult[] row : rows) {
            for (PhaseResult r : row) {
                others = Math.max(others, r.otherCpuPercent());
            }
        }
        t.append("\nSalesforce API calls per 1,000 events through the target (the simulated org's count):");
        for (PhaseResult[] row : rows) {
            t.append(String.format(Locale.ROOT, " c=%d %.1f;", row[1].concurrency, row[1].apiCallsPer1k()));
        }
        t.append(String.format(Locale.ROOT, "%nOther processes on the machine used at most %.0f%% of one core during a "
                + "measured phase.", others));
        if (rows.stream().allMatch(row -> row.length == 3)) {
            t.append("\n\n").append(proxyTable());
        }
        long[] startups = startups();
        if (startups.length > 0) {
            t.append(String.format(Locale.ROOT, "%nTarget start to ready: %d ms (median of %d starts, fastest %d ms) ",
                    startups[(startups.length - 1) / 2], startups.length, startups[0]))
                    .append(config.get("class-data-label", "with the class-data archive"));
            String without = config.get("startup-no-cds-ms", "");
            t.append(without.isEmpty() ? "." : ", " + without + " ms without (the training run).");
        }
    }

    /** The target's start to ready in each start ({@code --startups-ms 2100,2250,2180}), in ms, sorted. */
    private long[] startups() {
        String list = config.get("startups-ms", "");
        return list.isEmpty() ? new long[0]
                : Arrays.stream(list.split(",")).mapToLong(Long::parseLong).sorted().toArray();
    }

    private static String line(String label, PhaseResult d, PhaseResult x) {
        return String.format(Locale.ROOT,
                "| %s | %.0f | %.0f | %.2f | %.2f / %.2f / %.1f | %.2f / %.2f / %.1f | %+.2f / %+.2f | %s / %s | %.1f | %d | %.0f | %.3f |%n",
                label, d.stats.perSecond(), x.stats.perSecond(), x.stats.perSecond() / d.stats.perSecond(),
                d.stats.p50(), d.stats.p99(), d.stats.max(), x.stats.p50(), x.stats.p99(), x.stats.max(),
                x.stats.p50() - d.stats.p50(), x.stats.p99() - d.stats.p99(), atMost(x.ownP50), atMost(x.ownP99),
                x.loginsPer10k(),
                d.stats.errors() + x.stats.errors(), x.targetPeakRssMiB, x.perThousand(x.targetCpuSeconds));
    }

    /**
     * The yardstick: the same REST calls as the direct path through a bare reverse proxy (two HTTP exchanges
     * per event and nothing else), next to the target.
     */
    String proxyTable() {
        String name = config.get("proxy-label", "bare proxy");
        StringBuilder t = new StringBuilder("| clients | direct ev/s | " + name + " ev/s | proxy/direct "
                + "| proxy p50 / p99 / max ms | proxy added p50 / p99 ms | proxy CPU s per 1k ev "
                + "| target ev/s | target/proxy | target CPU s per 1k ev |\n");
        t.append("|---:|---:|---:|---:|---|---|---:|---:|---:|---:|\n");
        List<PhaseResult[]> all = new ArrayList<>(rows);
        if (half != null) {
            all.add(half);
        }
        for (PhaseResult[] row : all) {
            PhaseResult d = row[0];
            PhaseResult x = row[1];
            PhaseResult p = row[2];
            String label = p.rate > 0 ? String.format(Locale.ROOT, "%d, open loop %.0f ev/s (half load)",
                    p.concurrency, p.rate) : String.valueOf(p.concurrency);
            t.append(String.format(Locale.ROOT,
                    "| %s | %.0f | %.0f | %.2f | %.2f / %.2f / %.1f | %+.2f / %+.2f | %.3f | %.0f | %.2f | %.3f |%n",
                    label, d.stats.perSecond(), p.stats.perSecond(), p.stats.perSecond() / d.stats.perSecond(),
                    p.stats.p50(), p.stats.p99(), p.stats.max(), p.stats.p50() - d.stats.p50(),
                    p.stats.p99() - d.stats.p99(), p.perThousand(p.proxyCpuSeconds), x.stats.perSecond(),
                    x.stats.perSecond() / p.stats.perSecond(), x.perThousand(x.targetCpuSeconds)));
        }
        return t.toString();
    }

    /** A histogram bound: "≤ 2.1" (the event took at most that long), "-" when not measured. */
    private static String atMost(double bound) {
        return Double.isNaN(bound) ? "-" : String.format(Locale.ROOT, "≤ %.1f", bound);
    }

    void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        StringBuilder csv = new StringBuilder("kind,path,concurrency,rate,events,seconds,events_per_s,p50_ms,p99_ms,"
                + "p999_ms,max_ms,mean_ms,errors,logins,logins_per_10k,target_cpu_s_per_1k,sim_cpu_s_per_1k,"
                + "driver_cpu_s_per_1k,proxy_cpu_s_per_1k,other_processes_cpu_pct,target_peak_rss_mib,target_rss_mib,"
                + "own_p50_ms_at_most,own_p99_ms_at_most,api_calls_per_1k\n");
        List<Map<String, Object>> phases = new ArrayList<>();
        List<PhaseResult> all = new ArrayList<>();
        if (cold != null) {
            all.add(cold.phase());
        }
        for (PhaseResult[] row : rows) {
            all.addAll(List.of(row));
        }
        if (half != null) {
            all.addAll(List.of(half));
        }
        for (PhaseResult r : all) {
            String kind = r.eventsPerSecond != null ? "time-to-peak" : r.rate > 0 ? "half-load" : "level";
            Stats s = r.stats;
            csv.append(String.format(Locale.ROOT, "%s,%s,%d,%.0f,%d,%.3f,%.1f,%.3f,%.3f,%.3f,%.3f,%.3f,%d,%d,%.2f,%.4f,%.4f,%.4f,%.4f,%.1f,%.1f,%.1f,%.3f,%.3f,%.1f%n",
                    kind, r.path, r.concurrency, r.rate, s.count(), s.seconds(), s.perSecond(), s.p50(), s.p99(),
                    s.p999(), s.max(), s.mean(), s.errors(), r.logins, r.loginsPer10k(),
                    r.perThousand(r.targetCpuSeconds), r.perThousand(r.simCpuSeconds),
                    r.perThousand(r.driverCpuSeconds), r.perThousand(r.proxyCpuSeconds), r.otherCpuPercent(), r.targetPeakRssMiB, r.targetRssMiB,
                    r.ownP50, r.ownP99, r.apiCallsPer1k()));
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("kind", kind);
            o.put("path", r.path);
            o.put("concurrency", r.concurrency);
            o.put("rate", r.rate);
            o.put("events", s.count());
            o.put("seconds", s.seconds());
            o.put("eventsPerSecond", s.perSecond());
            o.put("p50Ms", s.p50());
            o.put("p99Ms", s.p99());
            o.put("p999Ms", s.p999());
            o.put("maxMs", s.max());
            o.put("meanMs", s.mean());
            o.put("errors", s.errors());
            o.put("logins", r.logins);
            o.put("loginsPer10k", r.loginsPer10k());
            o.put("apiCalls", r.apiCalls);
            o.put("apiCallsPer1k", r.apiCallsPer1k());
            o.put("targetCpuSecondsPer1k", r.perThousand(r.targetCpuSeconds));
            o.put("simulatorCpuSecondsPer1k", r.perThousand(r.simCpuSeconds));
            o.put("driverCpuSecondsPer1k", r.perThousand(r.driverCpuSeconds));
            o.put("proxyCpuSecondsPer1k", r.perThousand(r.proxyCpuSeconds));
            o.put("otherProcessesCpuPercent", r.otherCpuPercent());
            o.put("targetPeakRssMiB", r.targetPeakRssMiB);
            o.put("targetRssMiB", r.targetRssMiB);
            if (!Double.isNaN(r.ownP99)) {
                o.put("ownP50MsAtMost", r.ownP50);
                o.put("ownP99MsAtMost", r.ownP99);
            }
            o.put("errorSamples", r.errorSamples);
            phases.add(o);
        }
        Map<String, Object> meta = new LinkedHashMap<>();
        long[] startups = startups();
        meta.put("startup-ms", startups.length == 0 ? "" : Long.toString(startups[(startups.length - 1) / 2]));
        meta.put("startup-min-ms", startups.length == 0 ? "" : Long.toString(startups[0]));
        for (String key : List.of("startup-no-cds-ms", "machine", "target-jvm-flags", "target-runtime", "commit", "date",
                "proxy-label")) {
            meta.put(key, config.get(key, ""));
        }
        Files.writeString(dir.resolve("results.csv"), csv);
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("meta", meta);
        if (cold != null) {
            results.put("timeToPeak", cold.json());
            StringBuilder series = new StringBuilder("second,events\n");
            for (int i = 0; i < cold.phase().eventsPerSecond.length; i++) {
                series.append(i).append(',').append(cold.phase().eventsPerSecond[i]).append('\n');
            }
            Files.writeString(dir.resolve("time-to-peak.csv"), series);
        }
        results.put("phases", phases);
        Json.write(dir.resolve("results.json"), results);
        Files.writeString(dir.resolve("table.md"), table() + "\n");
    }
}
