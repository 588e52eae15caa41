package io.salesforcetarget.simulator;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Waits for a condition that another thread (the simulator's event loop) makes true; fails after a deadline. */
public final class Eventually {

    private Eventually() {
    }

    public static void until(String what, BooleanSupplier condition) {
        until(what, Duration.ofSeconds(5), condition);
    }

    /** For a condition that nothing can make false meanwhile, so that a slow machine only makes it later. */
    public static void until(String what, Duration atMost, BooleanSupplier condition) {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            LockSupport.parkNanos(Duration.ofMillis(2).toNanos());
        }
    }
}
