package bench.driver;

import static bench.driver.LoadDriver.jcmd;
import static bench.driver.LoadDriver.log;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code bench}: the time to peak of the cold target ({@code --peak-seconds}, the first part of its warm-up), every
 * concurrency level on every path (direct, target, and the bare proxy when there is one), then an open loop at half
 * the target's throughput at the reference level; prints the tables and writes the results.
 */
final class Bench {
    final Config config;
    final Rig rig;

    Bench(Config config) {
        this.config = config;
        this.rig = new Rig(config);
    }

    void run() throws Exception {
        int[] levels = Arrays.stream(config.get("levels", "1,16,64,256").split(",")).mapToInt(Integer::parseInt).toArray();
        double seconds = config.decimal("seconds", 10);
        double levelWarmup = config.decimal("level-warmup", 2);
        double warmup = config.decimal("warmup", 90);
        double peakSeconds = config.decimal("peak-seconds", 0);
        Path out = Path.of(config.get("out"));
        rig.login(config);
        log("direct token obtained; seeding records");
        Phase.seed(rig);
        if (peakSeconds > 0) {
            ColdStart.warmRig(rig, config);
        }
        Config started = TargetStart.await(config, rig);

        // The target is cold: its time to peak is the first part of its warm-up, which goes on at c=32 after it.
        // Long enough for C2 to finish compiling the hot paths of the target (it shares the two cores).
        ColdStart cold = null;
        if (peakSeconds > 0) {
            log(String.format("time to peak: %.0f s through the cold target, c=%d", peakSeconds,
                    ColdStart.CONCURRENCY));
            cold = ColdStart.measure(rig, started, peakSeconds, PathKind.TARGET);
            check(cold.phase(), false);
        }
        log(String.format("warm-up: %.0f s through the target, %.0f s direct (c=32)", Math.max(0, warmup - peakSeconds),
                warmup / 3));
        if (warmup > peakSeconds) {
            check(Phase.run(rig, PathKind.TARGET, 32, 0, warmup - peakSeconds, 0.5, 0, null), false);
        }
        check(Phase.run(rig, PathKind.DIRECT, 32, 0, warmup / 3, 0.5, 0, null), false);
        // each level and the half load measure these paths, in this order (the report reads them so)
        List<PathKind> paths = rig.proxyPort > 0 ? List.of(PathKind.DIRECT, PathKind.TARGET, PathKind.PROXY)
                : List.of(PathKind.DIRECT, PathKind.TARGET);
        if (paths.contains(PathKind.PROXY)) {
            // as long as the target's: a yardstick still compiling would flatter the target (a third of it did)
            log(String.format("warm-up: %.0f s through the %s (c=32)", warmup, config.get("proxy-label", "bare proxy")));
            check(Phase.run(rig, PathKind.PROXY, 32, 0, warmup, 0.5, 0, null), false);
        }

        String jfr = config.get("jfr-file", "");
        if (!jfr.isEmpty()) { // profile the steady state only: after the warm-up, until the end of the run
            jcmd(rig.targetPid, "JFR.start", "name=bench", "settings=" + config.get("jfr-settings", "profile"),
                    "filename=" + jfr);
        }
        // async-profiler, CPU samples every 1 ms with kernel frames (jcmd takes the agent's options quoted)
        String profilerLib = config.get("profiler-lib", "");
        if (!profilerLib.isEmpty()) {
            jcmd(rig.targetPid, "JVMTI.agent_load", profilerLib, "\"start,event=cpu,interval=1000000\"");
        }
        List<PhaseResult[]> rows = new ArrayList<>();
        for (int level : levels) {
            PhaseResult[] row = measure(paths, level, 0, levelWarmup, seconds);
            rows.add(row);
            PhaseResult direct = row[0];
            PhaseResult target = row[1];
            log(String.format("c=%d: direct %.0f/s p50 %.2f ms, target %.0f/s p50 %.2f ms, target cpu %.2f s/1k",
                    level, direct.stats.perSecond(), direct.stats.p50(), target.stats.perSecond(),
                    target.stats.p50(), target.perThousand(target.targetCpuSeconds)));
        }

        // "Half that load": an open loop at half the target's throughput at the reference level.
        int reference = config.integer("reference-level", 64);
        PhaseResult[] half = null;
        for (PhaseResult[] row : rows) {
            if (row[1].concurrency == reference) {
                double rate = Math.floor(row[1].stats.perSecond() / 2);
                int workers = reference;
                log(String.format("half load: open loop at %.0f events/s, %d connections", rate, workers));
                half = measure(paths, workers, rate, levelWarmup, seconds);
            }
        }
        if (!jfr.isEmpty()) {
            jcmd(rig.targetPid, "JFR.stop", "name=bench");
        }
        if (!profilerLib.isEmpty()) {
            jcmd(rig.targetPid, "JVMTI.agent_load", profilerLib,
                    "\"stop,file=" + config.get("profile-file") + ",collapsed\"");
        }
        Report report = new Report(rows, half, cold, started);
        report.write(out);
        System.out.println(report.table());
    }

    /** One measured phase per path at this concurrency (an open loop at {@code rate} when above 0). */
    PhaseResult[] measure(List<PathKind> paths, int concurrency, double rate, double warmup, double seconds)
            throws Exception {
        PhaseResult[] row = new PhaseResult[paths.size()];
        for (int i = 0; i < row.length; i++) {
            row[i] = check(Phase.run(rig, paths.get(i), concurrency, rate, warmup, seconds, 0, null), true);
        }
        return row;
    }

    PhaseResult check(PhaseResult r, boolean verbose) {
        if (!r.errorSamples.isEmpty()) {
            log(r.path + " c=" + r.concurrency + ": " + r.stats.errors() + " errors, e.g. " + r.errorSamples);
        }
        if (verbose && r.otherCpuPercent() > 15) {
            log(String.format(Locale.ROOT, "warning: other processes used %.0f%% of a core during %s c=%d: "
                    + "the machine is not quiet, figures are pessimistic", r.otherCpuPercent(), r.path, r.concurrency));
        }
        if (!rig.processes.alive(rig.targetPid)) {
            throw new IllegalStateException("the target died");
        }
        return r;
    }
}
