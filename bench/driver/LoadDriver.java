package bench.driver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark's load driver, never run by {@code mvn verify}. {@code bench/run} and {@code bench/compare} start the
 * simulator and the target, compile this package against the target jar ({@code bench/common.sh}, {@code
 * build_driver}) and run it: {@code java -cp bench/results/driver-classes:JAR bench.driver.LoadDriver COMMAND ...}.
 *
 * <p>It speaks HTTP/1.1 over plain keep-alive sockets ({@link Connection}), one connection and one thread per
 * simulated client (a closed loop, like wrk). Every response is read whole and checked (status, and for the target
 * the reply event's {@code ce-category: success}); anything else is an error.
 *
 * <p>The paths ({@link PathKind}) carry the same work, the {@link Mix} chosen with {@code --mix}: by default one
 * create, one retrieve and one update per three events; {@code writes}, creates and updates only.
 *
 * <p>Commands: {@code bench} ({@link Bench}: every concurrency level, every path, then the half-load latency run),
 * {@code soak} ({@link Soak}: N events through the target, heap after a full GC along the way), {@code ab}
 * ({@link AbComparison}: two targets in alternation), {@code peak} ({@link TimeToPeak}: how long a cold target
 * takes to its steady throughput, which {@code bench} measures too, first) and {@code load} ({@link Load}: N events
 * through the target, nothing measured: the container image's training run).
 */
public final class LoadDriver {

    static final String API_CALL = "io.triggermesh.salesforce.apicall";

    private LoadDriver() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: LoadDriver bench|soak|ab|peak|load --option value ...");
            System.exit(2);
        }
        Config config = new Config(args);
        switch (args[0]) {
            case "bench" -> new Bench(config).run();
            case "soak" -> new Soak(config).run();
            case "ab" -> new AbComparison(config).run();
            case "peak" -> new TimeToPeak(config).run();
            case "load" -> Load.run(config);
            default -> {
                System.err.println("unknown command " + args[0]);
                System.exit(2);
            }
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
}
