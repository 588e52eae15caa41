package bench.driver;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;

/**
 * One phase of load on one path: {@code concurrency} closed-loop clients (or, with {@code rate > 0}, an open loop at
 * that many events/s, latency counted from each event's scheduled time) for {@code warmup} unmeasured seconds and
 * then {@code seconds} measured ones, or, with {@code count > 0}, until that many events are done. A timed phase
 * ({@link #timed}) also counts the events answered in each second, for the time to peak.
 */
final class Phase {
    private final Rig rig;
    private final PathKind path;
    private final int concurrency;
    private final double rate;
    private final Work work;
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final ConcurrentLinkedQueue<String> errorSamples = new ConcurrentLinkedQueue<>();
    private final AtomicLong remaining;
    /** Events answered (whatever the outcome) while {@code counting}: between the two reads of the org's counters. */
    private final LongAdder answeredWhileCounting = new LongAdder();
    private volatile boolean counting;
    private final long start;
    private final long measureFrom;
    private final long end;
    private final long interval;
    /** Successful events by the second (from the start) they were answered in; null unless timed. */
    private final LongAdder[] perSecond;

    private Phase(Rig rig, PathKind path, int concurrency, double rate, double warmup, double seconds, long count,
                  boolean timed) {
        this.rig = rig;
        this.path = path;
        this.concurrency = concurrency;
        this.rate = rate;
        this.work = new Work(rig, path);
        this.remaining = new AtomicLong(count > 0 ? count : Long.MAX_VALUE);
        this.start = System.nanoTime();
        this.measureFrom = start + (long) (warmup * 1e9);
        this.end = count > 0 ? Long.MAX_VALUE : measureFrom + (long) (seconds * 1e9);
        this.interval = rate > 0 ? (long) (1e9 / rate) : 0;
        this.perSecond = timed ? new LongAdder[(int) Math.ceil(seconds)] : null;
        if (timed) {
            Arrays.setAll(perSecond, i -> new LongAdder());
        }
    }

    static PhaseResult run(Rig rig, PathKind path, int concurrency, double rate, double warmup, double seconds,
                           long count, LongConsumer progress) throws Exception {
        return new Phase(rig, path, concurrency, rate, warmup, seconds, count, false).run(count, progress);
    }

    /** Creates records straight in the org (8 clients, {@link Ids#SIZE} events), for retrieves and updates. */
    static void seed(Rig rig) throws Exception {
        run(rig, PathKind.DIRECT, 8, 0, 0, 0, Ids.SIZE, null);
    }

    /**
     * {@code concurrency} closed-loop clients for {@code seconds}, all measured, counting the successful events
     * answered in each second ({@link PhaseResult#eventsPerSecond}).
     */
    static PhaseResult timed(Rig rig, PathKind path, int concurrency, double seconds) throws Exception {
        return new Phase(rig, path, concurrency, 0, 0, seconds, 0, true).run(0, null);
    }

    private PhaseResult run(long count, LongConsumer progress) throws Exception {
        List<Samples> samples = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            Samples mine = new Samples();
            samples.add(mine);
            int client = w;
            Thread t = new Thread(() -> client(client, mine), "load-" + path + "-" + w);
            t.setDaemon(true);
            threads.add(t);
        }
        threads.forEach(Thread::start);
        sleepUntil(measureFrom);
        Processes proc = rig.processes;
        double targetCpu0 = proc.cpuSeconds(rig.targetPid);
        double simCpu0 = proc.cpuSeconds(rig.simPid);
        double proxyCpu0 = proc.cpuSeconds(rig.proxyPid);
        double ownCpu0 = proc.ownCpuSeconds();
        double busy0 = proc.machineBusySeconds();
        Rig.OrgCounters org0 = rig.orgCounters();
        counting = true;
        TreeMap<Double, Double> ownTime0 = path == PathKind.TARGET ? rig.ownTimeHistogram() : new TreeMap<>();
        // the window the samples are from (the reads above may take long on a busy machine)
        long measuredStart = measureFrom;
        double peakRss = 0;
        if (count > 0) {
            long reported = 0;
            while (threads.stream().anyMatch(Thread::isAlive)) {
                Thread.sleep(200);
                peakRss = Math.max(peakRss, proc.memoryMiB(rig.targetPid, "VmRSS"));
                long done = count - Math.max(0, remaining.get());
                if (progress != null && done - reported >= count / 10 && done < count) {
                    reported = done;
                    progress.accept(done);
                }
                if (!proc.alive(rig.targetPid) || !proc.alive(rig.simPid)) {
                    throw new IllegalStateException("a process under test died");
                }
            }
        } else {
            while (System.nanoTime() < end) {
                Thread.sleep(Math.max(1, Math.min(200, (end - System.nanoTime()) / 1_000_000)));
                peakRss = Math.max(peakRss, proc.memoryMiB(rig.targetPid, "VmRSS"));
            }
        }
        long measuredEnd = Math.min(System.nanoTime(), end);
        PhaseResult result = new PhaseResult();
        result.targetCpuSeconds = proc.cpuSeconds(rig.targetPid) - targetCpu0;
        result.simCpuSeconds = proc.cpuSeconds(rig.simPid) - simCpu0;
        result.proxyCpuSeconds = proc.cpuSeconds(rig.proxyPid) - proxyCpu0;
        result.driverCpuSeconds = proc.ownCpuSeconds() - ownCpu0;
        result.otherCpuSeconds = Math.max(0, proc.machineBusySeconds() - busy0 - result.targetCpuSeconds
                - result.simCpuSeconds - result.proxyCpuSeconds - result.driverCpuSeconds);
        counting = false;
        Rig.OrgCounters org = rig.orgCounters().minus(org0);
        result.logins = org.logins();
        result.apiCalls = org.apiCalls();
        result.answeredWhileCounting = answeredWhileCounting.sum();
        if (!ownTime0.isEmpty()) {
            TreeMap<Double, Double> ownTime = rig.ownTimeHistogram();
            ownTime.replaceAll((le, events) -> events - ownTime0.getOrDefault(le, 0.0));
            result.ownP50 = upperBound(ownTime, 0.50);
            result.ownP99 = upperBound(ownTime, 0.99);
        }
        for (Thread t : threads) {
            t.join(35_000);
            if (t.isAlive()) {
                t.interrupt();
            }
        }
        result.path = path.name().toLowerCase(Locale.ROOT);
        result.concurrency = concurrency;
        result.rate = rate;
        result.stats = Stats.of(samples, errors.get(), (measuredEnd - measuredStart) / 1e9);
        result.targetPeakRssMiB = proc.memoryMiB(rig.targetPid, "VmHWM");
        result.targetRssMiB = peakRss;
        result.errorSamples.addAll(errorSamples);
        if (perSecond != null) {
            result.eventsPerSecond = Arrays.stream(perSecond).mapToLong(LongAdder::sum).toArray();
        }
        return result;
    }

    /** One client's loop on its own connection, until the phase ends. */
    private void client(int client, Samples mine) {
        try (Connection c = new Connection(rig.targetHost, work.port())) {
            for (long step = 0; ; step++) {
                long n = sequence.getAndIncrement();
                long scheduled;
                if (interval > 0) {
                    scheduled = start + n * interval;
                    long wait = scheduled - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                } else {
                    scheduled = System.nanoTime();
                }
                if (scheduled >= end || Thread.currentThread().isInterrupted()) {
                    break;
                }
                boolean measured = scheduled >= measureFrom;
                if (measured && remaining.decrementAndGet() < 0) {
                    break;
                }
                String error;
                try {
                    error = work.call(c, n, rig.mix.operation(client, step));
                } catch (IOException | RuntimeException e) {
                    error = path + " " + e.getClass().getSimpleName() + ": " + e.getMessage();
                }
                long done = System.nanoTime();
                if (counting) {
                    answeredWhileCounting.increment();
                }
                if (!measured || done > end) {
                    continue;
                }
                if (error != null) {
                    if (errors.incrementAndGet() <= 5) {
                        errorSamples.add(error);
                    }
                } else {
                    mine.add(done - scheduled);
                    if (perSecond != null) {
                        perSecond[(int) Math.min(perSecond.length - 1, (done - start) / 1_000_000_000L)].increment();
                    }
                }
            }
        }
    }

    /** The bound of the first bucket holding at least {@code quantile} of the events (cumulative counts). */
    static double upperBound(TreeMap<Double, Double> cumulative, double quantile) {
        double total = cumulative.isEmpty() ? 0 : cumulative.lastEntry().getValue();
        for (Map.Entry<Double, Double> bucket : cumulative.entrySet()) {
            if (total > 0 && bucket.getValue() >= quantile * total) {
                return bucket.getKey();
            }
        }
        return Double.NaN;
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long wait;
        while ((wait = nanoTime - System.nanoTime()) > 0) {
            Thread.sleep(Math.max(1, Math.min(100, wait / 1_000_000)));
        }
    }
}
