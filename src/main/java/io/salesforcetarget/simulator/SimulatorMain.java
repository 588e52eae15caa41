package io.salesforcetarget.simulator;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Iterator;

/**
 * Runs the simulator on its own:
 * {@code --port N (default 8081) --public-key FILE [--client-id ID] [--username NAME] [--strict-audience]
 * [--daily-api-limit N] [--latency-ms N] [--max-records-per-type N] [--retired-below MAJOR]}. FILE is a PEM public key or certificate,
 * e.g. the tm-sf.crt made by {@code openssl req -x509 ...}.
 */
public final class SimulatorMain {

    static final int DEFAULT_PORT = 8081;
    static final String USAGE = "usage: --port N (default " + DEFAULT_PORT + ") --public-key FILE"
            + " [--client-id ID] [--username NAME] [--strict-audience] [--daily-api-limit N] [--latency-ms N]"
            + " [--max-records-per-type N] [--retired-below MAJOR (default 31)]";

    private SimulatorMain() {
    }

    public static void main(String[] args) {
        int code = run(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    /**
     * Starts, prints the listening line, and blocks until the JVM shuts down. Returns the exit code:
     * 0 after a shutdown, 2 for bad arguments, 1 if the server cannot start (e.g. the port is taken).
     */
    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        SalesforceSimulator simulator;
        try {
            simulator = start(args, out);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (RuntimeException e) {
            err.println("Salesforce simulator failed to start: " + e.getMessage());
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close, "simulator-shutdown"));
        try {
            simulator.awaitClose();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            simulator.close();
        }
        return 0;
    }

    /** Parses the arguments, starts the simulator and prints the one "listening" line; does not block. */
    static SalesforceSimulator start(String[] args, PrintStream out) {
        SimulatorConfig config = parse(args);
        SalesforceSimulator simulator = SalesforceSimulator.start(config);
        out.println("Salesforce simulator listening on " + simulator.baseUrl());
        out.flush();
        return simulator;
    }

    static SimulatorConfig parse(String[] args) {
        SimulatorConfig.Builder config = SimulatorConfig.builder().port(DEFAULT_PORT);
        boolean haveKey = false;
        Iterator<String> it = Arrays.asList(args).iterator();
        while (it.hasNext()) {
            String arg = it.next();
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                value = arg.substring(eq + 1);
                arg = arg.substring(0, eq);
            }
            switch (arg) {
                case "--port" -> config.port(integer(arg, value != null ? value : next(it, arg)));
                case "--public-key" -> {
                    config.publicKey(keyFile(value != null ? value : next(it, arg)));
                    haveKey = true;
                }
                case "--client-id" -> config.clientId(value != null ? value : next(it, arg));
                case "--username" -> config.username(value != null ? value : next(it, arg));
                case "--strict-audience" -> config.strictAudience(true);
                case "--daily-api-limit" -> config.dailyApiLimit(number(arg, value != null ? value : next(it, arg)));
                case "--latency-ms" -> config.apiLatency(Duration.ofMillis(number(arg, value != null ? value : next(it, arg))));
                case "--max-records-per-type" -> config.maxRecordsPerType(integer(arg, value != null ? value : next(it, arg)));
                case "--retired-below" -> config.retiredBelow(integer(arg, value != null ? value : next(it, arg)));
                case "--simulator-only" -> {
                    // the app's own switch that dispatched here; nothing to do
                }
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        if (!haveKey) {
            throw new IllegalArgumentException("--public-key FILE is required (PEM public key or certificate)");
        }
        return config.build();
    }

    private static PublicKey keyFile(String file) {
        try {
            return PublicKeys.fromFile(Path.of(file));
        } catch (UncheckedIOException e) {
            throw new IllegalArgumentException(e.getMessage() + ": " + e.getCause().getMessage());
        }
    }

    private static String next(Iterator<String> it, String option) {
        if (!it.hasNext()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return it.next();
    }

    private static int integer(String option, String value) {
        long n = number(option, value);
        if (n != (int) n) {
            throw new IllegalArgumentException(option + " is out of range: " + value);
        }
        return (int) n;
    }

    private static long number(String option, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number, not " + value);
        }
    }
}
