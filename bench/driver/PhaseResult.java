package bench.driver;

import java.util.ArrayList;
import java.util.List;

/** What a phase measured: latency stats plus what the processes spent in the measured window. */
final class PhaseResult {
    String path;
    int concurrency;
    double rate;
    Stats stats;
    double targetCpuSeconds;
    double simCpuSeconds;
    double proxyCpuSeconds;
    double driverCpuSeconds;
    /** CPU the rest of the machine used meanwhile: a busy neighbour makes the figures worse, not comparable. */
    double otherCpuSeconds;
    long logins;
    /** API calls the simulated org charged to its daily allocation between two reads of its counters. */
    long apiCalls;
    /**
     * Events answered (any outcome) between the same two reads. Calls per event is {@code apiCalls} over this, not
     * over the measured events: those leave out the events in flight at both ends of the window, whose calls the
     * counter has, which at 64 connections and 2 s made 7 % too many calls per event.
     */
    long answeredWhileCounting;
    double targetPeakRssMiB;
    double targetRssMiB;
    /** The target's own time per event (its histogram's bucket bounds, ms): NaN when not measured. */
    double ownP50 = Double.NaN;
    double ownP99 = Double.NaN;
    final List<String> errorSamples = new ArrayList<>();
    /** Successful events answered in each second of a timed phase ({@link Phase#timed}); null otherwise. */
    long[] eventsPerSecond;

    double perThousand(double cpu) {
        return stats.count() == 0 ? 0 : cpu / stats.count() * 1000;
    }

    /** Other processes' CPU during the measured window, in % of one core. */
    double otherCpuPercent() {
        return stats.seconds() == 0 ? 0 : otherCpuSeconds / stats.seconds() * 100;
    }

    double loginsPer10k() {
        return stats.count() == 0 ? 0 : logins * 10_000.0 / stats.count();
    }

    /** Salesforce API calls per 1,000 events. */
    double apiCallsPer1k() {
        return answeredWhileCounting == 0 ? 0 : apiCalls * 1000.0 / answeredWhileCounting;
    }
}
