package io.salesforcetarget.server;

import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListenerSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.salesforcetarget.salesforce.SalesforceLibrary;
import io.salesforcetarget.settings.TargetSettings;

/**
 * On SIGTERM, before Camel stops anything: readiness goes down and new events get 503 (the HTTP server is still
 * up), while the events in flight finish, bounded by the drain timeout. Then Camel shuts down as usual.
 */
public final class GracefulShutdown extends MainListenerSupport {

    /** Registry name of the {@link DrainGate} this shutdown drains. */
    public static final String DRAIN_GATE = "drainGate";

    private static final Logger LOG = LoggerFactory.getLogger(GracefulShutdown.class);

    @Override
    public void beforeStop(BaseMainSupport main) {
        var registry = main.getCamelContext().getRegistry();
        DrainGate gate = registry.lookupByNameAndType(DRAIN_GATE, DrainGate.class);
        TargetSettings settings = registry.lookupByNameAndType(SalesforceLibrary.SETTINGS, TargetSettings.class);
        if (gate == null || settings == null) {
            return; // the configuration never completed: nothing was admitted
        }
        LOG.info("Shutting down: refusing new events, {} in flight", gate.inFlight());
        try {
            if (gate.drain(settings.reliability().drainTimeout())) {
                LOG.info("All events in flight are done");
            } else {
                LOG.warn("{} events still in flight after {}; stopping anyway", gate.inFlight(),
                        settings.reliability().drainTimeout());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
