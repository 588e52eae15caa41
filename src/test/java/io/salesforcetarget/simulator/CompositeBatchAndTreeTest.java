package io.salesforcetarget.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CompositeBatchAndTreeTest extends OneSimulatorPerClass {

    private static final String V = "/services/data/v66.0";

    private String token;

    @BeforeAll
    void logIn() throws Exception {
        token = client.token();
    }

    @Test
    void batchRunsEachSubrequestAndCountsEach() throws Exception {
        String id = create("{\"Name\":\"Old\",\"BillingPostalCode\":\"94105\"}");
        long before = sim.counters().apiUsage();
        HttpResponse<String> response = batch(false,
                "{\"method\":\"PATCH\",\"url\":\"v66.0/sobjects/account/" + id + "\",\"richInput\":{\"Name\":\"NewName\"}}",
                "{\"method\":\"GET\",\"url\":\"v66.0/sobjects/account/" + id + "?fields=Name,BillingPostalCode\"}",
                "{\"method\":\"GET\",\"url\":\"/services/data/v60.0/limits\"}");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(sim.counters().apiUsage()).isEqualTo(before + 3);
        JsonNode body = SimClient.json(response);
        assertThat(body.get("hasErrors").asBoolean()).isFalse();
        assertThat(body.get("results").get(0).toString()).isEqualTo("{\"statusCode\":204,\"result\":null}");
        JsonNode got = body.get("results").get(1);
        assertThat(got.get("statusCode").asInt()).isEqualTo(200);
        assertThat(got.get("result").toString()).isEqualTo("{\"attributes\":{\"type\":\"Account\",\"url\":\"" + V
                + "/sobjects/Account/" + id + "\"},\"Name\":\"NewName\",\"BillingPostalCode\":\"94105\",\"Id\":\"" + id + "\"}");
        assertThat(body.get("results").get(2).get("result").has("DailyApiRequests")).isTrue();
    }

    @Test
    void batchCommitsEachAndHaltsOnErrorWhenAsked() throws Exception {
        String good = "{\"method\":\"POST\",\"url\":\"v66.0/sobjects/Account\",\"richInput\":{\"Name\":\"A\"}}";
        String bad = "{\"method\":\"POST\",\"url\":\"v66.0/sobjects/Account\",\"richInput\":{\"Phone\":\"1\"}}";
        JsonNode going = SimClient.json(batch(false, good, bad, good));
        assertThat(going.get("hasErrors").asBoolean()).isTrue();
        assertThat(going.get("results").get(1).get("statusCode").asInt()).isEqualTo(400);
        assertThat(going.get("results").get(1).get("result").get(0).get("errorCode").asText()).isEqualTo("REQUIRED_FIELD_MISSING");
        assertThat(going.get("results").get(2).get("statusCode").asInt()).isEqualTo(201);
        assertThat(sim.store().count("Account")).isEqualTo(2);

        JsonNode halted = SimClient.json(batch(true, good, bad, good, good));
        assertThat(halted.get("results").get(0).get("statusCode").asInt()).isEqualTo(201);
        for (int i : new int[] {2, 3}) {
            assertThat(halted.get("results").get(i).get("statusCode").asInt()).isEqualTo(412);
            assertThat(halted.get("results").get(i).get("result").get(0).get("errorCode").asText())
                    .isEqualTo("BATCH_PROCESSING_HALTED");
        }
        assertThat(sim.store().count("Account")).isEqualTo(3);
    }

    @Test
    void batchIsRefusedWholeForABadSubrequest() throws Exception {
        String good = "{\"method\":\"POST\",\"url\":\"v66.0/sobjects/Account\",\"richInput\":{\"Name\":\"A\"}}";
        for (String bad : new String[] {"{\"method\":\"FETCH\",\"url\":\"v66.0/limits\"}",
                "{\"method\":\"GET\",\"url\":\"limits\"}", "{\"method\":\"GET\",\"url\":\"v33.0/limits\"}",
                "{\"method\":\"GET\",\"url\":\"v67.0/limits\"}", "{\"method\":\"POST\",\"url\":\"v66.0/composite/sobjects\"}"}) {
            HttpResponse<String> response = batch(false, good, bad);
            assertThat(response.statusCode()).as(bad).isEqualTo(400);
            assertThat(SimClient.errorCode(response)).isEqualTo("INVALID_INPUT");
        }
        String[] many = new String[26];
        java.util.Arrays.fill(many, good);
        assertThat(SimClient.errorCode(batch(false, many))).isEqualTo("LIMIT_EXCEEDED");
        assertThat(sim.store().count("Account")).isZero();
    }

    @Test
    void treeCreatesNestedRecordsLevelByLevel() throws Exception {
        long before = sim.counters().apiUsage();
        HttpResponse<String> response = client.send("POST", V + "/composite/tree/Account", token, """
                {"records":[{"attributes":{"type":"Account","referenceId":"ref1"},"name":"SampleAccount",
                  "phone":"1234567890","numberOfEmployees":"100","industry":"Banking",
                  "Contacts":{"records":[
                    {"attributes":{"type":"Contact","referenceId":"ref2"},"lastname":"Smith","title":"President"},
                    {"attributes":{"type":"Contact","referenceId":"ref3"},"lastname":"Evans","title":"Vice President"}]}},
                  {"attributes":{"type":"Account","referenceId":"ref4"},"name":"SampleAccount2"}]}""");
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(sim.counters().apiUsage()).isEqualTo(before + 1);
        JsonNode body = SimClient.json(response);
        assertThat(body.get("hasErrors").asBoolean()).isFalse();
        JsonNode results = body.get("results");
        assertThat(results).hasSize(4);
        String[] order = {"ref1", "ref4", "ref2", "ref3"};
        for (int i = 0; i < order.length; i++) {
            assertThat(results.get(i).get("referenceId").asText()).isEqualTo(order[i]);
        }
        String parent = results.get(0).get("id").asText();
        SObjectRecord smith = sim.store().record("Contact", results.get(2).get("id").asText()).orElseThrow();
        assertThat(smith.field("AccountId")).isEqualTo(parent);
        assertThat(smith.field("Title")).isEqualTo("President");
    }

    @Test
    void treeWithAFailedRecordCreatesNothing() throws Exception {
        HttpResponse<String> response = client.send("POST", V + "/composite/tree/Account", token, """
                {"records":[{"attributes":{"type":"Account","referenceId":"ref1"},"Name":"A",
                  "Contacts":{"records":[{"attributes":{"type":"Contact","referenceId":"ref2"},"Title":"No last name"}]}},
                  {"attributes":{"type":"Account","referenceId":"ref3"},"Name":"B","Bogus__x":"1"}]}""");
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode body = SimClient.json(response);
        assertThat(body.get("hasErrors").asBoolean()).isTrue();
        assertThat(body.get("results")).hasSize(2);
        assertThat(body.get("results").get(0).get("referenceId").asText()).isEqualTo("ref3");
        assertThat(body.get("results").get(0).get("errors").get(0).get("statusCode").asText()).isEqualTo("INVALID_FIELD");
        assertThat(body.get("results").get(1).toString()).isEqualTo("{\"referenceId\":\"ref2\",\"errors\":[{\"statusCode\":"
                + "\"REQUIRED_FIELD_MISSING\",\"message\":\"Required fields are missing: [LastName]\",\"fields\":[\"LastName\"]}]}");
        assertThat(sim.store().count("Account")).isZero();
        assertThat(sim.store().count("Contact")).isZero();
    }

    @Test
    void treeLimitsAndShape() throws Exception {
        StringBuilder many = new StringBuilder("{\"records\":[");
        for (int i = 0; i < 201; i++) {
            many.append(i == 0 ? "" : ",").append("{\"attributes\":{\"type\":\"Account\",\"referenceId\":\"r")
                    .append(i).append("\"},\"Name\":\"A").append(i).append("\"}");
        }
        HttpResponse<String> tooMany = client.send("POST", V + "/composite/tree/Account", token, many + "]}");
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(SimClient.errorCode(tooMany)).isEqualTo("EXCEEDED_ID_LIMIT");
        for (String bad : new String[] {
                "{\"records\":[{\"attributes\":{\"type\":\"Contact\",\"referenceId\":\"r\"},\"LastName\":\"C\"}]}",
                "{\"records\":[{\"attributes\":{\"type\":\"Account\"},\"Name\":\"A\"}]}",
                "{\"records\":[{\"attributes\":{\"type\":\"Account\",\"referenceId\":\"r\"},\"Name\":\"A\"},"
                        + "{\"attributes\":{\"type\":\"Account\",\"referenceId\":\"r\"},\"Name\":\"B\"}]}",
                "{\"nope\":[]}"}) {
            HttpResponse<String> response = client.send("POST", V + "/composite/tree/Account", token, bad);
            assertThat(response.statusCode()).as(bad).isEqualTo(400);
            assertThat(SimClient.errorCode(response)).as(bad).isEqualTo("INVALID_INPUT");
        }
        assertThat(client.send("POST", V + "/composite/tree/Whizbang", token, "{\"records\":[]}").statusCode())
                .isEqualTo(404);
        assertThat(client.get(V + "/composite/tree/Account", token).statusCode()).isEqualTo(405);
        assertThat(sim.store().count("Account")).isZero();
    }

    private HttpResponse<String> batch(boolean haltOnError, String... subrequests) throws Exception {
        return client.send("POST", V + "/composite/batch", token,
                "{\"haltOnError\":" + haltOnError + ",\"batchRequests\":[" + String.join(",", subrequests) + "]}");
    }

    private String create(String body) throws Exception {
        return SimClient.json(client.send("POST", V + "/sobjects/Account", token, body)).get("id").asText();
    }
}
