package bench.driver;

import static bench.driver.LoadDriver.jcmd;
import static bench.driver.LoadDriver.log;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code soak}: N events through the target; heap after a full GC at start, along the way and at the end, the classes
 * that grew, and one expiry of every session half-way (one login must follow).
 */
final class Soak {
    final Config config;
    final Rig rig;

    Soak(Config config) {
        this.config = config;
        this.rig = new Rig(config);
    }

    void run() throws Exception {
        long events = config.number("events", 1_000_000);
        int concurrency = config.integer("concurrency", 16);
        Path out = Path.of(config.get("out"));
        Files.createDirectories(out);
        rig.login(config);
        Phase.seed(rig);
        TargetStart.await(config, rig);
        log("soak warm-up: 10 s through the target");
        Phase.run(rig, PathKind.TARGET, concurrency, 0, 10, 0.5, 0, null);

        List<Map<String, Object>> heap = new ArrayList<>();
        Map<String, long[]> before = histogram("start", heap, 0);
        Rig.OrgCounters org0 = rig.orgCounters();
        log("soak: " + events + " events at concurrency " + concurrency);
        boolean[] expired = {false};
        PhaseResult r = Phase.run(rig, PathKind.TARGET, concurrency, 0, 0, 0, events, done -> {
            try {
                if (!expired[0] && done >= events / 2) {
                    // A token's lifetime ends under load: every in-flight event sees 401, one login must follow.
                    rig.adminPost("sessions/expire");
                    expired[0] = true;
                    log("all sessions expired after " + done + " events");
                }
                histogram("after " + done + " events", heap, done);
            } catch (Exception e) {
                log("heap sample failed: " + e);
            }
        });
        long logins = rig.orgCounters().minus(org0).logins();
        Map<String, long[]> after = histogram("end", heap, r.stats.count());

        // The classes whose live bytes grew most between start and end.
        List<Map.Entry<String, long[]>> growth = new ArrayList<>();
        for (Map.Entry<String, long[]> e : after.entrySet()) {
            long[] b = before.getOrDefault(e.getKey(), new long[2]);
            growth.add(Map.entry(e.getKey(), new long[] {e.getValue()[0] - b[0], e.getValue()[1] - b[1]}));
        }
        growth.sort((x, y) -> Long.compare(y.getValue()[1], x.getValue()[1]));
        List<Map<String, Object>> grew = new ArrayList<>();
        for (Map.Entry<String, long[]> e : growth.subList(0, Math.min(8, growth.size()))) {
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("class", e.getKey());
            g.put("instances", e.getValue()[0]);
            g.put("bytes", e.getValue()[1]);
            grew.add(g);
        }

        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT,
                "Soak: %d events at concurrency %d in %.0f s (%.0f ev/s), p50 %.2f ms, p99 %.2f ms, max %.1f ms, "
                        + "errors %d, logins %d (sessions expired once, half-way), target peak RSS %.0f MiB, "
                        + "CPU %.3f s per 1k events%n",
                r.stats.count(), concurrency, r.stats.seconds(), r.stats.perSecond(), r.stats.p50(), r.stats.p99(),
                r.stats.max(), r.stats.errors(), logins, r.targetPeakRssMiB, r.perThousand(r.targetCpuSeconds)));
        text.append("Heap after full GC (live bytes):");
        for (Map<String, Object> h : heap) {
            text.append(String.format(Locale.ROOT, " %s %.1f MiB;", h.get("when"), (Long) h.get("liveBytes") / 1048576.0));
        }
        text.append("\nLargest growth start -> end: ");
        for (Map<String, Object> g : grew.subList(0, Math.min(5, grew.size()))) {
            text.append(String.format(Locale.ROOT, "%s %+d B (%+d objects); ", g.get("class"), g.get("bytes"), g.get("instances")));
        }
        if (!r.errorSamples.isEmpty()) {
            text.append("\nErrors, e.g.: ").append(r.errorSamples);
        }
        System.out.println(text);

        Map<String, Object> o = new LinkedHashMap<>();
        o.put("events", r.stats.count());
        o.put("concurrency", concurrency);
        o.put("seconds", r.stats.seconds());
        o.put("eventsPerSecond", r.stats.perSecond());
        o.put("p50Ms", r.stats.p50());
        o.put("p99Ms", r.stats.p99());
        o.put("maxMs", r.stats.max());
        o.put("errors", r.stats.errors());
        o.put("logins", logins);
        o.put("targetPeakRssMiB", r.targetPeakRssMiB);
        o.put("targetCpuSecondsPer1k", r.perThousand(r.targetCpuSeconds));
        o.put("heapAfterGc", heap);
        o.put("largestGrowth", grew);
        o.put("errorSamples", r.errorSamples);
        o.put("targetJvmFlags", config.get("target-jvm-flags", ""));
        Json.write(out.resolve("soak.json"), o);
        Files.writeString(out.resolve("soak.txt"), text + "\n");
    }

    /**
     * {@code jcmd PID GC.class_histogram}: a full GC, then live objects by class; its Total line is the heap
     * after GC. Returns class -> {instances, bytes}.
     */
    Map<String, long[]> histogram(String when, List<Map<String, Object>> heap, long events) throws Exception {
        String output = jcmd(rig.targetPid, "GC.class_histogram");
        Map<String, long[]> classes = new HashMap<>();
        long total = -1;
        Pattern row = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");
        Pattern totalRow = Pattern.compile("^Total\\s+(\\d+)\\s+(\\d+)");
        for (String line : output.split("\n")) {
            Matcher m = row.matcher(line);
            if (m.find()) {
                classes.merge(m.group(3), new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))},
                        (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
                continue;
            }
            Matcher t = totalRow.matcher(line);
            if (t.find()) {
                total = Long.parseLong(t.group(2));
            }
        }
        if (total < 0) {
            throw new IllegalStateException("jcmd gave no histogram: " + output.substring(0, Math.min(300, output.length())));
        }
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("when", when);
        h.put("events", events);
        h.put("liveBytes", total);
        h.put("rssMiB", rig.processes.memoryMiB(rig.targetPid, "VmRSS"));
        heap.add(h);
        log(String.format(Locale.ROOT, "heap after GC %s: %.1f MiB live, RSS %.0f MiB", when, total / 1048576.0,
                rig.processes.memoryMiB(rig.targetPid, "VmRSS")));
        return classes;
    }
}
