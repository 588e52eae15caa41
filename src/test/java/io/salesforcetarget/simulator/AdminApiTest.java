package io.salesforcetarget.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class AdminApiTest extends OneSimulatorPerClass {

    private static final String LIMITS = "/services/data/v66.0/limits";


    @Test
    void armsListsAndClearsFaults() throws Exception {
        String token = client.token();
        HttpResponse<String> armed = client.send("POST", "/__admin/faults", null,
                "{\"fault\":\"SERVICE_UNAVAILABLE_JSON\",\"count\":2,\"target\":\"api\"}");
        assertThat(armed.statusCode()).isEqualTo(200);
        assertThat(SimClient.json(armed).get("api").get(0).get("count").asInt()).isEqualTo(2);
        assertThat(client.get(LIMITS, token).statusCode()).isEqualTo(503);

        JsonNode listed = SimClient.json(client.get("/__admin/faults", null));
        assertThat(listed.get("api").get(0).get("fault").asText()).isEqualTo("SERVICE_UNAVAILABLE_JSON");
        assertThat(listed.get("api").get(0).get("count").asInt()).isEqualTo(1);

        assertThat(client.send("DELETE", "/__admin/faults", null, null).statusCode()).isEqualTo(204);
        assertThat(client.get(LIMITS, token).statusCode()).isEqualTo(200);
    }

    @Test
    void loginFaultsAndDelays() throws Exception {
        client.send("POST", "/__admin/faults", null, "{\"fault\":\"invalid_grant\",\"target\":\"login\"}");
        assertThat(client.login(TestAssertions.valid()).statusCode()).isEqualTo(400);
        assertThat(client.login(TestAssertions.valid()).statusCode()).isEqualTo(200);

        client.send("POST", "/__admin/faults", null, "{\"fault\":\"DELAY\",\"delayMillis\":150}");
        long start = System.nanoTime();
        assertThat(client.get(LIMITS, client.token()).statusCode()).isEqualTo(200);
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(150);
    }

    @Test
    void rejectsBadFaultSpecs() throws Exception {
        assertThat(client.send("POST", "/__admin/faults", null, "{\"fault\":\"NOPE\"}").statusCode()).isEqualTo(400);
        assertThat(client.send("POST", "/__admin/faults", null, "{\"fault\":\"HANG\",\"target\":\"db\"}").statusCode()).isEqualTo(400);
        assertThat(client.send("POST", "/__admin/faults", null, "{\"fault\":\"INVALID_GRANT\"}").statusCode()).isEqualTo(400);
        assertThat(client.send("POST", "/__admin/faults", null, "not json").statusCode()).isEqualTo(400);
        assertThat(client.get("/__admin/nothing", null).statusCode()).isEqualTo(404);
    }

    @Test
    void expiresAndRevokesSessions() throws Exception {
        String token = client.token();
        assertThat(client.send("POST", "/__admin/sessions/expire", null, null).statusCode()).isEqualTo(204);
        assertThat(client.get(LIMITS, token).statusCode()).isEqualTo(401);
        String fresh = client.token();
        assertThat(client.send("POST", "/__admin/sessions/revoke", null, "{\"token\":\"" + fresh + "\"}").statusCode())
                .isEqualTo(204);
        assertThat(client.get(LIMITS, fresh).statusCode()).isEqualTo(401);
    }

    @Test
    void countersRequestsRecordsAndReset() throws Exception {
        String token = client.token();
        client.send("POST", "/services/data/v66.0/sobjects/Account", token, "{\"Name\":\"Acme\"}");

        JsonNode counters = SimClient.json(client.get("/__admin/counters", null));
        assertThat(counters.get("apiCalls").asLong()).isEqualTo(1);
        assertThat(counters.get("successfulLogins").asLong()).isEqualTo(1);
        assertThat(counters.get("statusCounts").get("201").asLong()).isEqualTo(1);

        JsonNode requests = SimClient.json(client.get("/__admin/requests", null));
        assertThat(requests.get(0).get("path").asText()).isEqualTo("/services/data/v66.0/sobjects/Account");
        assertThat(requests.get(0).get("body").asText()).isEqualTo("{\"Name\":\"Acme\"}");

        JsonNode records = SimClient.json(client.get("/__admin/records/account", null));
        assertThat(records.get(0).get("Name").asText()).isEqualTo("Acme");
        assertThat(client.get("/__admin/records/Whizbang", null).statusCode()).isEqualTo(404);

        assertThat(client.send("DELETE", "/__admin/requests", null, null).statusCode()).isEqualTo(204);
        assertThat(sim.recordedRequests()).isEmpty();
        assertThat(client.send("POST", "/__admin/reset", null, null).statusCode()).isEqualTo(204);
        assertThat(sim.store().count("Account")).isZero();
        assertThat(sim.counters().apiCalls()).isZero();
        // admin calls are neither counted nor recorded
        assertThat(sim.recordedRequests()).isEmpty();
    }
}
