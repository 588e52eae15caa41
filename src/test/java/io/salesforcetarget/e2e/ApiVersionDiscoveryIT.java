package io.salesforcetarget.e2e;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.salesforcetarget.simulator.RecordedRequest;
import io.salesforcetarget.simulator.SimulatorConfig;
import io.salesforcetarget.simulator.TestKeys;

import static io.salesforcetarget.e2e.CloudEventClient.API_CALL;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same application with a PKCS#1 key read from a mounted secret file ({@code certKey}), no configured API
 * version (the highest the org lists is used) and the {@code error} reply policy.
 */
class ApiVersionDiscoveryIT extends TargetAgainstSimulatedOrg {

    @TempDir
    static Path secrets;

    @Override
    protected SimulatorConfig.Builder org(SimulatorConfig.Builder org) {
        return org.apiVersions(20, 61);
    }

    @Override
    protected Map<String, String> login(SimulatedOrg org) throws Exception {
        Path keyFile = Files.writeString(secrets.resolve("certKey"), TestKeys.pkcs1Pem(org.keys().getPrivate()));
        return org.login(keyFile);
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of("events.payload-policy", "ERROR");
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
