package io.salesforcetarget.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SObjectCollectionsTest extends OneSimulatorPerClass {

    private static final String V = "/services/data/v66.0";
    private static final String COLLECTION = V + "/composite/sobjects";

    private String token;

    @BeforeAll
    void logIn() throws Exception {
        token = client.token();
    }

    @Test
    void createKeepsOrderAcrossTypesAndCountsOneApiCall() throws Exception {
        long before = sim.counters().apiUsage();
        HttpResponse<String> response = send("POST", COLLECTION, body(false,
                record("Account", "Name", "Acme"), record("Contact", "LastName", "Doe"), record("Account", "Name", "Globex")));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(sim.counters().apiUsage()).isEqualTo(before + 1);
        assertThat(response.headers().firstValue("Sforce-Limit-Info")).hasValue("api-usage=" + (before + 1) + "/15000");
        JsonNode results = SimClient.json(response);
        assertThat(results).hasSize(3);
        List<String> prefixes = new ArrayList<>();
        for (JsonNode r : results) {
            assertThat(r.get("success").asBoolean()).isTrue();
            assertThat(r.get("errors")).isEmpty();
            prefixes.add(r.get("id").asText().substring(0, 3));
        }
        assertThat(prefixes).containsExactly("001", "003", "001");
        assertThat(sim.store().record("Account", results.get(2).get("id").asText()))
                .hasValueSatisfying(r -> assertThat(r.field("Name")).isEqualTo("Globex"));
        JsonNode daily = SimClient.json(client.get(V + "/limits", token)).get("DailyApiRequests");
        assertThat(15000 - daily.get("Remaining").asLong()).isEqualTo(before + 2);
    }

    @Test
    void withoutAllOrNoneEachRecordStandsAlone() throws Exception {
        JsonNode results = SimClient.json(send("POST", COLLECTION, body(false,
                record("Account", "Name", "A"), record("Account", "Phone", "1"), record("Account", "Name", "C"))));
        assertThat(results.get(0).get("success").asBoolean()).isTrue();
        assertThat(results.get(1).toString()).isEqualTo("{\"success\":false,\"errors\":[{\"statusCode\":"
                + "\"REQUIRED_FIELD_MISSING\",\"message\":\"Required fields are missing: [Name]\",\"fields\":[\"Name\"]}]}");
        assertThat(results.get(2).get("success").asBoolean()).isTrue();
        assertThat(sim.store().count("Account")).isEqualTo(2);
    }

    @Test
    void allOrNoneCreateRollsBackEveryRecord() throws Exception {
        JsonNode results = SimClient.json(send("POST", COLLECTION, body(true,
                record("Account", "Name", "A"), record("Account", "Bogus", "1"), record("Contact", "LastName", "C"))));
        assertThat(results).hasSize(3);
        for (int i : new int[] {0, 2}) {
            assertThat(results.get(i).toString()).isEqualTo("{\"success\":false,\"errors\":[{\"statusCode\":"
                    + "\"ALL_OR_NONE_OPERATION_ROLLED_BACK\",\"message\":\"Record rolled back because not all records "
                    + "were valid and the request was using AllOrNone header\",\"fields\":[]}]}");
        }
        assertThat(results.get(1).get("errors").get(0).get("statusCode").asText()).isEqualTo("INVALID_FIELD");
        assertThat(sim.store().count("Account")).isZero();
        assertThat(sim.store().count("Contact")).isZero();
    }

    @Test
    void updateByIdAndAllOrNoneRestoresRecords() throws Exception {
        String a = create("Account", "Name", "A");
        String b = create("Account", "Name", "B");
        ObjectNode renameA = record("Account", "Name", "A2").put("id", a);
        ObjectNode blankB = record("Account", "Name", "").put("Id", b);
        JsonNode results = SimClient.json(send("PATCH", COLLECTION, body(true, renameA, blankB)));
        assertThat(results.get(0).toString()).isEqualTo("{\"id\":\"" + a + "\",\"success\":false,\"errors\":[{"
                + "\"statusCode\":\"ALL_OR_NONE_OPERATION_ROLLED_BACK\",\"message\":\"Record rolled back because not "
                + "all records were valid and the request was using AllOrNone header\",\"fields\":[]}]}");
        assertThat(results.get(1).get("id").asText()).isEqualTo(b);
        assertThat(results.get(1).get("errors").get(0).get("statusCode").asText()).isEqualTo("REQUIRED_FIELD_MISSING");
        assertThat(sim.store().record("Account", a).orElseThrow().field("Name")).isEqualTo("A");

        results = SimClient.json(send("PATCH", COLLECTION, body(false, renameA, blankB)));
        assertThat(results.get(0).toString()).isEqualTo("{\"id\":\"" + a + "\",\"success\":true,\"errors\":[]}");
        assertThat(sim.store().record("Account", a).orElseThrow().field("Name")).isEqualTo("A2");
    }

    @Test
    void updateErrorsAsDocumented() throws Exception {
        String account = create("Account", "Name", "A");
        // the guide's example: a Contact record carrying an Account ID
        JsonNode results = SimClient.json(send("PATCH", COLLECTION, body(false,
                record("Contact", "Title", "Lead Engineer").put("id", account), record("Account", "Name", "X"))));
        assertThat(results.get(0).toString()).isEqualTo("{\"success\":false,\"errors\":[{\"statusCode\":\"MALFORMED_ID\","
                + "\"message\":\"Contact ID: id value of incorrect type: " + account + "\",\"fields\":[\"Id\"]}]}");
        assertThat(results.get(1).get("errors").get(0).get("statusCode").asText()).isEqualTo("MISSING_ARGUMENT");
        assertThat(results.get(1).get("errors").get(0).get("message").asText()).isEqualTo("Id not specified in an update call");
    }

    @Test
    void upsertByExternalId() throws Exception {
        create("Account", "Name", "Old", "Ext__c", "E1");
        JsonNode results = SimClient.json(send("PATCH", COLLECTION + "/Account/Ext__c", body(false,
                record("Account", "Name", "New", "Ext__c", "E2"), record("Account", "Name", "Renamed", "Ext__c", "E1"),
                record("Account", "Name", "No value"))));
        assertThat(results.get(0).get("created").asBoolean()).isTrue();
        assertThat(results.get(0).get("success").asBoolean()).isTrue();
        assertThat(results.get(1).get("created").asBoolean()).isFalse();
        assertThat(results.get(2).get("errors").get(0).get("statusCode").asText()).isEqualTo("MISSING_ARGUMENT");
        assertThat(results.get(2).get("errors").get(0).get("message").asText()).isEqualTo("Ext__c not specified");
        assertThat(sim.store().count("Account")).isEqualTo(2);

        results = SimClient.json(send("PATCH", COLLECTION + "/Account/Ext__c", body(false,
                record("Account", "Name", "Twice", "Ext__c", "E3"), record("Account", "Name", "Twice", "Ext__c", "e3"))));
        for (JsonNode r : results) {
            assertThat(r.get("errors").get(0).get("statusCode").asText()).isEqualTo("DUPLICATE_EXTERNAL_ID");
        }
        sim.store().insert("Account", java.util.Map.of("Name", "Copy", "Ext__c", "E1"));
        results = SimClient.json(send("PATCH", COLLECTION + "/Account/Ext__c", body(false,
                record("Account", "Name", "Ambiguous", "Ext__c", "E1"))));
        assertThat(results.get(0).get("errors").get(0).get("message").asText())
                .startsWith("more than one record found for external id field: [001");
    }

    @Test
    void upsertNeedsVersion46AnExternalIdFieldAndOneType() throws Exception {
        String body = body(false, record("Account", "Name", "A", "Ext__c", "1"));
        assertThat(client.send("PATCH", "/services/data/v45.0/composite/sobjects/Account/Ext__c", token, body)
                .statusCode()).isEqualTo(404);
        HttpResponse<String> unknown = send("PATCH", COLLECTION + "/Account/Namez", body);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("Provided external ID field does not exist or is not accessible: Namez");
        HttpResponse<String> mixed = send("PATCH", COLLECTION + "/Account/Ext__c",
                body(false, record("Contact", "LastName", "C", "Ext__c", "2")));
        assertThat(mixed.statusCode()).isEqualTo(400);
        assertThat(SimClient.errorCode(mixed)).isEqualTo("INVALID_TYPE");
    }

    @Test
    void deleteByIdsWithAndWithoutAllOrNone() throws Exception {
        String a = create("Account", "Name", "A");
        String c = create("Contact", "LastName", "C");
        String gone = create("Account", "Name", "Gone");
        assertThat(client.send("DELETE", V + "/sobjects/Account/" + gone, token, null).statusCode()).isEqualTo(204);
        String never = SalesforceIds.generate("001", 999_999);

        JsonNode rolledBack = SimClient.json(send("DELETE", COLLECTION + "?allOrNone=true&ids=" + a + "," + never, null));
        assertThat(rolledBack.get(0).get("id").asText()).isEqualTo(a);
        assertThat(rolledBack.get(0).get("errors").get(0).get("statusCode").asText()).isEqualTo("ALL_OR_NONE_OPERATION_ROLLED_BACK");
        assertThat(sim.store().record("Account", a)).isPresent();

        JsonNode results = SimClient.json(send("DELETE",
                COLLECTION + "?ids=" + a + "," + c + "," + gone + "," + never + ",001RM000003oLrB000", null));
        assertThat(results.get(0).toString()).isEqualTo("{\"id\":\"" + a + "\",\"success\":true,\"errors\":[]}");
        assertThat(results.get(1).get("success").asBoolean()).isTrue();
        assertThat(results.get(2).toString()).isEqualTo("{\"id\":\"" + gone + "\",\"success\":false,\"errors\":[{"
                + "\"statusCode\":\"ENTITY_IS_DELETED\",\"message\":\"entity is deleted\",\"fields\":[]}]}");
        assertThat(results.get(3).get("errors").get(0).get("statusCode").asText()).isEqualTo("NOT_FOUND");
        assertThat(results.get(4).toString()).isEqualTo("{\"success\":false,\"errors\":[{\"statusCode\":\"MALFORMED_ID\","
                + "\"message\":\"malformed id 001RM000003oLrB000\",\"fields\":[]}]}");
        assertThat(sim.store().count("Account")).isZero();
        assertThat(sim.store().count("Contact")).isZero();
    }

    @Test
    void retrieveByGetAndPost() throws Exception {
        String a = create("Account", "Name", "Acme", "BillingCity", "Paris");
        String b = create("Account", "Name", "Globex");
        String contact = create("Contact", "LastName", "Doe");
        JsonNode got = SimClient.json(client.get(COLLECTION + "/Account?ids=" + a + "," + b + "," + contact
                + ",nonsense&fields=id,name", token));
        assertThat(got).hasSize(4);
        assertThat(got.get(0).toString()).isEqualTo("{\"attributes\":{\"type\":\"Account\",\"url\":\"" + V
                + "/sobjects/Account/" + a + "\"},\"Id\":\"" + a + "\",\"Name\":\"Acme\"}");
        assertThat(got.get(1).get("Name").asText()).isEqualTo("Globex");
        assertThat(got.get(2).isNull()).isTrue();
        assertThat(got.get(3).isNull()).isTrue();

        JsonNode posted = SimClient.json(send("POST", COLLECTION + "/Account",
                "{\"ids\":[\"" + b + "\",\"" + a + "\"],\"fields\":[\"BillingCity\"]}"));
        assertThat(posted.get(0).get("Id").asText()).isEqualTo(b);
        assertThat(posted.get(1).get("BillingCity").asText()).isEqualTo("Paris");

        HttpResponse<String> badField = client.get(COLLECTION + "/Account?ids=" + a + "&fields=Bogus", token);
        assertThat(badField.statusCode()).isEqualTo(400);
        assertThat(SimClient.errorCode(badField)).isEqualTo("INVALID_FIELD");
        assertThat(client.get(COLLECTION + "/Account?ids=" + a, token).statusCode()).isEqualTo(400);
        assertThat(client.get(COLLECTION + "/Whizbang?ids=" + a + "&fields=Id", token).statusCode()).isEqualTo(404);
    }

    @Test
    void limitsOf200RecordsAnd10Chunks() throws Exception {
        ObjectNode[] many = new ObjectNode[201];
        for (int i = 0; i < many.length; i++) {
            many[i] = record("Account", "Name", "A" + i);
        }
        HttpResponse<String> tooMany = send("POST", COLLECTION, body(false, many));
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(tooMany.body()).isEqualTo("[{\"message\":\"record limit reached. cannot submit more than 200 records "
                + "into this call\",\"errorCode\":\"EXCEEDED_ID_LIMIT\"}]");
        assertThat(sim.store().count("Account")).isZero();
        assertThat(SimClient.json(send("POST", COLLECTION, body(false, java.util.Arrays.copyOf(many, 200))))).hasSize(200);

        assertThat(send("POST", COLLECTION, body(false, alternating(10))).statusCode()).isEqualTo(200);
        HttpResponse<String> elevenChunks = send("POST", COLLECTION, body(false, alternating(11)));
        assertThat(elevenChunks.statusCode()).isEqualTo(400);
        assertThat(SimClient.errorCode(elevenChunks)).isEqualTo("LIMIT_EXCEEDED");
        assertThat(send("PATCH", COLLECTION, body(false, alternating(11))).statusCode()).isEqualTo(400);

        StringBuilder ids = new StringBuilder();
        for (int i = 0; i < 201; i++) {
            ids.append(i == 0 ? "" : ",").append(SalesforceIds.generate("001", i + 1));
        }
        assertThat(SimClient.errorCode(send("DELETE", COLLECTION + "?ids=" + ids, null))).isEqualTo("EXCEEDED_ID_LIMIT");
    }

    /** 200 ids with their commas encoded (4,200 characters) are well within Salesforce's 16,384-byte URI. */
    @Test
    void aDeleteOf200IdsWithEncodedCommasIsAnswered() throws Exception {
        StringBuilder ids = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            ids.append(i == 0 ? "" : "%2C").append(sim.store().insert("Account", java.util.Map.of("Name", "D" + i)).id());
        }
        HttpResponse<String> deleted = send("DELETE", COLLECTION + "?ids=" + ids + "&allOrNone=false", null);
        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(SimClient.json(deleted)).hasSize(200).allSatisfy(result -> assertThat(result.get("success")
                .asBoolean()).isTrue());
    }

    @Test
    void malformedRequestsAreRefusedWhole() throws Exception {
        assertThat(SimClient.errorCode(send("POST", COLLECTION, "{\"records\":[{\"Name\":\"A\"}]}"))).isEqualTo("INVALID_TYPE");
        assertThat(SimClient.errorCode(send("POST", COLLECTION, body(false, record("Whizbang", "Name", "A")))))
                .isEqualTo("INVALID_TYPE");
        assertThat(SimClient.errorCode(send("POST", COLLECTION, "{\"allOrNone\":false}"))).isEqualTo("MISSING_ARGUMENT");
        assertThat(SimClient.errorCode(send("POST", COLLECTION, "{\"records\":"))).isEqualTo("JSON_PARSER_ERROR");
        assertThat(SimClient.errorCode(send("POST", COLLECTION, "[]"))).isEqualTo("JSON_PARSER_ERROR");
        assertThat(SimClient.errorCode(send("DELETE", COLLECTION, null))).isEqualTo("MISSING_ARGUMENT");
        HttpResponse<String> get = client.get(COLLECTION, token);
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(SimClient.errorCode(get)).isEqualTo("METHOD_NOT_ALLOWED");
        assertThat(client.send("POST", "/services/data/v41.0/composite/sobjects", token,
                body(false, record("Account", "Name", "A"))).statusCode()).isEqualTo(404);
        assertThat(sim.store().count("Account")).isZero();
    }

    @Test
    void aCollectionCallCanBeFailedByAnInjectedFault() throws Exception {
        sim.faults().api(FaultKind.SERVICE_UNAVAILABLE_JSON, 1);
        HttpResponse<String> response = send("POST", COLLECTION, body(false, record("Account", "Name", "A")));
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(sim.store().count("Account")).isZero();
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        return client.send(method, path, token, body);
    }

    private String create(String type, String... fieldsAndValues) throws Exception {
        ObjectNode fields = record(type, fieldsAndValues);
        fields.remove("attributes");
        HttpResponse<String> response = send("POST", V + "/sobjects/" + type, fields.toString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return SimClient.json(response).get("id").asText();
    }

    static ObjectNode record(String type, String... fieldsAndValues) {
        ObjectNode record = SimClient.MAPPER.createObjectNode();
        record.putObject("attributes").put("type", type);
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            record.put(fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return record;
    }

    static String body(boolean allOrNone, ObjectNode... records) {
        ObjectNode body = SimClient.MAPPER.createObjectNode().put("allOrNone", allOrNone);
        ArrayNode list = body.putArray("records");
        for (ObjectNode r : records) {
            list.add(r);
        }
        return body.toString();
    }

    /** Account, Contact, Account, ...: one chunk per record. */
    private static ObjectNode[] alternating(int chunks) {
        ObjectNode[] records = new ObjectNode[chunks];
        for (int i = 0; i < chunks; i++) {
            records[i] = i % 2 == 0 ? record("Account", "Name", "A" + i) : record("Contact", "LastName", "C" + i);
        }
        return records;
    }
}
