package io.salesforcetarget.server;

import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpEngine;

/**
 * The Vert.x platform-http engine, told its port. Camel 4.17's engine finds its port by looking for the single
 * Vert.x server in the registry; with the management server on its own port there are two, and it falls back to
 * 8080, so the CloudEvents route would not start on any other port.
 */
public class ConfiguredPortHttpEngine extends VertxPlatformHttpEngine {

    private final int port;

    public ConfiguredPortHttpEngine(int port) {
        this.port = port;
    }

    @Override
    public int getServerPort() {
        return port;
    }
}
