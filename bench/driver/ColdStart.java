package bench.driver;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The time to peak of a cold target: {@link #CONCURRENCY} closed-loop clients of the mix through the target (or the
 * yardstick's calls through a cold bare proxy) from the moment it is ready ({@link TargetStart}), the events of each
 * second counted ({@link Ramp}). From ready adds the moment between readiness and the first event (about a
 * millisecond) to the ramp's second; from start adds the target's start to ready too.
 */
record ColdStart(PhaseResult phase, Ramp ramp, double startToReadySeconds, double readyToLoadSeconds,
                 String runtime) {
    static final int CONCURRENCY = 64;

    /**
     * Warms the rig before the target starts: {@code --rig-warmup S} seconds (default 20) of the mix straight to the
     * org at {@link #CONCURRENCY}. The simulator and this driver are JVMs on the same cores, and a real org is
     * warm: their own JIT work must not be counted as the target's.
     */
    static void warmRig(Rig rig, Config config) throws Exception {
        double seconds = config.decimal("rig-warmup", 20);
        if (seconds > 0) {
            LoadDriver.log(String.format(Locale.ROOT, "rig warm-up: %.0f s direct, c=%d", seconds, CONCURRENCY));
            Phase.run(rig, PathKind.DIRECT, CONCURRENCY, 0, 0, seconds, 0, null);
        }
    }

    /**
     * {@code config} holds the cold process's start ({@code cold-startup-ms}, {@code target-ready-epoch-ms}); its pid
     * is the rig's target pid. {@code path}: TARGET, or PROXY for the yardstick.
     */
    static ColdStart measure(Rig rig, Config config, double seconds, PathKind path) throws Exception {
        long load = System.currentTimeMillis();
        PhaseResult phase = Phase.timed(rig, path, CONCURRENCY, seconds);
        long ready = config.number("target-ready-epoch-ms", 0);
        return new ColdStart(phase, Ramp.of(phase.eventsPerSecond), config.number("cold-startup-ms", 0) / 1000.0,
                ready > 0 ? (load - ready) / 1000.0 : Double.NaN, config.get("target-runtime", "?"));
    }

    double fromReady() {
        return ramp.reached() ? readyToLoadSeconds + ramp.peakSecond() : Double.NaN;
    }

    double fromStart() {
        return startToReadySeconds + fromReady();
    }

    static String tableHeader() {
        return "| target | clients | seconds | time to peak from ready s | from start s | start to ready s "
                + "| steady ev/s | errors | target peak RSS MiB | target CPU s |\n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n";
    }

    String tableRow() {
        return String.format(Locale.ROOT, "| %s | %d | %.0f | %s | %s | %.2f | %.0f | %d | %.0f | %.1f |%n", runtime,
                phase.concurrency, phase.stats.seconds(), seconds(fromReady()), seconds(fromStart()),
                startToReadySeconds, ramp.steady(), phase.stats.errors(), phase.targetPeakRssMiB,
                phase.targetCpuSeconds);
    }

    /** What the table's row means, and the series it was read from. */
    String notes() {
        return String.format(Locale.ROOT, "Time to peak: from the first second whose 5-s window and every later one "
                        + "average at least 90 %% of steady (the median events/s of the last %d s)%s; the load began "
                        + "%.3f s after ready; other processes used %.0f%% of one core meanwhile."
                        + "%nEvents/s in 5-s buckets: %s",
                ramp.perSecond().length - ramp.steadyFrom(), ramp.reached() ? "" : ": not reached in this run",
                readyToLoadSeconds, phase.otherCpuPercent(), ramp.buckets());
    }

    private static String seconds(double value) {
        return Double.isNaN(value) ? "not reached" : String.format(Locale.ROOT, "%.1f", value);
    }

    Map<String, Object> json() {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("target", runtime);
        o.put("concurrency", phase.concurrency);
        o.put("seconds", phase.stats.seconds());
        o.put("timeToPeakFromReadySeconds", fromReady());
        o.put("timeToPeakFromStartSeconds", fromStart());
        o.put("peakSecond", ramp.reached() ? ramp.peakSecond() : null);
        o.put("startToReadySeconds", startToReadySeconds);
        o.put("readyToLoadSeconds", readyToLoadSeconds);
        o.put("steadyEventsPerSecond", ramp.steady());
        o.put("steadyFromSecond", ramp.steadyFrom());
        o.put("windowSeconds", Ramp.WINDOW);
        o.put("fraction", Ramp.FRACTION);
        o.put("errors", phase.stats.errors());
        o.put("targetPeakRssMiB", phase.targetPeakRssMiB);
        o.put("targetCpuSeconds", phase.targetCpuSeconds);
        o.put("otherProcessesCpuPercent", phase.otherCpuPercent());
        o.put("eventsPerSecond", phase.eventsPerSecond);
        return o;
    }
}
