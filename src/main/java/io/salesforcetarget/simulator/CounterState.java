package io.salesforcetarget.simulator;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** Live, lock-free counters behind {@link SimulatorCounters}. */
final class CounterState {

    private final LongAdder successfulLogins = new LongAdder();
    private final LongAdder failedLogins = new LongAdder();
    private final LongAdder apiCalls = new LongAdder();
    private final AtomicLong apiUsage = new AtomicLong();
    private final AtomicLong inFlight = new AtomicLong();
    private final AtomicLong maxInFlight = new AtomicLong();
    private final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();

    void loginSucceeded() {
        successfulLogins.increment();
    }

    void loginFailed() {
        failedLogins.increment();
    }

    void apiCallStarted() {
        apiCalls.increment();
        long now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
    }

    /** status 0 = dropped without an answer (reset, hang, client gone). */
    void apiCallEnded(int status) {
        inFlight.decrementAndGet();
        if (status > 0) {
            statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
        }
    }

    /** Charges one call to the daily allocation; false (nothing charged) once {@code limit} calls were made. */
    boolean tryUseApi(long limit) {
        long used;
        do {
            used = apiUsage.get();
            if (used >= limit) {
                return false;
            }
        } while (!apiUsage.compareAndSet(used, used + 1));
        return true;
    }

    long apiUsage() {
        return apiUsage.get();
    }

    /** Zeroes everything but in-flight calls, which are still really in flight. */
    void reset() {
        successfulLogins.reset();
        failedLogins.reset();
        apiCalls.reset();
        apiUsage.set(0);
        maxInFlight.set(inFlight.get());
        statuses.clear();
    }

    SimulatorCounters snapshot() {
        Map<Integer, Long> byStatus = new TreeMap<>();
        statuses.forEach((status, n) -> byStatus.put(status, n.sum()));
        return new SimulatorCounters(successfulLogins.sum(), failedLogins.sum(), apiCalls.sum(), apiUsage.get(),
                inFlight.get(), maxInFlight.get(), byStatus);
    }
}
