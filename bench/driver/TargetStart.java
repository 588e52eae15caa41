package bench.driver;

import static bench.driver.LoadDriver.log;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The driver ready before the target starts, so that its load follows the target's readiness at once (the time to
 * peak counts from a cold target, not from the driver's own start, login and seeding). With {@code --await-target
 * FILE} the driver writes {@code FILE.waiting} once it is ready, then waits for FILE, which bench/run writes once the
 * target answers: the options known only then, one {@code name value} per line ({@code target-pid},
 * {@code target-ready-epoch-ms}, {@code cold-startup-ms}, {@code startups-ms}), the last one {@code end .}.
 */
final class TargetStart {
    private static final long PATIENCE_NANOS = 600_000_000_000L;

    private TargetStart() {
    }

    /** The config with the target's options once it is ready (and {@code rig} pointed at its pid). */
    static Config await(Config config, Rig rig) throws Exception {
        String file = config.get("await-target", "");
        if (file.isEmpty()) {
            return config;
        }
        Path started = Path.of(file);
        Files.writeString(Path.of(file + ".waiting"), "");
        log("ready; waiting for the target to start");
        long giveUp = System.nanoTime() + PATIENCE_NANOS;
        // polled every millisecond, until written whole (its last line "end ."): the load follows readiness at once
        while (!Files.exists(started) || !Files.readString(started).endsWith("end .\n")) {
            if (System.nanoTime() > giveUp) {
                throw new IllegalStateException("no " + file + " after 600 s");
            }
            Thread.sleep(1);
        }
        Config withTarget = config.with(started);
        rig.targetPid = withTarget.number("target-pid", 0);
        return withTarget;
    }
}
