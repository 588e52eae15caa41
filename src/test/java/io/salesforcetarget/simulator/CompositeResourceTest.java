package io.salesforcetarget.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CompositeResourceTest extends OneSimulatorPerClass {

    private static final String V = "/services/data/v66.0";
    private static final String ROLLED_BACK =
            "The transaction was rolled back since another operation in the same transaction failed.";

    private String token;

    @BeforeAll
    void logIn() throws Exception {
        token = client.token();
    }

    @Test
    void laterSubrequestsUseEarlierResultsInOneApiCall() throws Exception {
        long before = sim.counters().apiUsage();
        HttpResponse<String> response = composite(false,
                sub("POST", V + "/sobjects/Account", "refAccount", "{\"Name\":\"Sample Account\"}"),
                sub("POST", V + "/sobjects/Contact", "refContact",
                        "{\"LastName\":\"Sample Contact\",\"AccountId\":\"@{refAccount.id}\"}"),
                sub("GET", V + "/sobjects/Contact/@{refContact.id}?fields=AccountId,LastName", "getContact", null),
                sub("PATCH", V + "/sobjects/Account/@{refAccount.id}", "rename", "{\"Name\":\"@{getContact.LastName} Inc\"}"),
                sub("GET", V + "/query?q=SELECT+Id,Name+FROM+Account", "all", null));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(sim.counters().apiUsage()).isEqualTo(before + 1);
        JsonNode results = SimClient.json(response).get("compositeResponse");
        assertThat(results).hasSize(5);

        JsonNode account = results.get(0);
        String accountId = account.get("body").get("id").asText();
        assertThat(account.get("httpStatusCode").asInt()).isEqualTo(201);
        assertThat(account.get("referenceId").asText()).isEqualTo("refAccount");
        assertThat(account.get("httpHeaders").get("Location").asText()).isEqualTo(V + "/sobjects/Account/" + accountId);
        assertThat(results.get(2).get("body").get("AccountId").asText()).isEqualTo(accountId);
        assertThat(results.get(3).get("httpStatusCode").asInt()).isEqualTo(204);
        assertThat(results.get(3).get("body").isNull()).isTrue();
        assertThat(results.get(3).get("httpHeaders")).isEmpty();
        assertThat(results.get(4).get("body").get("records").get(0).get("Name").asText()).isEqualTo("Sample Contact Inc");
        assertThat(sim.store().record("Account", accountId).orElseThrow().field("Name")).isEqualTo("Sample Contact Inc");
    }

    @Test
    void withoutAllOrNoneOnlyDependentSubrequestsAreHalted() throws Exception {
        JsonNode results = SimClient.json(composite(false,
                sub("POST", V + "/sobjects/Account", "badAccount", "{\"Phone\":\"1\"}"),
                sub("POST", V + "/sobjects/Contact", "refContact", "{\"LastName\":\"C\",\"AccountId\":\"@{badAccount.id}\"}"),
                sub("POST", V + "/sobjects/Account", "goodAccount", "{\"Name\":\"Good\"}"))).get("compositeResponse");
        assertThat(results.get(0).get("httpStatusCode").asInt()).isEqualTo(400);
        assertThat(results.get(0).get("body").get(0).get("errorCode").asText()).isEqualTo("REQUIRED_FIELD_MISSING");
        assertThat(results.get(1).get("httpStatusCode").asInt()).isEqualTo(400);
        assertThat(results.get(1).get("body").toString()).isEqualTo("[{\"errorCode\":\"PROCESSING_HALTED\",\"message\":"
                + "\"Invalid reference specified. No value for badAccount.id found in badAccount.\"}]");
        assertThat(results.get(2).get("httpStatusCode").asInt()).isEqualTo(201);
        assertThat(sim.store().count("Account")).isEqualTo(1);
        assertThat(sim.store().count("Contact")).isZero();
    }

    @Test
    void allOrNoneRollsBackAndHaltsTheOthers() throws Exception {
        String existing = SimClient.json(client.send("POST", V + "/sobjects/Account", token, "{\"Name\":\"Keep\"}"))
                .get("id").asText();
        JsonNode results = SimClient.json(composite(true,
                sub("POST", V + "/sobjects/Account", "first", "{\"Name\":\"First\"}"),
                sub("PATCH", V + "/sobjects/Account/" + existing, "rename", "{\"Name\":\"Renamed\"}"),
                sub("DELETE", V + "/sobjects/Account/" + SalesforceIds.generate("001", 999_999), "missing", null),
                sub("POST", V + "/sobjects/Account", "never", "{\"Name\":\"Never\"}"))).get("compositeResponse");
        for (int i : new int[] {0, 1, 3}) {
            assertThat(results.get(i).get("httpStatusCode").asInt()).isEqualTo(400);
            assertThat(results.get(i).get("body").toString())
                    .isEqualTo("[{\"errorCode\":\"PROCESSING_HALTED\",\"message\":\"" + ROLLED_BACK + "\"}]");
            assertThat(results.get(i).get("httpHeaders")).isEmpty();
        }
        assertThat(results.get(2).get("httpStatusCode").asInt()).isEqualTo(404);
        assertThat(results.get(2).get("body").get(0).get("errorCode").asText()).isEqualTo("NOT_FOUND");
        assertThat(sim.store().count("Account")).isEqualTo(1);
        assertThat(sim.store().record("Account", existing).orElseThrow().field("Name")).isEqualTo("Keep");
    }

    @Test
    void allOrNoneAppliesToACollectionThatFailedARecord() throws Exception {
        // The guide's case 4: outer allOrNone true, the collection's false; one Account fails.
        String collection = "{\"allOrNone\":false,\"records\":[{\"attributes\":{\"type\":\"Account\"},\"Name\":\"A\"},"
                + "{\"attributes\":{\"type\":\"Account\"},\"Phone\":\"1\"}]}";
        JsonNode results = SimClient.json(composite(true,
                sub("POST", V + "/composite/sobjects", "newAccounts", collection),
                sub("POST", V + "/sobjects/Contact", "newContact", "{\"LastName\":\"Smith\"}"))).get("compositeResponse");
        assertThat(results.get(0).get("httpStatusCode").asInt()).isEqualTo(200);
        assertThat(results.get(0).get("body").get(0).get("success").asBoolean()).isTrue();
        assertThat(results.get(0).get("body").get(1).get("success").asBoolean()).isFalse();
        assertThat(results.get(1).get("body").get(0).get("message").asText()).isEqualTo(ROLLED_BACK);
        assertThat(sim.store().count("Account")).isZero();
        assertThat(sim.store().count("Contact")).isZero();

        // outer false: the collection's own allOrNone decides
        results = SimClient.json(composite(false,
                sub("POST", V + "/composite/sobjects", "newAccounts", collection),
                sub("POST", V + "/sobjects/Contact", "newContact", "{\"LastName\":\"Smith\"}"))).get("compositeResponse");
        assertThat(results.get(1).get("httpStatusCode").asInt()).isEqualTo(201);
        assertThat(sim.store().count("Account")).isEqualTo(1);
    }

    @Test
    void refusedWholeBeforeAnythingRuns() throws Exception {
        ObjectNode[] many = new ObjectNode[26];
        for (int i = 0; i < many.length; i++) {
            many[i] = sub("POST", V + "/sobjects/Account", "a" + i, "{\"Name\":\"A" + i + "\"}");
        }
        HttpResponse<String> tooMany = composite(false, many);
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(SimClient.errorCode(tooMany)).isEqualTo("LIMIT_EXCEEDED");
        assertThat(composite(false, java.util.Arrays.copyOf(many, 25)).statusCode()).isEqualTo(200);
        sim.reset();
        token = client.token();

        ObjectNode[] queries = new ObjectNode[6];
        for (int i = 0; i < queries.length; i++) {
            queries[i] = sub("GET", V + "/query?q=SELECT+Id+FROM+Account", "q" + i, null);
        }
        assertThat(SimClient.errorCode(composite(false, queries))).isEqualTo("LIMIT_EXCEEDED");

        HttpResponse<String> badRef = composite(false, sub("POST", V + "/sobjects/Account", "refNewAccount[1]", "{}"));
        assertThat(badRef.statusCode()).isEqualTo(400);
        assertThat(badRef.body()).isEqualTo("[{\"message\":\"Provided referenceId ('refNewAccount[1]') must start with a "
                + "letter or a number, and it can contain only letters, numbers and underscores ('_').\","
                + "\"errorCode\":\"JSON_PARSER_ERROR\"}]");
        String good = "{\"Name\":\"A\"}";
        for (ObjectNode bad : new ObjectNode[] {
                sub("post", V + "/sobjects/Account", "r", good),
                sub("POST", "/sobjects/Account", "r", good),
                sub("GET", V + "/limits", "r", null),
                sub("POST", V + "/composite", "r", good),
                (ObjectNode) sub("POST", V + "/sobjects/Account", "r", good).set("httpHeaders",
                        SimClient.MAPPER.createObjectNode().put("Authorization", "Bearer x"))}) {
            HttpResponse<String> response = composite(false, sub("POST", V + "/sobjects/Account", "ok", good), bad);
            assertThat(response.statusCode()).as(bad.toString()).isEqualTo(400);
            assertThat(SimClient.errorCode(response)).isEqualTo("INVALID_INPUT");
        }
        assertThat(SimClient.errorCode(composite(false, sub("POST", V + "/sobjects/Account", "r", good),
                sub("POST", V + "/sobjects/Account", "r", good)))).isEqualTo("INVALID_INPUT");
        assertThat(sim.store().count("Account")).isZero();
    }

    @Test
    void directoryAndMethods() throws Exception {
        JsonNode directory = SimClient.json(client.get(V + "/composite", token));
        assertThat(directory.get("sobjects").asText()).isEqualTo(V + "/composite/sobjects");
        assertThat(directory.get("batch").asText()).isEqualTo(V + "/composite/batch");
        assertThat(directory.get("tree").asText()).isEqualTo(V + "/composite/tree");
        assertThat(client.send("DELETE", V + "/composite", token, null).statusCode()).isEqualTo(405);
    }

    @Test
    void subrequestsAnswerAsTopLevelCallsDo() throws Exception {
        JsonNode results = SimClient.json(composite(false,
                sub("GET", V + "/sobjects/Whizbang/001SM0000000001AAA", "unknown", null),
                sub("GET", "/services/data/v20.0/sobjects/Account", "retired", null),
                sub("PATCH", V + "/sobjects/Account", "method", "{}"))).get("compositeResponse");
        HttpResponse<String> direct = client.get(V + "/sobjects/Whizbang/001SM0000000001AAA", token);
        assertThat(results.get(0).get("httpStatusCode").asInt()).isEqualTo(direct.statusCode());
        assertThat(results.get(0).get("body")).isEqualTo(SimClient.json(direct));
        assertThat(results.get(1).get("httpStatusCode").asInt()).isEqualTo(410);
        assertThat(results.get(2).get("httpStatusCode").asInt()).isEqualTo(405);
    }

    private HttpResponse<String> composite(boolean allOrNone, ObjectNode... subrequests) throws Exception {
        ObjectNode body = SimClient.MAPPER.createObjectNode().put("allOrNone", allOrNone).put("collateSubrequests", false);
        ArrayNode list = body.putArray("compositeRequest");
        for (ObjectNode s : subrequests) {
            list.add(s);
        }
        return client.send("POST", V + "/composite", token, body.toString());
    }

    private static ObjectNode sub(String method, String url, String referenceId, String body) throws Exception {
        ObjectNode sub = SimClient.MAPPER.createObjectNode().put("method", method).put("url", url)
                .put("referenceId", referenceId);
        if (body != null) {
            sub.set("body", SimClient.MAPPER.readTree(body));
        }
        return sub;
    }
}
