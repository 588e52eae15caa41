package bench.driver;

import static bench.driver.LoadDriver.log;

import java.util.Locale;

/**
 * {@code load}: N events of the mix through the target at a concurrency, then one line of what happened; exits 1 if
 * any event failed. Load for its own sake, not a measurement: the container image's training run
 * ({@code container/train-aot-cache.sh}) sends it so that the AOT cache holds the classes and method profiles of the
 * target's hot path.
 */
final class Load {
    private Load() {
    }

    static void run(Config config) throws Exception {
        long events = config.number("events", 3_000);
        int concurrency = config.integer("concurrency", 16);
        Rig rig = new Rig(config);
        PhaseResult r = Phase.run(rig, PathKind.TARGET, concurrency, 0, 0, 0, events, null);
        log(String.format(Locale.ROOT, "load: %d events (%s mix) at concurrency %d in %.1f s (%.0f ev/s), p50 %.1f ms,"
                        + " errors %d%s", r.stats.count(), config.get("mix", "default"), concurrency, r.stats.seconds(),
                r.stats.perSecond(), r.stats.p50(), r.stats.errors(),
                r.errorSamples.isEmpty() ? "" : ", e.g. " + r.errorSamples));
        if (r.stats.errors() > 0) {
            System.exit(1);
        }
    }
}
