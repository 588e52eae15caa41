package io.salesforcetarget.e2e;

import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import io.salesforcetarget.simulator.KeyPairs;
import io.salesforcetarget.simulator.RecordedRequest;
import io.salesforcetarget.simulator.SalesforceSimulator;
import io.salesforcetarget.simulator.SimulatorConfig;

/**
 * A simulated org on loopback for a target to log in to: a key pair made here, the org verifying every login
 * assertion with its public half, and the target's login settings with its private half. The org part of
 * {@link TargetAgainstSimulatedOrg}, for a test that starts its targets itself (several orgs, the jar in a JVM of
 * its own, a target per test).
 */
public final class SimulatedOrg implements AutoCloseable {

    public static final String CLIENT_ID = "3MVG9-e2e-consumer-key";
    public static final String USER = "integration@example.com";

    private final KeyPair keys;
    private final SalesforceSimulator salesforce;

    private SimulatedOrg(KeyPair keys, SalesforceSimulator salesforce) {
        this.keys = keys;
        this.salesforce = salesforce;
    }

    public static SimulatedOrg start() {
        return start(UnaryOperator.identity());
    }

    /** @param config more of the org's configuration; the key, client id and user are set */
    public static SimulatedOrg start(UnaryOperator<SimulatorConfig.Builder> config) {
        KeyPair keys = KeyPairs.generate("RSA", 2048);
        return new SimulatedOrg(keys, SalesforceSimulator.start(config.apply(SimulatorConfig.builder()
                .publicKey(keys.getPublic()).clientId(CLIENT_ID).username(USER)).build()));
    }

    public SalesforceSimulator salesforce() {
        return salesforce;
    }

    /** The pair the org trusts: the target signs its assertions with the private half. */
    public KeyPair keys() {
        return keys;
    }

    /** The target's four login properties, the private key as PKCS#8 PEM text ({@code salesforce.auth.cert-key}). */
    public Map<String, String> login() {
        return login("salesforce.auth.cert-key", KeyPairs.pkcs8Pem(keys.getPrivate()));
    }

    /** The target's four login properties, the private key read from {@code keyFile}, in whatever form it holds. */
    public Map<String, String> login(Path keyFile) {
        return login("salesforce.auth.cert-key-file", keyFile.toString());
    }

    private Map<String, String> login(String keyProperty, String key) {
        return Map.of(
                "salesforce.auth.client-id", CLIENT_ID,
                "salesforce.auth.server", salesforce.baseUrl(),
                "salesforce.auth.user", USER,
                keyProperty, key);
    }

    /** {@link #login()} as the environment of the jar in a JVM of its own. */
    public Map<String, String> loginEnvironment() {
        return Map.of(
                "SALESFORCE_AUTH_CLIENT_ID", CLIENT_ID,
                "SALESFORCE_AUTH_SERVER", salesforce.baseUrl(),
                "SALESFORCE_AUTH_USER", USER,
                "SALESFORCE_AUTH_CERT_KEY", KeyPairs.pkcs8Pem(keys.getPrivate()));
    }

    /** The sObject Collections calls among the REST calls {@code salesforce} recorded, in order. */
    public static List<RecordedRequest> collectionCalls(SalesforceSimulator salesforce) {
        return salesforce.recordedRequests().stream()
                .filter(request -> request.path().endsWith("/composite/sobjects")).toList();
    }

    /** A healthy org again: no armed faults, no recorded requests. */
    public void clearFaultsAndRecordings() {
        salesforce.faults().clear();
        salesforce.clearRecordedRequests();
    }

    @Override
    public void close() {
        salesforce.close();
    }
}
