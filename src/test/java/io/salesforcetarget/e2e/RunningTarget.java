package io.salesforcetarget.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;

import io.salesforcetarget.Application;
import io.salesforcetarget.auth.TokenCache;
import io.salesforcetarget.salesforce.SalesforceLibrary;

/** The real application (same Camel main, configuration and routes as {@code java -jar}) on a free loopback port. */
public final class RunningTarget implements AutoCloseable {

    private final Main main;
    private final int port;
    private final int managementPort;

    private RunningTarget(Main main, int port, int managementPort) {
        this.main = main;
        this.port = port;
        this.managementPort = managementPort;
    }

    /** @param properties application properties overriding application.properties (and the environment) */
    public static RunningTarget start(Map<String, String> properties) throws Exception {
        Main main = Application.createMain();
        int port = freePort();
        int managementPort = onLoopback(main, port);
        properties.forEach(main::addOverrideProperty);
        main.start();
        return new RunningTarget(main, port, managementPort);
    }

    /** Listener and management server on loopback, on free ports; returns the management port. */
    static int onLoopback(Main main, int port) throws IOException {
        int managementPort = freePort();
        main.addOverrideProperty("camel.server.host", "127.0.0.1");
        main.addOverrideProperty("camel.server.port", String.valueOf(port));
        main.addOverrideProperty("camel.management.host", "127.0.0.1");
        main.addOverrideProperty("camel.management.port", String.valueOf(managementPort));
        return managementPort;
    }

    /** {@code first} and {@code second} together (keys of {@code second} win). */
    public static Map<String, String> with(Map<String, String> first, Map<String, String> second) {
        Map<String, String> all = new java.util.HashMap<>(first);
        all.putAll(second);
        return all;
    }

    public String metricsUrl() {
        return "http://127.0.0.1:" + managementPort + "/observe/metrics";
    }

    public String healthUrl(String check) {
        return "http://127.0.0.1:" + managementPort + "/observe/health/" + check;
    }

    public Main main() {
        return main;
    }

    public String url() {
        return "http://127.0.0.1:" + port + "/";
    }

    /** The running application's Camel context, e.g. to send to a Kamelet or add a route as a user would. */
    public CamelContext camelContext() {
        return main.getCamelContext();
    }

    public TokenCache tokenCache() {
        return main.getCamelContext().getRegistry().lookupByNameAndType(SalesforceLibrary.TOKEN_CACHE, TokenCache.class);
    }

    /** The status {@code request} gets, or -1 when nothing answers (a target not up yet, or gone). */
    static int status(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    /**
     * The value of one series on a metrics page, {@code name{labels}} exactly as Prometheus prints it; empty when
     * the page does not have it (yet).
     */
    static OptionalDouble metric(HttpClient http, String metricsUrl, String series)
            throws IOException, InterruptedException {
        String page = http.send(HttpRequest.newBuilder(URI.create(metricsUrl)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher value = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(page);
        return value.find() ? OptionalDouble.of(Double.parseDouble(value.group(1))) : OptionalDouble.empty();
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws Exception {
        main.stop();
    }
}
