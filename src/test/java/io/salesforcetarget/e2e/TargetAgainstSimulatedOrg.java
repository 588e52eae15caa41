package io.salesforcetarget.e2e;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

import io.salesforcetarget.simulator.SalesforceSimulator;
import io.salesforcetarget.simulator.SimulatorConfig;

/**
 * The real application against a {@link SimulatedOrg}, both started once for a test class: the org with
 * {@link #org} on top, the target logging in to it with {@link #settings()} on top, and a CloudEvents client.
 * Every test starts with a healthy org (no armed faults, no recorded requests). A class that needs more targets
 * against the same org starts them with {@link #startTarget}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class TargetAgainstSimulatedOrg {

    private SimulatedOrg org;
    protected SalesforceSimulator salesforce;
    protected RunningTarget target;
    protected CloudEventClient client;

    /** The target's settings beyond the login (client id, server, user and key are set). */
    protected abstract Map<String, String> settings();

    /**
     * Retries quick enough for a test to see each failure class: 3 attempts from 20 ms, at most 100 ms apart, within
     * 5 s, and a new login allowed at once; API version v62.0. A test's {@link #settings()} adds its own on top.
     */
    protected static Map<String, String> quickRetries(Map<String, String> more) {
        return RunningTarget.with(Map.of(
                "salesforce.api-version", "v62.0",
                "salesforce.retry.max-attempts", "3",
                "salesforce.retry.initial-delay-ms", "20",
                "salesforce.retry.max-delay-ms", "100",
                "salesforce.retry.budget-ms", "5000",
                "salesforce.login-min-interval-ms", "1"), more);
    }

    /** The org, with the key, client id and user set; as it is unless a class needs more. */
    protected SimulatorConfig.Builder org(SimulatorConfig.Builder org) {
        return org;
    }

    /** The target's login to {@code org}: the key as PEM text unless a class reads it another way. */
    protected Map<String, String> login(SimulatedOrg org) throws Exception {
        return org.login();
    }

    /** The target's whole configuration: the {@link #login}, then {@link #settings()}. */
    protected Map<String, String> configuration() throws Exception {
        return RunningTarget.with(login(org), settings());
    }

    /** Another target against the org, with {@link #configuration()} and {@code more} on top; the caller closes it. */
    protected RunningTarget startTarget(Map<String, String> more) throws Exception {
        return RunningTarget.start(RunningTarget.with(configuration(), more));
    }

    /** What the target needs before it starts, beyond the org (e.g. a database); nothing unless a class needs it. */
    protected void beforeOrgAndTarget() throws Exception {
    }

    /** Stops what {@link #beforeOrgAndTarget()} started, after the target and the org. */
    protected void afterOrgAndTarget() throws Exception {
    }

    @BeforeAll
    void startOrgAndTarget() throws Exception {
        beforeOrgAndTarget();
        org = SimulatedOrg.start(this::org);
        salesforce = org.salesforce();
        target = RunningTarget.start(configuration());
        client = new CloudEventClient(target.url());
    }

    @AfterAll
    void stopOrgAndTarget() throws Exception {
        if (target != null) {
            target.close();
        }
        if (org != null) {
            org.close();
        }
        afterOrgAndTarget();
    }

    @BeforeEach
    void healthyOrg() {
        org.clearFaultsAndRecordings();
    }
}
