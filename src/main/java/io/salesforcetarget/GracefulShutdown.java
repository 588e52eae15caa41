package io.salesforcetarget;

import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListenerSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.salesforcetarget.config.SalesforceCallRoutes;
import io.salesforcetarget.config.TargetConfiguration;
import io.salesforcetarget.config.TargetSettings;
import io.salesforcetarget.events.DrainGate;

/**
 * On SIGTERM, before Camel stops anything: readiness goes down and new events get 503 (the HTTP server is still
 * up), while the events in flight finish, bounded by the drain timeout. Then Camel shuts down as usual.
 */
final class GracefulShutdown extends MainListenerSupport {

    private static final Logger LOG = LoggerFactory.getLogger(GracefulShutdown.class);

    @Override
    public void beforeStop(BaseMainSupport main) {
        var registry = main.getCamelContext().getRegistry();
        DrainGate gate = registry.lookupByNameAndType(TargetConfiguration.DRAIN_GATE, DrainGate.class);
        TargetSettings settings = registry.lookupByNameAndType(SalesforceCallRoutes.SETTINGS, TargetSettings.class);
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
