package io.salesforcetarget.server;

import io.vertx.core.net.impl.TCPServerBase;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.main.MainSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops the target right after its start when an HTTP listener (events, or the management port) could not bind its
 * address; {@link #failed()} then tells the caller to exit non-zero.
 * <p>
 * Why: in Camel 4.17, {@link VertxPlatformHttpServer} logs "Failed to start Vert.x HttpServer" and goes on, so a
 * target whose port was taken ran with no listener at all. Its Vert.x server still reports the configured port;
 * only Vert.x's {@link TCPServerBase#isListening()} tells (an implementation class: no public API says it).
 */
public class ListenerBoundCheck extends MainListenerSupport {

    private static final Logger LOG = LoggerFactory.getLogger(ListenerBoundCheck.class);

    private volatile String failure;

    @Override
    public void afterStart(BaseMainSupport main) {
        failure = unboundListener(main.getCamelContext());
        if (failure != null) {
            LOG.error("{}: stopping", failure);
            ((MainSupport) main).completed();
        }
    }

    public boolean failed() {
        return failure != null;
    }

    /** What could not bind, or null when every listener listens. */
    static String unboundListener(CamelContext context) {
        for (VertxPlatformHttpServer listener : context.hasServices(VertxPlatformHttpServer.class)) {
            if (listener.getServer() instanceof TCPServerBase server && !server.isListening()) {
                return "the HTTP listener could not bind " + listener.getHost() + ":"
                        + listener.getConfigurationPort() + " (is the port in use?)";
            }
        }
        return null;
    }
}
