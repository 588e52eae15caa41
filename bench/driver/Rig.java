package bench.driver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the driver needs to know about the processes under test: their ports and pids, the simulated org's counters
 * ({@code /__admin/counters}) and the target's Prometheus page. The few admin requests go through the JDK's client.
 */
final class Rig {
    private static final Pattern OWN_TIME_BUCKET = Pattern.compile(
            "(?m)^salesforce_target_event_seconds_bucket\\{outcome=\"success\",le=\"([^\"]+)\"\\} (\\S+)$");

    final String targetHost = "127.0.0.1";
    final int targetPort;
    final int simPort;
    /** Set again when the driver was ready before the target started ({@link TargetStart}). */
    long targetPid;
    final long simPid;
    /** The bare reverse proxy in front of the simulator (bench/run --bare-proxy); 0 when there is none. */
    final int proxyPort;
    final long proxyPid;
    final String api;
    final String simUrl;
    /** The target's Prometheus page, for its own time per event; "" when not given. */
    final String targetMetricsUrl;
    final Mix mix;
    final Processes processes;
    final HttpClient admin = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    Ids ids = new Ids();
    String token;

    Rig(Config c) {
        this(c, "");
    }

    /** {@code prefix} "b-": the second target of an A/B comparison ({@code --b-target-port}, ...). */
    Rig(Config c, String prefix) {
        targetPort = c.integer(prefix + "target-port", 0);
        simPort = c.integer("sim-port", 0);
        targetPid = c.number(prefix + "target-pid", 0);
        simPid = c.number("sim-pid", 0);
        proxyPort = c.integer("proxy-port", 0);
        proxyPid = c.number("proxy-pid", 0);
        api = c.get("api", "v62.0");
        simUrl = "http://127.0.0.1:" + simPort;
        targetMetricsUrl = c.get(prefix + "target-metrics-url", "");
        mix = c.mix();
        processes = new Processes(c.number("clock-ticks", 100));
    }

    /**
     * The target's histogram of its own time per successful event ({@code salesforce_target_event_seconds}):
     * upper bound in ms -> events at most that long, cumulative; empty without {@code --target-metrics-url}.
     */
    TreeMap<Double, Double> ownTimeHistogram() {
        TreeMap<Double, Double> buckets = new TreeMap<>();
        if (targetMetricsUrl.isEmpty()) {
            return buckets;
        }
        Matcher m = OWN_TIME_BUCKET.matcher(page(targetMetricsUrl));
        while (m.find()) {
            double le = m.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(m.group(1)) * 1000;
            buckets.put(le, Double.parseDouble(m.group(2)));
        }
        return buckets;
    }

    /** The body of a GET to one of the processes under test. */
    String page(String url) {
        try {
            return admin.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A POST without body to the simulator's admin API, e.g. {@code sessions/expire}. */
    void adminPost(String path) throws IOException, InterruptedException {
        admin.send(HttpRequest.newBuilder(URI.create(simUrl + "/__admin/" + path))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
    }

    /** Gets this rig's own token with the JWT bearer login (for the direct and proxy paths). */
    void login(Config c) throws Exception {
        token = new JwtLogin(admin, simUrl).token(c);
    }

    /** What the simulated org has counted so far ({@code GET /__admin/counters}). */
    OrgCounters orgCounters() {
        String counters = page(simUrl + "/__admin/counters");
        return new OrgCounters(counter(counters, "successfulLogins"), counter(counters, "apiUsage"));
    }

    private static long counter(String counters, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*(\\d+)").matcher(counters);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + counters);
        }
        return Long.parseLong(m.group(1));
    }

    /**
     * The simulated org's counters: token requests answered 200, and API calls charged to the daily allocation
     * (the N of {@code Sforce-Limit-Info: api-usage=N/MAX}, what {@code /limits} reports as DailyApiRequests used).
     */
    record OrgCounters(long logins, long apiCalls) {
        OrgCounters minus(OrgCounters before) {
            return new OrgCounters(logins - before.logins, apiCalls - before.apiCalls);
        }
    }
}
