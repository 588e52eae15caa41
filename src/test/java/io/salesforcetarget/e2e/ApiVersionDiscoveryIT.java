package io.salesforcetarget.e2e;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.salesforcetarget.simulator.KeyPairs;
import io.salesforcetarget.simulator.RecordedRequest;
import io.salesforcetarget.simulator.SalesforceSimulator;
import io.salesforcetarget.simulator.SimulatorConfig;
import io.salesforcetarget.simulator.TestKeys;

import static io.salesforcetarget.e2e.CloudEventClient.API_CALL;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same application with a PKCS#1 key read from a mounted secret file ({@code certKey}), no configured API
 * version (the highest the org lists is used) and the {@code error} reply policy.
 */
class ApiVersionDiscoveryIT {

    @TempDir
    static Path secrets;

    private static SalesforceSimulator salesforce;
    private static RunningTarget target;
    private static CloudEventClient client;

    @BeforeAll
    static void start() throws Exception {
        KeyPair keys = KeyPairs.generate("RSA", 2048);
        Path keyFile = Files.writeString(secrets.resolve("certKey"), TestKeys.pkcs1Pem(keys.getPrivate()));
        salesforce = SalesforceSimulator.start(SimulatorConfig.builder().publicKey(keys.getPublic())
                .apiVersions(20, 61).build());
        target = RunningTarget.start(Map.of(
                "salesforce.auth.client-id", "consumer-key",
                "salesforce.auth.server", salesforce.baseUrl(),
                "salesforce.auth.user", "someone@example.com",
                "salesforce.auth.cert-key-file", keyFile.toString(),
                "events.payload-policy", "ERROR"));
        client = new CloudEventClient(target.url());
    }

    @AfterAll
    static void stop() throws Exception {
        target.close();
        salesforce.close();
    }

    @Test
    void usesTheHighestVersionTheOrgListsAndAcknowledgesSuccessWithoutAReply() throws Exception {
        HttpResponse<byte[]> response = client.sendBinary(API_CALL,
                "{\"action\":\"POST\",\"resource\":\"sobjects\",\"object\":\"Account\",\"payload\":{\"Name\":\"Acme\"}}");

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.body()).isEmpty();
        assertThat(salesforce.recordedRequests()).extracting(RecordedRequest::path)
                .contains("/services/data/v61.0/sobjects/Account");
    }

    @Test
    void errorPolicyStillRepliesToErrors() throws Exception {
        HttpResponse<byte[]> response = client.sendBinary(API_CALL, "{\"action\":\"create\",\"resource\":\"sobjects\"}");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(CloudEventClient.replyOf(response).getExtension("category")).isEqualTo("error");
    }
}
