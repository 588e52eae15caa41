package io.salesforcetarget.server;

import java.util.Map;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

import io.salesforcetarget.auth.TokenCache;

/**
 * {@code /observe/health/ready}: ready only once the target holds a Salesforce session and is not shutting down,
 * so that Knative routes events only to a replica that can deliver them.
 */
public class ReadinessCheck extends AbstractHealthCheck {

    private final TokenCache tokens;
    private final DrainGate gate;

    public ReadinessCheck(TokenCache tokens, DrainGate gate) {
        super("salesforce-target", "salesforce-session");
        this.tokens = tokens;
        this.gate = gate;
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
        } else {
            builder.up();
        }
    }
}
