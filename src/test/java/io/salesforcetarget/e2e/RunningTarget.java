package io.salesforcetarget.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;

import io.salesforcetarget.Application;
import io.salesforcetarget.auth.TokenCache;

/** The real application (same Camel main, configuration and routes as {@code java -jar}) on a free loopback port. */
public final class RunningTarget implements AutoCloseable {

    private final Main main;
    private final int port;

    private RunningTarget(Main main, int port) {
        this.main = main;
        this.port = port;
    }

    /** @param properties application properties overriding application.properties (and the environment) */
    public static RunningTarget start(Map<String, String> properties) throws Exception {
        int port = freePort();
        Map<String, String> all = new LinkedHashMap<>(properties);
        all.put("camel.server.host", "127.0.0.1");
        all.put("camel.server.port", String.valueOf(port));
        Main main = Application.createMain();
        all.forEach(main::addOverrideProperty);
        main.start();
        return new RunningTarget(main, port);
    }

    public String url() {
        return "http://127.0.0.1:" + port + "/";
    }

    /** The running application's Camel context, e.g. to send to a Kamelet or add a route as a user would. */
    public CamelContext camelContext() {
        return main.getCamelContext();
    }

    public TokenCache tokenCache() {
        return main.getCamelContext().getRegistry().lookupByNameAndType("tokenCache", TokenCache.class);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws Exception {
        main.stop();
    }
}
