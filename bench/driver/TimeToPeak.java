package bench.driver;

import static bench.driver.LoadDriver.log;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code peak}: the time to peak of a target started cold ({@link ColdStart}) for {@code --peak-seconds} (default
 * 60); prints its table and writes the results. {@code bench/run --time-to-peak} runs it, and the AOT cache's training
 * run (load for the JIT's profiles and the classes it loads). With {@code --peak-path proxy} the cold process is the
 * bare proxy (the yardstick's REST calls through {@code --proxy-port}), not the target.
 */
record TimeToPeak(Config config) {
    void run() throws Exception {
        double seconds = config.decimal("peak-seconds", 60);
        Rig rig = new Rig(config);
        rig.login(config);
        Phase.seed(rig);
        ColdStart.warmRig(rig, config);
        PathKind path = config.get("peak-path", "target").equals("proxy") ? PathKind.PROXY : PathKind.TARGET;
        Config started = TargetStart.await(config, rig);
        log(String.format(Locale.ROOT, "time to peak: %.0f s through the cold %s, c=%d", seconds,
                path == PathKind.PROXY ? "bare proxy" : "target", ColdStart.CONCURRENCY));
        ColdStart cold = ColdStart.measure(rig, started, seconds, path);
        if (!cold.phase().errorSamples.isEmpty()) {
            log(cold.phase().stats.errors() + " errors, e.g. " + cold.phase().errorSamples);
        }
        Report report = new Report(List.of(), null, cold, started);
        report.write(Path.of(config.get("out")));
        System.out.println(report.table());
    }
}
