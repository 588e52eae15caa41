package io.salesforcetarget.e2e;

import java.security.KeyPair;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

import io.salesforcetarget.simulator.KeyPairs;
import io.salesforcetarget.simulator.SalesforceSimulator;
import io.salesforcetarget.simulator.SimulatorConfig;

/**
 * The real application against the simulated org, both started once for a test class: a key pair made here, the
 * org that verifies every login assertion with its public half, the target logging in to it with
 * {@link #settings()} on top, and a CloudEvents client. Every test starts with a healthy org (no armed faults, no
 * recorded requests).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TargetAgainstSimulatedOrg {

    protected static final String CLIENT_ID = "3MVG9-e2e-consumer-key";
    protected static final String USER = "integration@example.com";

    protected KeyPair keys;
    protected SalesforceSimulator salesforce;
    protected RunningTarget target;
    protected CloudEventClient client;

    /** The target's settings beyond the login (client id, server, user and key are set). */
    protected abstract Map<String, String> settings();

    /** The org, with the key, client id and user set; as it is unless a class needs more. */
    protected SimulatorConfig.Builder org(SimulatorConfig.Builder org) {
        return org;
    }

    /** The target's whole configuration: the login to the org, then {@link #settings()}. */
    protected Map<String, String> configuration() {
        return RunningTarget.with(RunningTarget.loginTo(salesforce, keys, CLIENT_ID, USER), settings());
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
        keys = KeyPairs.generate("RSA", 2048);
        salesforce = SalesforceSimulator.start(org(SimulatorConfig.builder().publicKey(keys.getPublic())
                .clientId(CLIENT_ID).username(USER)).build());
        target = RunningTarget.start(configuration());
        client = new CloudEventClient(target.url());
    }

    @AfterAll
    void stopOrgAndTarget() throws Exception {
        target.close();
        salesforce.close();
        afterOrgAndTarget();
    }

    @BeforeEach
    void healthyOrg() {
        salesforce.faults().clear();
        salesforce.clearRecordedRequests();
    }
}
