import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark's load driver: JDK only, run as a single-file program ({@code java bench/driver/LoadDriver.java}),
 * never by {@code mvn verify}. {@code bench/run} starts the simulator and the target, then calls it.
 *
 * <p>It speaks HTTP/1.1 over plain keep-alive sockets, one connection and one thread per simulated client
 * (a closed loop, like wrk), because the load generator shares the two cores with the simulator and the target:
 * a lean client leaves them the CPU. Every response is read whole and checked (status, and for the target the
 * reply event's {@code ce-category: success}); anything else is an error.
 *
 * <p>The paths carry the same work, a realistic mix of one create, one retrieve and one update per three events:
 * <ul>
 * <li>{@code target}: binary-mode CloudEvents {@code io.triggermesh.salesforce.apicall} to the target;</li>
 * <li>{@code direct}: the equivalent REST requests straight to the simulator, with a token the driver got
 * itself (an RS256 JWT bearer login signed here): the ceiling;</li>
 * <li>{@code proxy} (with {@code --proxy-port}): the same REST requests through a bare reverse proxy in front of the
 * simulator (bench/proxy/BareProxy.java): what any HTTP-to-HTTP bridge costs at the least.</li>
 * </ul>
 *
 * <p>Commands: {@code bench} (every concurrency level, both paths, then the half-load latency run; prints the
 * table, writes results.json / results.csv / table.md) and {@code soak} (N events through the target, heap after
 * a full GC at start, along the way and at the end, and the classes that grew).
 */
public class LoadDriver {

    static final String API_CALL = "io.triggermesh.salesforce.apicall";

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: LoadDriver bench|soak --option value ...");
            System.exit(2);
        }
        Config config = new Config(args);
        switch (args[0]) {
            case "bench" -> new Bench(config).run();
            case "soak" -> new Soak(config).run();
            case "ab" -> new AB(config).run();
            default -> {
                System.err.println("unknown command " + args[0]);
                System.exit(2);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ config

    static final class Config {
        final Map<String, String> options = new HashMap<>();

        Config(String[] args) {
            for (int i = 1; i < args.length; i++) {
                if (!args[i].startsWith("--") || i + 1 >= args.length) {
                    throw new IllegalArgumentException("expected --name value, got " + args[i]);
                }
                options.put(args[i].substring(2), args[++i]);
            }
        }

        String get(String name) {
            String value = options.get(name);
            if (value == null) {
                throw new IllegalArgumentException("--" + name + " is required");
            }
            return value;
        }

        String get(String name, String fallback) {
            return options.getOrDefault(name, fallback);
        }

        int integer(String name, int fallback) {
            return Integer.parseInt(get(name, Integer.toString(fallback)));
        }

        long number(String name, long fallback) {
            return Long.parseLong(get(name, Long.toString(fallback)));
        }

        double decimal(String name, double fallback) {
            return Double.parseDouble(get(name, Double.toString(fallback)));
        }
    }

    // ------------------------------------------------------------------------------------------------ environment

    /** What the driver needs to know about the two processes under test. */
    static final class Rig {
        final String targetHost = "127.0.0.1";
        final int targetPort;
        final int simPort;
        final long targetPid;
        final long simPid;
        /** The bare reverse proxy in front of the simulator (bench/run --bare-proxy); 0 when there is none. */
        final int proxyPort;
        final long proxyPid;
        final String api;
        final long clockTicks;
        final String simUrl;
        /** The target's Prometheus page, for its own time per event; "" when not given. */
        final String targetMetricsUrl;
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
            clockTicks = c.number("clock-ticks", 100);
            simUrl = "http://127.0.0.1:" + simPort;
            targetMetricsUrl = c.get(prefix + "target-metrics-url", "");
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
            Matcher m = Pattern.compile("(?m)^salesforce_target_event_seconds_bucket\\{outcome=\"success\",le=\"([^\"]+)\"\\} (\\S+)$")
                    .matcher(page(targetMetricsUrl));
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

        /** The JWT bearer login a client of Salesforce would do: RS256 assertion, POST to the token endpoint. */
        void login(Config c) throws Exception {
            PrivateKey key = readPkcs8(Path.of(c.get("key")));
            Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
            String header = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
            String claims = b64.encodeToString(("{\"iss\":\"" + c.get("client-id") + "\",\"sub\":\"" + c.get("user")
                    + "\",\"aud\":\"" + simUrl + "\",\"exp\":" + (System.currentTimeMillis() / 1000 + 180) + "}")
                    .getBytes(StandardCharsets.UTF_8));
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
            String assertion = header + "." + claims + "." + b64.encodeToString(rsa.sign());
            String form = "grant_type=" + URLEncoder.encode("urn:ietf:params:oauth:grant-type:jwt-bearer",
                    StandardCharsets.UTF_8) + "&assertion=" + assertion;
            HttpRequest request = HttpRequest.newBuilder(URI.create(simUrl + "/services/oauth2/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build();
            HttpResponse<String> answer = null;
            for (int attempt = 1; answer == null; attempt++) {
                try {
                    answer = admin.send(request, HttpResponse.BodyHandlers.ofString());
                } catch (IOException e) {
                    if (attempt == 5) {
                        throw e;
                    }
                    Thread.sleep(200);
                }
            }
            Matcher m = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(answer.body());
            if (answer.statusCode() != 200 || !m.find()) {
                throw new IllegalStateException("login to the simulator failed: " + answer.statusCode() + " " + answer.body());
            }
            token = m.group(1);
        }

        static PrivateKey readPkcs8(Path file) throws Exception {
            String pem = Files.readString(file);
            if (!pem.contains("BEGIN PRIVATE KEY")) {
                throw new IllegalArgumentException(file + ": expected a PKCS#8 PEM key (BEGIN PRIVATE KEY)");
            }
            String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        }

        long successfulLogins() {
            return counter("successfulLogins");
        }

        long counter(String name) {
            String counters = page(simUrl + "/__admin/counters");
            Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*(\\d+)").matcher(counters);
            if (!m.find()) {
                throw new IllegalStateException("no " + name + " in " + counters);
            }
            return Long.parseLong(m.group(1));
        }

        /** utime + stime of a process, in seconds (0 if the pid is unknown). */
        double cpuSeconds(long pid) {
            if (pid <= 0) {
                return 0;
            }
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                // after "pid (comm) ": state is field 3, so utime (14) and stime (15) are at 11 and 12 here
                return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / (double) clockTicks;
            } catch (IOException e) {
                return 0;
            }
        }

        /** CPU seconds the whole machine spent busy (all processes, /proc/stat: all but idle and iowait). */
        double machineBusySeconds() {
            try {
                String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                long busy = 0;
                for (int i = 1; i < Math.min(f.length, 9); i++) {
                    if (i != 4 && i != 5) { // idle, iowait
                        busy += Long.parseLong(f[i]);
                    }
                }
                return busy / (double) clockTicks;
            } catch (IOException e) {
                return 0;
            }
        }

        double ownCpuSeconds() {
            return cpuSeconds(ProcessHandle.current().pid());
        }

        /** VmHWM (peak RSS) or VmRSS of a process, in MiB. */
        double memoryMiB(long pid, String field) {
            if (pid <= 0) {
                return 0;
            }
            try {
                for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                    if (line.startsWith(field + ":")) {
                        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                    }
                }
            } catch (IOException e) {
                // gone
            }
            return 0;
        }

        boolean alive(long pid) {
            return pid <= 0 || Files.exists(Path.of("/proc/" + pid));
        }
    }

    /** The last created record IDs: retrieve and update pick from them (the simulator forgets the oldest). */
    static final class Ids {
        static final int SIZE = 1024;
        final AtomicReferenceArray<String> ring = new AtomicReferenceArray<>(SIZE);
        final AtomicLong written = new AtomicLong();

        void add(String id) {
            ring.set((int) (written.getAndIncrement() % SIZE), id);
        }

        String pick(long n) {
            long have = Math.min(written.get(), SIZE);
            if (have == 0) {
                return null;
            }
            String id = ring.get((int) (Math.floorMod(n * 7919L, have)));
            return id;
        }
    }

    // ------------------------------------------------------------------------------------------------ HTTP

    /** One keep-alive HTTP/1.1 connection, used by one thread. */
    static final class Connection implements AutoCloseable {
        final String host;
        final int port;
        Socket socket;
        InputStream in;
        OutputStream out;
        final byte[] line = new byte[8192];

        Connection(String host, int port) {
            this.host = host;
            this.port = port;
        }

        void open() throws IOException {
            close();
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(30_000);
            socket.connect(new InetSocketAddress(host, port), 5_000);
            in = new BufferedInputStream(socket.getInputStream(), 16384);
            out = new BufferedOutputStream(socket.getOutputStream(), 8192);
        }

        /** Sends one request, reads the whole response; reconnects on the next call after a failure. */
        Response exchange(byte[] head, byte[] body) throws IOException {
            if (socket == null) {
                open();
            }
            try {
                out.write(head);
                if (body != null) {
                    out.write(body);
                }
                out.flush();
                return read();
            } catch (IOException e) {
                close();
                throw e;
            }
        }

        private Response read() throws IOException {
            String status = readLine();
            if (status == null) {
                throw new IOException("connection closed before the status line");
            }
            int code = Integer.parseInt(status.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            boolean close = false;
            String category = null;
            for (String h = readLine(); h != null && !h.isEmpty(); h = readLine()) {
                int colon = h.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String name = h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = h.substring(colon + 1).trim();
                switch (name) {
                    case "content-length" -> length = Long.parseLong(value);
                    case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                    case "connection" -> close = value.equalsIgnoreCase("close");
                    case "ce-category" -> category = value;
                    default -> {
                    }
                }
            }
            byte[] body;
            if (chunked) {
                ByteArrayOutputStream all = new ByteArrayOutputStream();
                while (true) {
                    String size = readLine();
                    int n = Integer.parseInt(size.split(";")[0].trim(), 16);
                    if (n == 0) {
                        for (String t = readLine(); t != null && !t.isEmpty(); t = readLine()) {
                            // trailers
                        }
                        break;
                    }
                    all.write(in.readNBytes(n));
                    readLine();
                }
                body = all.toByteArray();
            } else if (length >= 0) {
                body = in.readNBytes((int) length);
                if (body.length != length) {
                    throw new IOException("connection closed in the body");
                }
            } else if (code == 204 || code == 304 || code < 200) {
                body = new byte[0];
            } else {
                body = in.readAllBytes();
                close = true;
            }
            if (close) {
                close();
            }
            return new Response(code, category, body);
        }

        private String readLine() throws IOException {
            int n = 0;
            while (true) {
                int b = in.read();
                if (b < 0) {
                    return n == 0 ? null : new String(line, 0, n, StandardCharsets.ISO_8859_1);
                }
                if (b == '\n') {
                    if (n > 0 && line[n - 1] == '\r') {
                        n--;
                    }
                    return new String(line, 0, n, StandardCharsets.ISO_8859_1);
                }
                if (n == line.length) {
                    throw new IOException("header line too long");
                }
                line[n++] = (byte) b;
            }
        }

        @Override
        public void close() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException e) {
                    // closing anyway
                }
                socket = null;
            }
        }
    }

    record Response(int status, String category, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    // ------------------------------------------------------------------------------------------------ the work

    /** TARGET: CloudEvents to the target; DIRECT: REST to the simulator; PROXY: the same REST through the bare proxy. */
    enum Path2 { TARGET, DIRECT, PROXY }

    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([a-zA-Z0-9]{15,18})\"");

    /** Builds the n-th request of the mix (create, retrieve, update) for one path and checks its answer. */
    static final AtomicLong PHASES = new AtomicLong();

    static final class Work {
        final Rig rig;
        final Path2 path;
        final String hostHeader;
        /** Event ids are unique over the whole run: the target answers a repeated (source, id) from its replay store. */
        final String eventIdPrefix = "bench-" + PHASES.incrementAndGet() + "-";

        Work(Rig rig, Path2 path) {
            this.rig = rig;
            this.path = path;
            this.hostHeader = "Host: 127.0.0.1:" + port() + "\r\n";
        }

        int port() {
            return switch (path) {
                case TARGET -> rig.targetPort;
                case DIRECT -> rig.simPort;
                case PROXY -> rig.proxyPort;
            };
        }

        /** 0 create, 1 retrieve, 2 update. Returns null when OK, else a short error description. */
        String call(Connection c, long n, int op) throws IOException {
            String id = op == 0 ? null : rig.ids.pick(n);
            if (id == null) {
                op = 0;
            }
            byte[] body;
            String head;
            if (path == Path2.TARGET) {
                String data = switch (op) {
                    case 0 -> "{\"action\":\"POST\",\"resource\":\"sobjects\",\"object\":\"Account\",\"payload\":"
                            + "{\"Name\":\"Bench " + n + "\",\"BillingCity\":\"Paris\"}}";
                    case 1 -> "{\"action\":\"GET\",\"resource\":\"sobjects\",\"object\":\"Account\",\"record\":\""
                            + id + "\",\"query\":{\"fields\":\"Name,BillingCity\"}}";
                    default -> "{\"action\":\"PATCH\",\"resource\":\"sobjects\",\"object\":\"Account\",\"record\":\""
                            + id + "\",\"payload\":{\"BillingCity\":\"Lyon " + n + "\"}}";
                };
                body = data.getBytes(StandardCharsets.UTF_8);
                head = "POST / HTTP/1.1\r\n" + hostHeader
                        + "ce-specversion: 1.0\r\nce-id: " + eventIdPrefix + n + "\r\nce-source: bench\r\nce-type: " + API_CALL + "\r\n"
                        + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n";
            } else {
                String base = "/services/data/" + rig.api + "/sobjects/Account";
                String auth = "Authorization: Bearer " + rig.token + "\r\nAccept: application/json\r\n";
                switch (op) {
                    case 0 -> {
                        body = ("{\"Name\":\"Bench " + n + "\",\"BillingCity\":\"Paris\"}").getBytes(StandardCharsets.UTF_8);
                        head = "POST " + base + " HTTP/1.1\r\n" + hostHeader + auth
                                + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n";
                    }
                    case 1 -> {
                        body = null;
                        head = "GET " + base + "/" + id + "?fields=Name%2CBillingCity HTTP/1.1\r\n" + hostHeader + auth + "\r\n";
                    }
                    default -> {
                        body = ("{\"BillingCity\":\"Lyon " + n + "\"}").getBytes(StandardCharsets.UTF_8);
                        head = "PATCH " + base + "/" + id + " HTTP/1.1\r\n" + hostHeader + auth
                                + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n";
                    }
                }
            }
            Response r = c.exchange(head.getBytes(StandardCharsets.ISO_8859_1), body);
            if (path == Path2.TARGET) {
                if (r.status() != 200 || !"success".equals(r.category())) {
                    return "target " + r.status() + " category=" + r.category() + " " + snippet(r.text());
                }
            } else {
                int expected = op == 0 ? 201 : op == 1 ? 200 : 204;
                if (r.status() != expected) {
                    return path + " " + r.status() + " " + snippet(r.text());
                }
            }
            if (op == 0) {
                Matcher m = ID.matcher(r.text());
                if (!m.find()) {
                    return path + " create without id: " + snippet(r.text());
                }
                rig.ids.add(m.group(1));
            }
            return null;
        }

        static String snippet(String text) {
            return text.length() > 200 ? text.substring(0, 200) + "..." : text;
        }
    }

    // ------------------------------------------------------------------------------------------------ phases

    /** Latencies of one worker, in nanoseconds; grows as needed. */
    static final class Samples {
        long[] values = new long[1 << 14];
        int size;

        void add(long v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }
    }

    record Stats(long count, double seconds, double perSecond, double p50, double p99, double p999, double max,
                 double mean, long errors) {
        static Stats of(List<Samples> all, long errors, double seconds) {
            int total = all.stream().mapToInt(s -> s.size).sum();
            long[] merged = new long[total];
            int at = 0;
            for (Samples s : all) {
                System.arraycopy(s.values, 0, merged, at, s.size);
                at += s.size;
            }
            Arrays.sort(merged);
            double sum = 0;
            for (long v : merged) {
                sum += v;
            }
            return new Stats(total, seconds, total / seconds, ms(percentile(merged, 50)), ms(percentile(merged, 99)),
                    ms(percentile(merged, 99.9)), ms(total == 0 ? 0 : merged[total - 1]),
                    total == 0 ? 0 : sum / total / 1e6, errors);
        }

        static long percentile(long[] sorted, double p) {
            if (sorted.length == 0) {
                return 0;
            }
            int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
        }

        static double ms(long nanos) {
            return nanos / 1e6;
        }
    }

    /** What a phase measured: latency stats plus what the processes spent in the measured window. */
    static final class PhaseResult {
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
        double targetPeakRssMiB;
        double targetRssMiB;
        /** The target's own time per event (its histogram's bucket bounds, ms): NaN when not measured. */
        double ownP50 = Double.NaN;
        double ownP99 = Double.NaN;
        List<String> errorSamples = new ArrayList<>();

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
    }

    /**
     * Runs {@code concurrency} closed-loop clients (or, with {@code rate > 0}, an open loop at that many events/s,
     * latency counted from each event's scheduled time) for {@code warmup} unmeasured seconds and then
     * {@code seconds} measured ones, or, with {@code count > 0}, until that many events are done.
     */
    static PhaseResult phase(Rig rig, Path2 path, int concurrency, double rate, double warmup, double seconds,
                             long count, java.util.function.LongConsumer progress) throws Exception {
        Work work = new Work(rig, path);
        long start = System.nanoTime();
        long measureFrom = start + (long) (warmup * 1e9);
        long end = count > 0 ? Long.MAX_VALUE : measureFrom + (long) (seconds * 1e9);
        long interval = rate > 0 ? (long) (1e9 / rate) : 0;
        AtomicLong sequence = new AtomicLong();
        AtomicLong remaining = new AtomicLong(count > 0 ? count : Long.MAX_VALUE);
        AtomicLong errors = new AtomicLong();
        ConcurrentLinkedQueue<String> errorSamples = new ConcurrentLinkedQueue<>();
        List<Samples> samples = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        final long[] window = new long[2];
        final boolean[] stop = new boolean[1];
        Object stopLock = new Object();
        for (int w = 0; w < concurrency; w++) {
            Samples mine = new Samples();
            samples.add(mine);
            int worker = w;
            Thread t = new Thread(() -> {
                try (Connection c = new Connection("127.0.0.1", work.port())) {
                    int op = worker % 3;
                    while (true) {
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
                            error = work.call(c, n, op);
                        } catch (IOException | RuntimeException e) {
                            error = path + " " + e.getClass().getSimpleName() + ": " + e.getMessage();
                        }
                        long done = System.nanoTime();
                        op = (op + 1) % 3;
                        if (!measured || done > end) {
                            continue;
                        }
                        if (error != null) {
                            if (errors.incrementAndGet() <= 5) {
                                errorSamples.add(error);
                            }
                        } else {
                            mine.add(done - scheduled);
                        }
                    }
                }
            }, "load-" + path + "-" + w);
            t.setDaemon(true);
            threads.add(t);
        }
        threads.forEach(Thread::start);
        sleepUntil(measureFrom);
        double targetCpu0 = rig.cpuSeconds(rig.targetPid);
        double simCpu0 = rig.cpuSeconds(rig.simPid);
        double proxyCpu0 = rig.cpuSeconds(rig.proxyPid);
        double ownCpu0 = rig.ownCpuSeconds();
        double busy0 = rig.machineBusySeconds();
        long logins0 = rig.successfulLogins();
        TreeMap<Double, Double> ownTime0 = path == Path2.TARGET ? rig.ownTimeHistogram() : new TreeMap<>();
        long measuredStart = System.nanoTime();
        double peakRss = 0;
        if (count > 0) {
            long reported = 0;
            while (threads.stream().anyMatch(Thread::isAlive)) {
                Thread.sleep(200);
                peakRss = Math.max(peakRss, rig.memoryMiB(rig.targetPid, "VmRSS"));
                long done = count - Math.max(0, remaining.get());
                if (progress != null && done - reported >= count / 10 && done < count) {
                    reported = done;
                    progress.accept(done);
                }
                if (!rig.alive(rig.targetPid) || !rig.alive(rig.simPid)) {
                    throw new IllegalStateException("a process under test died");
                }
            }
        } else {
            while (System.nanoTime() < end) {
                Thread.sleep(Math.max(1, Math.min(200, (end - System.nanoTime()) / 1_000_000)));
                peakRss = Math.max(peakRss, rig.memoryMiB(rig.targetPid, "VmRSS"));
            }
        }
        long measuredEnd = Math.min(System.nanoTime(), end);
        PhaseResult result = new PhaseResult();
        result.targetCpuSeconds = rig.cpuSeconds(rig.targetPid) - targetCpu0;
        result.simCpuSeconds = rig.cpuSeconds(rig.simPid) - simCpu0;
        result.proxyCpuSeconds = rig.cpuSeconds(rig.proxyPid) - proxyCpu0;
        result.driverCpuSeconds = rig.ownCpuSeconds() - ownCpu0;
        result.otherCpuSeconds = Math.max(0, rig.machineBusySeconds() - busy0 - result.targetCpuSeconds
                - result.simCpuSeconds - result.proxyCpuSeconds - result.driverCpuSeconds);
        result.logins = rig.successfulLogins() - logins0;
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
        result.targetPeakRssMiB = rig.memoryMiB(rig.targetPid, "VmHWM");
        result.targetRssMiB = peakRss;
        result.errorSamples.addAll(errorSamples);
        return result;
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

    static void sleepUntil(long nanoTime) throws InterruptedException {
        long wait;
        while ((wait = nanoTime - System.nanoTime()) > 0) {
            Thread.sleep(Math.max(1, Math.min(100, wait / 1_000_000)));
        }
    }

    // ------------------------------------------------------------------------------------------------ bench

    static final class Bench {
        final Config config;
        final Rig rig;

        Bench(Config config) {
            this.config = config;
            this.rig = new Rig(config);
        }

        void run() throws Exception {
            int[] levels = Arrays.stream(config.get("levels", "1,16,64,256").split(",")).mapToInt(Integer::parseInt).toArray();
            double seconds = config.decimal("seconds", 10);
            double levelWarmup = config.decimal("level-warmup", 2);
            double warmup = config.decimal("warmup", 90);
            Path out = Path.of(config.get("out"));
            rig.login(config);
            log("direct token obtained; seeding records");
            phase(rig, Path2.DIRECT, 8, 0, 0, 0, Ids.SIZE, null);

            // Long enough for C2 to finish compiling the hot paths of the target (it shares the two cores).
            log(String.format("warm-up: %.0f s through the target, %.0f s direct (c=32)", warmup, warmup / 3));
            check(phase(rig, Path2.TARGET, 32, 0, warmup, 0.5, 0, null), false);
            check(phase(rig, Path2.DIRECT, 32, 0, warmup / 3, 0.5, 0, null), false);
            // each level and the half load measure these paths, in this order (the report reads them so)
            List<Path2> paths = rig.proxyPort > 0 ? List.of(Path2.DIRECT, Path2.TARGET, Path2.PROXY)
                    : List.of(Path2.DIRECT, Path2.TARGET);
            if (paths.contains(Path2.PROXY)) {
                log(String.format("warm-up: %.0f s through the %s (c=32)", warmup / 3, config.get("proxy-label", "bare proxy")));
                check(phase(rig, Path2.PROXY, 32, 0, warmup / 3, 0.5, 0, null), false);
            }

            String jfr = config.get("jfr-file", "");
            if (!jfr.isEmpty()) { // profile the steady state only: after the warm-up, until the end of the run
                jcmd(rig.targetPid, "JFR.start", "name=bench", "settings=" + config.get("jfr-settings", "profile"),
                        "filename=" + jfr);
            }
            // async-profiler, CPU samples every 1 ms with kernel frames (jcmd takes the agent's options quoted)
            String profilerLib = config.get("profiler-lib", "");
            if (!profilerLib.isEmpty()) {
                jcmd(rig.targetPid, "JVMTI.agent_load", profilerLib, "\"start,event=cpu,interval=1000000\"");
            }
            List<PhaseResult[]> rows = new ArrayList<>();
            for (int level : levels) {
                PhaseResult[] row = measure(paths, level, 0, levelWarmup, seconds);
                rows.add(row);
                PhaseResult direct = row[0];
                PhaseResult target = row[1];
                log(String.format("c=%d: direct %.0f/s p50 %.2f ms, target %.0f/s p50 %.2f ms, target cpu %.2f s/1k",
                        level, direct.stats.perSecond(), direct.stats.p50(), target.stats.perSecond(),
                        target.stats.p50(), target.perThousand(target.targetCpuSeconds)));
            }

            // "Half that load": an open loop at half the target's throughput at the reference level.
            int reference = config.integer("reference-level", 64);
            PhaseResult[] half = null;
            for (PhaseResult[] row : rows) {
                if (row[1].concurrency == reference) {
                    double rate = Math.floor(row[1].stats.perSecond() / 2);
                    int workers = reference;
                    log(String.format("half load: open loop at %.0f events/s, %d connections", rate, workers));
                    half = measure(paths, workers, rate, levelWarmup, seconds);
                }
            }
            if (!jfr.isEmpty()) {
                jcmd(rig.targetPid, "JFR.stop", "name=bench");
            }
            if (!profilerLib.isEmpty()) {
                jcmd(rig.targetPid, "JVMTI.agent_load", profilerLib,
                        "\"stop,file=" + config.get("profile-file") + ",collapsed\"");
            }
            Report report = new Report(rows, half, config);
            report.write(out);
            System.out.println(report.table());
        }

        /** One measured phase per path at this concurrency (an open loop at {@code rate} when above 0). */
        PhaseResult[] measure(List<Path2> paths, int concurrency, double rate, double warmup, double seconds)
                throws Exception {
            PhaseResult[] row = new PhaseResult[paths.size()];
            for (int i = 0; i < row.length; i++) {
                row[i] = check(phase(rig, paths.get(i), concurrency, rate, warmup, seconds, 0, null), true);
            }
            return row;
        }

        PhaseResult check(PhaseResult r, boolean verbose) {
            if (!r.errorSamples.isEmpty()) {
                log(r.path + " c=" + r.concurrency + ": " + r.stats.errors() + " errors, e.g. " + r.errorSamples);
            }
            if (verbose && r.otherCpuPercent() > 15) {
                log(String.format(Locale.ROOT, "warning: other processes used %.0f%% of a core during %s c=%d: "
                        + "the machine is not quiet, figures are pessimistic", r.otherCpuPercent(), r.path, r.concurrency));
            }
            if (!rig.alive(rig.targetPid)) {
                throw new IllegalStateException("the target died");
            }
            return r;
        }
    }

    static String jcmd(long pid, String... command) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid)));
        args.addAll(List.of(command));
        Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("jcmd " + String.join(" ", command) + " failed: " + output);
        }
        return output;
    }

    static void log(String text) {
        System.err.println("[driver] " + text);
    }

    // ------------------------------------------------------------------------------------------------ report

    static final class Report {
        final List<PhaseResult[]> rows;
        final PhaseResult[] half;
        final Config config;

        Report(List<PhaseResult[]> rows, PhaseResult[] half, Config config) {
            this.rows = rows;
            this.half = half;
            this.config = config;
        }

        String table() {
            StringBuilder t = new StringBuilder();
            t.append("| clients | direct ev/s | target ev/s | target/direct | direct p50 / p99 / max ms "
                    + "| target p50 / p99 / max ms | added p50 / p99 ms | in the target p50 / p99 ms "
                    + "| logins per 10k | errors | target peak RSS MiB | target CPU s per 1k ev |\n");
            t.append("|---:|---:|---:|---:|---|---|---|---|---:|---:|---:|---:|\n");
            for (PhaseResult[] row : rows) {
                t.append(line(String.valueOf(row[1].concurrency), row[0], row[1]));
            }
            if (half != null) {
                t.append(line(String.format("%d, open loop %.0f ev/s (half load)", half[1].concurrency, half[1].rate),
                        half[0], half[1]));
            }
            double others = 0;
            for (PhaseResult[] row : rows) {
                for (PhaseResult r : row) {
                    others = Math.max(others, r.otherCpuPercent());
                }
            }
            t.append(String.format(Locale.ROOT, "%nOther processes on the machine used at most %.0f%% of one core during a "
                    + "measured phase.", others));
            if (rows.stream().allMatch(row -> row.length == 3)) {
                t.append("\n\n").append(proxyTable());
            }
            String startup = config.get("startup-ms", "");
            if (!startup.isEmpty()) {
                t.append("\nTarget start to ready: ").append(startup).append(" ms (median of 3 starts, fastest ")
                        .append(config.get("startup-min-ms", "?")).append(" ms) with the class-data archive, ")
                        .append(config.get("startup-no-cds-ms", "?")).append(" ms without.");
            }
            return t.toString();
        }

        private static String line(String label, PhaseResult d, PhaseResult x) {
            return String.format(Locale.ROOT,
                    "| %s | %.0f | %.0f | %.2f | %.2f / %.2f / %.1f | %.2f / %.2f / %.1f | %+.2f / %+.2f | %s / %s | %.1f | %d | %.0f | %.3f |%n",
                    label, d.stats.perSecond(), x.stats.perSecond(), x.stats.perSecond() / d.stats.perSecond(),
                    d.stats.p50(), d.stats.p99(), d.stats.max(), x.stats.p50(), x.stats.p99(), x.stats.max(),
                    x.stats.p50() - d.stats.p50(), x.stats.p99() - d.stats.p99(), atMost(x.ownP50), atMost(x.ownP99),
                    x.loginsPer10k(),
                    d.stats.errors() + x.stats.errors(), x.targetPeakRssMiB, x.perThousand(x.targetCpuSeconds));
        }

        /**
         * The yardstick: the same REST calls as the direct path through a bare reverse proxy (two HTTP exchanges
         * per event and nothing else), next to the target.
         */
        String proxyTable() {
            String name = config.get("proxy-label", "bare proxy");
            StringBuilder t = new StringBuilder("| clients | direct ev/s | " + name + " ev/s | proxy/direct "
                    + "| proxy p50 / p99 / max ms | proxy added p50 / p99 ms | proxy CPU s per 1k ev "
                    + "| target ev/s | target/proxy | target CPU s per 1k ev |\n");
            t.append("|---:|---:|---:|---:|---|---|---:|---:|---:|---:|\n");
            List<PhaseResult[]> all = new ArrayList<>(rows);
            if (half != null) {
                all.add(half);
            }
            for (PhaseResult[] row : all) {
                PhaseResult d = row[0];
                PhaseResult x = row[1];
                PhaseResult p = row[2];
                String label = p.rate > 0 ? String.format(Locale.ROOT, "%d, open loop %.0f ev/s (half load)",
                        p.concurrency, p.rate) : String.valueOf(p.concurrency);
                t.append(String.format(Locale.ROOT,
                        "| %s | %.0f | %.0f | %.2f | %.2f / %.2f / %.1f | %+.2f / %+.2f | %.3f | %.0f | %.2f | %.3f |%n",
                        label, d.stats.perSecond(), p.stats.perSecond(), p.stats.perSecond() / d.stats.perSecond(),
                        p.stats.p50(), p.stats.p99(), p.stats.max(), p.stats.p50() - d.stats.p50(),
                        p.stats.p99() - d.stats.p99(), p.perThousand(p.proxyCpuSeconds), x.stats.perSecond(),
                        x.stats.perSecond() / p.stats.perSecond(), x.perThousand(x.targetCpuSeconds)));
            }
            return t.toString();
        }

        /** A histogram bound: "≤ 2.1" (the event took at most that long), "-" when not measured. */
        private static String atMost(double bound) {
            return Double.isNaN(bound) ? "-" : String.format(Locale.ROOT, "≤ %.1f", bound);
        }

        void write(Path dir) throws IOException {
            Files.createDirectories(dir);
            StringBuilder csv = new StringBuilder("kind,path,concurrency,rate,events,seconds,events_per_s,p50_ms,p99_ms,"
                    + "p999_ms,max_ms,mean_ms,errors,logins,logins_per_10k,target_cpu_s_per_1k,sim_cpu_s_per_1k,"
                    + "driver_cpu_s_per_1k,proxy_cpu_s_per_1k,other_processes_cpu_pct,target_peak_rss_mib,target_rss_mib,"
                    + "own_p50_ms_at_most,own_p99_ms_at_most\n");
            List<String> json = new ArrayList<>();
            List<PhaseResult> all = new ArrayList<>();
            for (PhaseResult[] row : rows) {
                all.addAll(List.of(row));
            }
            if (half != null) {
                all.addAll(List.of(half));
            }
            for (PhaseResult r : all) {
                String kind = r.rate > 0 ? "half-load" : "level";
                Stats s = r.stats;
                csv.append(String.format(Locale.ROOT, "%s,%s,%d,%.0f,%d,%.3f,%.1f,%.3f,%.3f,%.3f,%.3f,%.3f,%d,%d,%.2f,%.4f,%.4f,%.4f,%.4f,%.1f,%.1f,%.1f,%.3f,%.3f%n",
                        kind, r.path, r.concurrency, r.rate, s.count(), s.seconds(), s.perSecond(), s.p50(), s.p99(),
                        s.p999(), s.max(), s.mean(), s.errors(), r.logins, r.loginsPer10k(),
                        r.perThousand(r.targetCpuSeconds), r.perThousand(r.simCpuSeconds),
                        r.perThousand(r.driverCpuSeconds), r.perThousand(r.proxyCpuSeconds), r.otherCpuPercent(), r.targetPeakRssMiB, r.targetRssMiB,
                        r.ownP50, r.ownP99));
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("kind", kind);
                o.put("path", r.path);
                o.put("concurrency", r.concurrency);
                o.put("rate", r.rate);
                o.put("events", s.count());
                o.put("seconds", s.seconds());
                o.put("eventsPerSecond", s.perSecond());
                o.put("p50Ms", s.p50());
                o.put("p99Ms", s.p99());
                o.put("p999Ms", s.p999());
                o.put("maxMs", s.max());
                o.put("meanMs", s.mean());
                o.put("errors", s.errors());
                o.put("logins", r.logins);
                o.put("loginsPer10k", r.loginsPer10k());
                o.put("targetCpuSecondsPer1k", r.perThousand(r.targetCpuSeconds));
                o.put("simulatorCpuSecondsPer1k", r.perThousand(r.simCpuSeconds));
                o.put("driverCpuSecondsPer1k", r.perThousand(r.driverCpuSeconds));
                o.put("proxyCpuSecondsPer1k", r.perThousand(r.proxyCpuSeconds));
                o.put("otherProcessesCpuPercent", r.otherCpuPercent());
                o.put("targetPeakRssMiB", r.targetPeakRssMiB);
                o.put("targetRssMiB", r.targetRssMiB);
                if (!Double.isNaN(r.ownP99)) {
                    o.put("ownP50MsAtMost", r.ownP50);
                    o.put("ownP99MsAtMost", r.ownP99);
                }
                o.put("errorSamples", r.errorSamples);
                json.add(Json.write(o));
            }
            Map<String, Object> meta = new LinkedHashMap<>();
            for (String key : List.of("startup-ms", "startup-min-ms", "startup-no-cds-ms", "machine", "target-jvm-flags", "commit", "date", "proxy-label")) {
                meta.put(key, config.get(key, ""));
            }
            Files.writeString(dir.resolve("results.csv"), csv);
            Files.writeString(dir.resolve("results.json"), "{\"meta\": " + Json.write(meta) + ",\n \"phases\": [\n  "
                    + String.join(",\n  ", json) + "\n ]}\n");
            Files.writeString(dir.resolve("table.md"), table() + "\n");
        }
    }

    /** Just enough JSON writing for the results. */
    static final class Json {
        static String write(Object value) {
            if (value == null) {
                return "null";
            }
            if (value instanceof Map<?, ?> map) {
                List<String> parts = new ArrayList<>();
                map.forEach((k, v) -> parts.add(write(String.valueOf(k)) + ": " + write(v)));
                return "{" + String.join(", ", parts) + "}";
            }
            if (value instanceof List<?> list) {
                List<String> parts = new ArrayList<>();
                list.forEach(v -> parts.add(write(v)));
                return "[" + String.join(", ", parts) + "]";
            }
            if (value instanceof Double d) {
                return Double.isFinite(d) ? String.format(Locale.ROOT, "%.4f", d) : "null";
            }
            if (value instanceof Number || value instanceof Boolean) {
                return value.toString();
            }
            StringBuilder s = new StringBuilder("\"");
            for (char ch : value.toString().toCharArray()) {
                switch (ch) {
                    case '"' -> s.append("\\\"");
                    case '\\' -> s.append("\\\\");
                    case '\n' -> s.append("\\n");
                    case '\r' -> s.append("\\r");
                    case '\t' -> s.append("\\t");
                    default -> {
                        if (ch < 0x20) {
                            s.append(String.format("\\u%04x", (int) ch));
                        } else {
                            s.append(ch);
                        }
                    }
                }
            }
            return s.append('"').toString();
        }
    }


    // ------------------------------------------------------------------------------------------------ A/B

    /**
     * Two builds of the target against one simulator, measured in alternation (A B B A ...) at one concurrency:
     * whatever else the machine does hits both alike. Prints each round and the medians.
     */
    static final class AB {
        final Config config;

        AB(Config config) {
            this.config = config;
        }

        void run() throws Exception {
            Rig a = new Rig(config);
            Rig b = new Rig(config, "b-");
            b.ids = a.ids;
            a.login(config);
            b.token = a.token;
            int concurrency = config.integer("concurrency", 64);
            int rounds = config.integer("rounds", 6);
            double seconds = config.decimal("seconds", 5);
            double warmup = config.decimal("warmup", 20);
            // --rate R: each measured round is an open loop at R events/s (latency under a fixed load, e.g. GC
            // settings at half load) instead of a closed loop
            double rate = config.decimal("rate", 0);
            phase(a, Path2.DIRECT, 8, 0, 0, 0, Ids.SIZE, null);
            log(String.format(Locale.ROOT, "warm-up: %.0f s each, c=%d", warmup, concurrency));
            for (int i = 0; i < 2; i++) {
                phase(a, Path2.TARGET, concurrency, 0, warmup / 2, 0.5, 0, null);
                phase(b, Path2.TARGET, concurrency, 0, warmup / 2, 0.5, 0, null);
            }
            List<double[]> resultsA = new ArrayList<>();
            List<double[]> resultsB = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                Rig first = round % 2 == 0 ? a : b;
                Rig second = first == a ? b : a;
                for (Rig rig : List.of(first, second)) {
                    PhaseResult r = phase(rig, Path2.TARGET, concurrency, rate, 1, seconds, 0, null);
                    double[] row = {r.stats.perSecond(), r.perThousand(r.targetCpuSeconds), r.stats.p50(),
                            r.stats.p99(), r.otherCpuPercent(), r.stats.errors()};
                    (rig == a ? resultsA : resultsB).add(row);
                    log(String.format(Locale.ROOT, "round %d %s: %.0f ev/s, target CPU %.3f s/1k, p50 %.2f ms, p99 %.2f ms, "
                            + "others %.0f%%, errors %.0f", round + 1, rig == a ? "A" : "B", row[0], row[1], row[2],
                            row[3], row[4], row[5]));
                }
            }
            String summary = String.format(Locale.ROOT,
                    "c=%d%s, %d rounds of %.0f s, medians:%n  A %s: %.0f ev/s, target CPU %.3f s/1k, p50 %.2f ms, p99 %.2f ms%n"
                            + "  B %s: %.0f ev/s, target CPU %.3f s/1k, p50 %.2f ms, p99 %.2f ms%n"
                            + "  B/A: throughput %.2f, CPU per event %.2f",
                    concurrency, rate > 0 ? String.format(Locale.ROOT, ", open loop %.0f ev/s", rate) : "", rounds,
                    seconds, config.get("a-name", "A"), median(resultsA, 0), median(resultsA, 1),
                    median(resultsA, 2), median(resultsA, 3), config.get("b-name", "B"), median(resultsB, 0),
                    median(resultsB, 1), median(resultsB, 2), median(resultsB, 3),
                    median(resultsB, 0) / median(resultsA, 0), median(resultsB, 1) / median(resultsA, 1));
            System.out.println(summary);
            Path out = Path.of(config.get("out"));
            Files.createDirectories(out);
            Files.writeString(out.resolve("ab.txt"), summary + "\n");
        }

        static double median(List<double[]> rows, int column) {
            double[] values = rows.stream().mapToDouble(r -> r[column]).sorted().toArray();
            int n = values.length;
            return n == 0 ? 0 : n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
        }
    }

    // ------------------------------------------------------------------------------------------------ soak

    static final class Soak {
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
            phase(rig, Path2.DIRECT, 8, 0, 0, 0, Ids.SIZE, null);
            log("soak warm-up: 10 s through the target");
            phase(rig, Path2.TARGET, concurrency, 0, 10, 0.5, 0, null);

            List<Map<String, Object>> heap = new ArrayList<>();
            Map<String, long[]> before = histogram("start", heap, 0);
            long logins0 = rig.successfulLogins();
            log("soak: " + events + " events at concurrency " + concurrency);
            boolean[] expired = {false};
            PhaseResult r = phase(rig, Path2.TARGET, concurrency, 0, 0, 0, events, done -> {
                try {
                    if (!expired[0] && done >= events / 2) {
                        // A token's lifetime ends under load: every in-flight event sees 401, one login must follow.
                        rig.admin.send(HttpRequest.newBuilder(URI.create(rig.simUrl + "/__admin/sessions/expire"))
                                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
                        expired[0] = true;
                        log("all sessions expired after " + done + " events");
                    }
                    histogram("after " + done + " events", heap, done);
                } catch (Exception e) {
                    log("heap sample failed: " + e);
                }
            });
            long logins = rig.successfulLogins() - logins0;
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
            Files.writeString(out.resolve("soak.json"), Json.write(o) + "\n");
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
            h.put("rssMiB", rig.memoryMiB(rig.targetPid, "VmRSS"));
            heap.add(h);
            log(String.format(Locale.ROOT, "heap after GC %s: %.1f MiB live, RSS %.0f MiB", when, total / 1048576.0,
                    rig.memoryMiB(rig.targetPid, "VmRSS")));
            return classes;
        }
    }
}
