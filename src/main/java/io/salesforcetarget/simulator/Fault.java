package io.salesforcetarget.simulator;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/**
 * One injected fault; {@code delay} only matters for {@link FaultKind#DELAY}, {@code release} (required) only for
 * {@link FaultKind#HOLD}.
 */
public record Fault(FaultKind kind, Duration delay, CompletionStage<?> release) {

    public Fault {
        Objects.requireNonNull(kind, "kind");
        delay = delay == null ? Duration.ZERO : delay;
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative");
        }
        if (kind == FaultKind.HOLD && release == null) {
            throw new IllegalArgumentException("HOLD needs a release, so it can only be armed from Java");
        }
    }

    public Fault(FaultKind kind, Duration delay) {
        this(kind, delay, null);
    }

    public static Fault of(FaultKind kind) {
        return new Fault(kind, Duration.ZERO);
    }

    public static Fault delay(Duration delay) {
        return new Fault(FaultKind.DELAY, delay);
    }

    /** Answered normally once {@code release} completes (normally or not). */
    public static Fault held(CompletionStage<?> release) {
        return new Fault(FaultKind.HOLD, Duration.ZERO, Objects.requireNonNull(release, "release"));
    }
}
