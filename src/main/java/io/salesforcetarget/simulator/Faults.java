package io.salesforcetarget.simulator;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * Armed faults, per target, in the order they were armed: "the next N requests get fault F".
 * Each request takes at most one fault; taking is atomic, so N concurrent requests see exactly N faults.
 */
public final class Faults {

    private final Map<FaultTarget, Deque<Armed>> armed = new EnumMap<>(FaultTarget.class);

    Faults() {
        for (FaultTarget target : FaultTarget.values()) {
            armed.put(target, new ArrayDeque<>());
        }
    }

    /** Arms {@code fault} for the next {@code count} requests of {@code target}, after those already armed. */
    public synchronized Faults inject(FaultTarget target, Fault fault, int count) {
        if (!fault.kind().appliesTo(target)) {
            throw new IllegalArgumentException(fault.kind() + " cannot be injected into " + target + " requests");
        }
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1");
        }
        armed.get(target).addLast(new Armed(fault, count));
        return this;
    }

    public Faults api(FaultKind kind, int count) {
        return inject(FaultTarget.API, Fault.of(kind), count);
    }

    public Faults login(FaultKind kind, int count) {
        return inject(FaultTarget.LOGIN, Fault.of(kind), count);
    }

    public Faults apiDelay(Duration delay, int count) {
        return inject(FaultTarget.API, Fault.delay(delay), count);
    }

    /** The next {@code count} REST calls are answered normally once {@code release} completes, not before. */
    public Faults apiHeld(CompletionStage<?> release, int count) {
        return inject(FaultTarget.API, Fault.held(release), count);
    }

    public Faults loginDelay(Duration delay, int count) {
        return inject(FaultTarget.LOGIN, Fault.delay(delay), count);
    }

    /** Takes the fault for one request, or null when none is armed. */
    synchronized Fault take(FaultTarget target) {
        Deque<Armed> queue = armed.get(target);
        Armed head = queue.peekFirst();
        if (head == null) {
            return null;
        }
        if (--head.remaining == 0) {
            queue.removeFirst();
        }
        return head.fault;
    }

    /** How many requests of the target will still be faulted. */
    public synchronized int pending(FaultTarget target) {
        return armed.get(target).stream().mapToInt(a -> a.remaining).sum();
    }

    /** Armed faults as (fault, remaining) pairs, oldest first. */
    public synchronized List<Map.Entry<Fault, Integer>> list(FaultTarget target) {
        List<Map.Entry<Fault, Integer>> out = new ArrayList<>();
        for (Armed a : armed.get(target)) {
            out.add(Map.entry(a.fault, a.remaining));
        }
        return out;
    }

    public synchronized void clear() {
        armed.values().forEach(Deque::clear);
    }

    public synchronized void clear(FaultTarget target) {
        armed.get(target).clear();
    }

    private static final class Armed {
        final Fault fault;
        int remaining;

        Armed(Fault fault, int remaining) {
            this.fault = fault;
            this.remaining = remaining;
        }
    }
}
