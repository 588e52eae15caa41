package io.salesforcetarget.simulator;

import java.util.Map;

/**
 * A point-in-time copy of the simulator's counters.
 *
 * @param successfulLogins token requests answered 200
 * @param failedLogins     token requests answered otherwise (including injected faults)
 * @param apiCalls         requests under /services/data/vNN.N, whatever their outcome
 * @param apiUsage         calls counted against the daily limit (the N of Sforce-Limit-Info api-usage=N/MAX)
 * @param inFlight         API calls received but not yet answered (or dropped)
 * @param maxInFlight      highest {@code inFlight} seen
 * @param statusCounts     API answers by HTTP status
 */
public record SimulatorCounters(long successfulLogins, long failedLogins, long apiCalls, long apiUsage,
                                long inFlight, long maxInFlight, Map<Integer, Long> statusCounts) {

    public SimulatorCounters {
        statusCounts = Map.copyOf(statusCounts);
    }

    /** API answers with this status so far. */
    public long status(int code) {
        return statusCounts.getOrDefault(code, 0L);
    }
}
