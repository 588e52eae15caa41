package io.salesforcetarget.simulator;

import java.time.Duration;
import java.util.Objects;

/** One injected fault; {@code delay} only matters for {@link FaultKind#DELAY}. */
public record Fault(FaultKind kind, Duration delay) {

    public Fault {
        Objects.requireNonNull(kind, "kind");
        delay = delay == null ? Duration.ZERO : delay;
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative");
        }
    }

    public static Fault of(FaultKind kind) {
        return new Fault(kind, Duration.ZERO);
    }

    public static Fault delay(Duration delay) {
        return new Fault(FaultKind.DELAY, delay);
    }
}
