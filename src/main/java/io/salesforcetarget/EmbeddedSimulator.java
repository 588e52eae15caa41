package io.salesforcetarget;

import java.security.KeyPair;

import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.salesforcetarget.simulator.KeyPairs;
import io.salesforcetarget.simulator.SalesforceSimulator;
import io.salesforcetarget.simulator.SimulatorConfig;

/**
 * {@code --simulator}: the target and a simulated Salesforce org in one process, for a first run without an org.
 * A fresh key pair is made at every start; the target is configured against the simulator through override
 * properties, so nothing of the real configuration (environment, application.properties) is used for auth.
 */
final class EmbeddedSimulator {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedSimulator.class);
    private static final String CLIENT_ID = "salesforce-target-simulator";
    private static final String USER = "simulator@example.com";

    private EmbeddedSimulator() {
    }

    /**
     * Starts the simulator and points {@code main} at it. The simulator stops after Camel has stopped, so that
     * events still in flight at shutdown can finish against it.
     */
    static SalesforceSimulator attach(Main main) {
        KeyPair keys = KeyPairs.generate("RSA", 2048);
        SalesforceSimulator simulator = SalesforceSimulator.start(SimulatorConfig.builder()
                .publicKey(keys.getPublic()).clientId(CLIENT_ID).username(USER).build());
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterStop(BaseMainSupport stopped) {
                simulator.close();
            }
        });
        main.addOverrideProperty("salesforce.auth.client-id", CLIENT_ID);
        main.addOverrideProperty("salesforce.auth.server", simulator.baseUrl());
        main.addOverrideProperty("salesforce.auth.user", USER);
        main.addOverrideProperty("salesforce.auth.cert-key", KeyPairs.pkcs8Pem(keys.getPrivate()));
        main.addOverrideProperty("salesforce.auth.cert-key-file", "");
        LOG.warn("SIMULATOR MODE: events go to a simulated Salesforce org at {}, not to Salesforce", simulator.baseUrl());
        return simulator;
    }

    /** Ready-to-paste curl commands for the listener on {@code port}. */
    static String tryItCommands(int port) {
        String headers = "-H 'ce-specversion: 1.0' -H \"ce-id: $RANDOM\" -H 'ce-source: curl' "
                + "-H 'ce-type: io.triggermesh.salesforce.apicall' -H 'Content-Type: application/json'";
        String url = "http://localhost:" + port + "/";
        return String.join("\n",
                "Try it (the reply events come back as the HTTP answers):",
                "  curl -si " + url + " " + headers
                        + " -d '{\"action\":\"POST\",\"resource\":\"sobjects\",\"object\":\"Account\",\"payload\":{\"Name\":\"Jane Doe\"}}'",
                "  ID=<the id from the reply above>",
                "  curl -si " + url + " " + headers
                        + " -d '{\"action\":\"GET\",\"resource\":\"sobjects\",\"object\":\"Account\",\"record\":\"'$ID'\",\"query\":{\"fields\":\"Name,BillingCity\"}}'",
                "  curl -si " + url + " " + headers
                        + " -d '{\"action\":\"PATCH\",\"resource\":\"sobjects\",\"object\":\"Account\",\"record\":\"'$ID'\",\"payload\":{\"BillingCity\":\"San Francisco\"}}'",
                "  curl -si " + url + " " + headers
                        + " -d '{\"action\":\"DELETE\",\"resource\":\"sobjects\",\"object\":\"Account\",\"record\":\"'$ID'\"}'");
    }
}
