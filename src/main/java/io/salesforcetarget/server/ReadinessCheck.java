package io.salesforcetarget.server;

import java.util.Map;
import java.util.function.BooleanSupplier;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

import io.salesforcetarget.auth.TokenCache;

/**
 * {@code /observe/health/ready}: ready only once the target holds a Salesforce session, reaches its event store
 * and is not shutting down,
 * so that Knative routes events only to a replica that can deliver them.
 */
public class ReadinessCheck extends AbstractHealthCheck {

    private final TokenCache tokens;
    private final DrainGate gate;
    private final BooleanSupplier eventStoreReachable;

    public ReadinessCheck(TokenCache tokens, DrainGate gate, BooleanSupplier eventStoreReachable) {
        super("salesforce-target", "salesforce-session");
        this.tokens = tokens;
        this.gate = gate;
        this.eventStoreReachable = eventStoreReachable;
    }

    @Override
    public boolean isLiveness() {
        return false; // a missing session is a reason not to send events here, never a reason to restart
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        if (gate.isDraining()) {
            builder.down().message("shutting down");
        } else if (!tokens.hasSession()) {
            builder.down().message("no Salesforce session yet");
        } else if (!eventStoreReachable.getAsBoolean()) {
            builder.down().message("the event store cannot be reached"); // every event would get 503
        } else {
            builder.up();
        }
    }
}
