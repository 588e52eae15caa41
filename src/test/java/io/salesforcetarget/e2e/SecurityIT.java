package io.salesforcetarget.e2e;

import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.salesforcetarget.auth.TestKeys;
import io.salesforcetarget.simulator.SalesforceSimulator;
import io.salesforcetarget.simulator.SimulatorConfig;

import static io.salesforcetarget.e2e.CloudEventClient.API_CALL;
import static io.salesforcetarget.e2e.CloudEventClient.dataOf;
import static io.salesforcetarget.e2e.CloudEventClient.replyOf;
import static org.assertj.core.api.Assertions.assertThat;

/** The target with an operation allowlist and a bearer token required on its CloudEvents endpoint. */
class SecurityIT {

    private static final String TOKEN = "broker-token-" + System.nanoTime();
    private static SalesforceSimulator salesforce;
    private static RunningTarget target;
    private static CloudEventClient client;

    @BeforeAll
    static void start() throws Exception {
        KeyPair keys = TestKeys.generate("RSA", 2048);
        salesforce = SalesforceSimulator.start(SimulatorConfig.builder().publicKey(keys.getPublic()).build());
        target = RunningTarget.start(RunningTarget.with(
                RunningTarget.loginTo(salesforce, keys, "consumer-key", "someone@example.com"), Map.of(
                "salesforce.api-version", "v62.0",
                "salesforce.allowed-operations", "POST sobjects/Account, GET sobjects/Account/*",
                "events.auth.token", TOKEN)));
        client = new CloudEventClient(target.url());
    }

    @AfterAll
    static void stop() throws Exception {
        target.close();
        salesforce.close();
    }

    @BeforeEach
    void clear() {
        salesforce.clearRecordedRequests();
    }

    private static final String CREATE = "{\"action\":\"POST\",\"resource\":\"sobjects\",\"object\":\"Account\","
            + "\"payload\":{\"Name\":\"Allowed\"}}";

    @Test
    void withoutTheTokenNothingIsDoneAndNothingIsExplained() throws Exception {
        for (String[] authorization : new String[][] { {}, { "Authorization", "Bearer wrong" },
                { "Authorization", "Basic " + TOKEN } }) {
            HttpResponse<byte[]> response = client.sendBinary(API_CALL, CREATE, authorization);
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"salesforce-target\"");
            assertThat(CloudEventClient.json(response.body()).get("description").asText())
                    .isEqualTo("authentication required");
        }
        assertThat(salesforce.recordedRequests()).isEmpty();
    }

    @Test
    void withTheTokenAnAllowedOperationIsDone() throws Exception {
        HttpResponse<byte[]> response = client.sendBinary(API_CALL, CREATE, "Authorization", "Bearer " + TOKEN);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(replyOf(response).getExtension("category")).isEqualTo("success");
        assertThat(salesforce.recordedRequests()).hasSize(1);
        assertThat(salesforce.recordedRequests().get(0).header("Authorization")).doesNotContain(TOKEN);
    }

    @Test
    void anOperationOutsideTheAllowlistNeverReachesSalesforce() throws Exception {
        HttpResponse<byte[]> response = client.sendBinary(API_CALL,
                "{\"action\":\"DELETE\",\"resource\":\"sobjects\",\"object\":\"Account\",\"record\":\"001000000000001AAA\"}",
                "Authorization", "Bearer " + TOKEN);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(replyOf(response).getExtension("category")).isEqualTo("error");
        assertThat(dataOf(replyOf(response)).get("code").asText()).isEqualTo("request-validation");
        assertThat(dataOf(replyOf(response)).get("description").asText())
                .contains("DELETE sobjects/Account/001000000000001AAA", "not allowed");
        assertThat(salesforce.recordedRequests()).isEmpty();
    }
}
