package io.salesforcetarget.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RestApiTest extends OneSimulatorPerClass {

    private static final String V = "/services/data/v66.0";

    private String token;

    @Override
    protected SimulatorConfig.Builder config() {
        return super.config().eventLoops(2);
    }

    @BeforeAll
    void logIn() throws Exception {
        token = client.token();
    }

    @Test
    void versionListNeedsNoSessionAndHasNoLimitInfo() throws Exception {
        for (String path : List.of("/services/data", "/services/data/")) {
            HttpResponse<String> response = client.get(path, null);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Sforce-Limit-Info")).isEmpty();
            JsonNode versions = SimClient.json(response);
            JsonNode last = versions.get(versions.size() - 1);
            assertThat(last.get("version").asText()).isEqualTo("66.0");
            assertThat(last.get("url").asText()).isEqualTo("/services/data/v66.0");
            assertThat(last.get("label").asText()).isEqualTo("Spring '26");
            // 21.0-30.0 are retired by default, as on Salesforce since Summer '25: the oldest listed is 31.0
            assertThat(versions.get(0).get("version").asText()).isEqualTo("31.0");
        }
    }

    @Test
    void retiredVersionsAnswer410AndUnknownOnes404() throws Exception {
        for (String v : List.of("v30.0", "v21.0", "v20.0", "v7.0")) {
            HttpResponse<String> response = client.get("/services/data/" + v + "/limits", token);
            assertThat(response.statusCode()).as(v).isEqualTo(410);
            assertThat(SimClient.json(response).isArray()).isTrue();
            assertThat(response.headers().firstValue("Sforce-Limit-Info")).isPresent();
        }
        for (String v : List.of("v67.0", "v66.5", "vNext", "66.0")) {
            HttpResponse<String> response = client.get("/services/data/" + v + "/limits", token);
            assertThat(response.statusCode()).as(v).isEqualTo(404);
            assertThat(SimClient.errorCode(response)).isEqualTo("NOT_FOUND");
        }
        assertThat(client.get("/services/data/v31.0/limits", token).statusCode()).isEqualTo(200);
    }

    @Test
    void retiredVersionsAreConfigurable() throws Exception {
        try (SalesforceSimulator other = SalesforceSimulator.start(SimulatorConfig.builder()
                .publicKey(TestKeys.publicKey()).retiredBelow(40).apiVersions(20, 62).eventLoops(1).build())) {
            SimClient c = new SimClient(other);
            String t = c.token();
            assertThat(c.get("/services/data/v39.0/limits", t).statusCode()).isEqualTo(410);
            assertThat(c.get("/services/data/v40.0/limits", t).statusCode()).isEqualTo(200);
            assertThat(c.get("/services/data/v63.0/limits", t).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void directoryLimitsAndDescribeGlobal() throws Exception {
        HttpResponse<String> directory = client.get(V + "/", token);
        assertThat(directory.statusCode()).isEqualTo(200);
        assertThat(SimClient.json(directory).get("sobjects").asText()).isEqualTo(V + "/sobjects");

        JsonNode first = SimClient.json(client.get(V + "/limits", token)).get("DailyApiRequests");
        HttpResponse<String> second = client.get(V + "/limits", token);
        JsonNode daily = SimClient.json(second).get("DailyApiRequests");
        assertThat(daily.get("Max").asLong()).isEqualTo(15000);
        assertThat(daily.get("Remaining").asLong()).isEqualTo(first.get("Remaining").asLong() - 1);
        assertThat(second.headers().firstValue("Sforce-Limit-Info"))
                .hasValue("api-usage=" + (15000 - daily.get("Remaining").asLong()) + "/15000");

        JsonNode global = SimClient.json(client.get(V + "/sobjects", token));
        List<String> prefixes = new ArrayList<>();
        global.get("sobjects").forEach(s -> prefixes.add(s.get("name").asText() + "=" + s.get("keyPrefix").asText()));
        assertThat(prefixes).contains("Account=001", "Contact=003", "Lead=00Q", "Opportunity=006", "Case=500");
        assertThat(client.get(V + "/sobjects/Account/describe", token).statusCode()).isEqualTo(200);
        assertThat(client.get(V + "/sobjects/account", token).statusCode()).isEqualTo(200);
        HttpResponse<String> head = client.send("HEAD", V + "/limits", token, null);
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
    }

    @Test
    void createRetrieveUpdateDelete() throws Exception {
        HttpResponse<String> created = client.send("POST", V + "/sobjects/Account/", token,
                "{\"Name\":\"Acme\",\"BillingCity\":\"Paris\",\"Region__c\":\"EU\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Content-Type")).hasValue("application/json;charset=UTF-8");
        assertThat(created.headers().firstValue("Sforce-Limit-Info")).hasValueSatisfying(v -> assertThat(v).matches("api-usage=\\d+/15000"));
        JsonNode result = SimClient.json(created);
        String id = result.get("id").asText();
        assertThat(SalesforceIds.isValid(id)).isTrue();
        assertThat(id).hasSize(18).startsWith("001");
        assertThat(result.get("success").asBoolean()).isTrue();
        assertThat(result.get("errors").isArray()).isTrue();
        assertThat(result.get("errors")).isEmpty();

        JsonNode full = SimClient.json(client.get(V + "/sobjects/account/" + id, token));
        assertThat(full.get("attributes").get("type").asText()).isEqualTo("Account");
        assertThat(full.get("attributes").get("url").asText()).isEqualTo(V + "/sobjects/Account/" + id);
        assertThat(full.get("Id").asText()).isEqualTo(id);
        assertThat(full.get("Name").asText()).isEqualTo("Acme");
        assertThat(full.get("Region__c").asText()).isEqualTo("EU");
        assertThat(full.has("Phone")).isTrue();
        assertThat(full.get("Phone").isNull()).isTrue();

        HttpResponse<String> some = client.get(V + "/sobjects/Account/" + id + "?fields=name,BillingCity", token);
        assertThat(SimClient.fieldNames(SimClient.json(some))).containsExactly("attributes", "Name", "BillingCity", "Id");

        HttpResponse<String> updated = client.send("PATCH", V + "/sobjects/Account/" + id, token, "{\"BillingCity\":\"Lyon\"}");
        assertThat(updated.statusCode()).isEqualTo(204);
        assertThat(updated.body()).isEmpty();
        assertThat(sim.store().record("Account", id)).hasValueSatisfying(r -> {
            assertThat(r.field("BillingCity")).isEqualTo("Lyon");
            assertThat(r.field("Name")).isEqualTo("Acme");
        });

        HttpResponse<String> deleted = client.send("DELETE", V + "/sobjects/Account/" + id, token, null);
        assertThat(deleted.statusCode()).isEqualTo(204);
        HttpResponse<String> gone = client.get(V + "/sobjects/Account/" + id, token);
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(gone.body()).isEqualTo("[{\"message\":\"The requested resource does not exist\",\"errorCode\":\"NOT_FOUND\"}]");
        HttpResponse<String> again = client.send("DELETE", V + "/sobjects/Account/" + id, token, null);
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(SimClient.errorCode(again)).isEqualTo("ENTITY_IS_DELETED");
    }

    @Test
    void fifteenAndEighteenCharacterIdsNameTheSameRecord() throws Exception {
        String id = client.create(V, "Contact", token, "{\"LastName\":\"Doe\",\"FirstName\":\"Jane\"}");
        JsonNode by15 = SimClient.json(client.get(V + "/sobjects/Contact/" + id.substring(0, 15), token));
        JsonNode by18 = SimClient.json(client.get(V + "/sobjects/Contact/" + id, token));
        assertThat(by15).isEqualTo(by18);
        assertThat(by15.get("Name").asText()).isEqualTo("Jane Doe");
        assertThat(client.send("PATCH", V + "/sobjects/Contact/" + id.substring(0, 15), token,
                "{\"Email\":\"jane@example.com\"}").statusCode()).isEqualTo(204);
    }

    @Test
    void malformedIds() throws Exception {
        String id = client.create(V, "Account", token, "{\"Name\":\"Acme\"}");
        String badChecksum = id.substring(0, 15) + (id.endsWith("A") ? "AAB" : "AAA");
        HttpResponse<String> response = client.get(V + "/sobjects/Account/" + badChecksum, token);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("[{\"fields\":[\"Id\"],\"message\":\"Account ID: id value of incorrect type: "
                + badChecksum + "\",\"errorCode\":\"MALFORMED_ID\"}]");
        // the documented example
        assertThat(SimClient.errorCode(client.get(V + "/sobjects/Account/001900K0001pPuOAAU", token))).isEqualTo("MALFORMED_ID");
        // wrong length, and another object's ID
        assertThat(SimClient.errorCode(client.get(V + "/sobjects/Account/" + id.substring(0, 16), token))).isEqualTo("MALFORMED_ID");
        String contact = client.create(V, "Contact", token, "{\"LastName\":\"Doe\"}");
        assertThat(SimClient.errorCode(client.get(V + "/sobjects/Account/" + contact, token))).isEqualTo("MALFORMED_ID");
        // a well-formed ID that names nothing
        HttpResponse<String> missing = client.get(V + "/sobjects/Account/" + SalesforceIds.generate("001", 999_999), token);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(SimClient.errorCode(missing)).isEqualTo("NOT_FOUND");
    }

    @Test
    void nonIdSegmentIsAnUnknownExternalIdField() throws Exception {
        HttpResponse<String> response = client.get(V + "/sobjects/Account/23foo", token);
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo(
                "[{\"message\":\"Provided external ID field does not exist or is not accessible: 23foo\",\"errorCode\":\"NOT_FOUND\"}]");
        HttpResponse<String> upsert = client.send("PATCH", V + "/sobjects/Account/Namez/x1", token, "{\"Name\":\"A\"}");
        assertThat(upsert.statusCode()).isEqualTo(404);
        assertThat(SimClient.json(upsert).get(0).get("message").asText())
                .isEqualTo("Provided external ID field does not exist or is not accessible: Namez");
    }

    @Test
    void unknownSObjectAndResource() throws Exception {
        for (String path : List.of("/sobjects/Whizbang", "/sobjects/Whizbang/001SM0000000001AAA", "/sobjects/Account/a/b/c")) {
            HttpResponse<String> response = client.get(V + path, token);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.body()).as(path)
                    .isEqualTo("[{\"message\":\"The requested resource does not exist\",\"errorCode\":\"NOT_FOUND\"}]");
        }
        assertThat(client.send("POST", V + "/sobjects/Whizbang", token, "{}").statusCode()).isEqualTo(404);
    }

    @Test
    void aResourceTheSimulatedOrgDoesNotImplementSaysSoInSalesforcesShape() throws Exception {
        HttpResponse<String> resource = client.get(V + "/recent?limit=5", token);
        assertThat(resource.statusCode()).isEqualTo(404);
        assertThat(resource.body()).isEqualTo("[{\"message\":\"The requested resource does not exist: the simulated"
                + " org does not implement GET " + V + "/recent\",\"errorCode\":\"NOT_FOUND\"}]");
        HttpResponse<String> elsewhere = client.send("DELETE", "/services/apexrest/Thing", token, null);
        assertThat(elsewhere.statusCode()).isEqualTo(404);
        assertThat(SimClient.json(elsewhere).get(0).get("message").asText())
                .endsWith("the simulated org does not implement DELETE /services/apexrest/Thing");
    }

    @Test
    void requiredFieldMissing() throws Exception {
        HttpResponse<String> account = client.send("POST", V + "/sobjects/Account", token, "{\"Phone\":\"1\"}");
        assertThat(account.statusCode()).isEqualTo(400);
        assertThat(account.body()).isEqualTo(
                "[{\"fields\":[\"Name\"],\"message\":\"Required fields are missing: [Name]\",\"errorCode\":\"REQUIRED_FIELD_MISSING\"}]");
        HttpResponse<String> contact = client.send("POST", V + "/sobjects/Contact", token, "{\"FirstName\":\"Jane\"}");
        assertThat(SimClient.json(contact).get(0).get("fields").get(0).asText()).isEqualTo("LastName");
        String id = client.create(V, "Account", token, "{\"Name\":\"Acme\"}");
        HttpResponse<String> blanked = client.send("PATCH", V + "/sobjects/Account/" + id, token, "{\"Name\":null}");
        assertThat(SimClient.errorCode(blanked)).isEqualTo("REQUIRED_FIELD_MISSING");
    }

    @Test
    void invalidFields() throws Exception {
        HttpResponse<String> withId = client.send("POST", V + "/sobjects/Account", token, "{\"Id\":\"001\",\"Name\":\"A\"}");
        assertThat(withId.statusCode()).isEqualTo(400);
        assertThat(withId.body()).isEqualTo(
                "[{\"message\":\"The Id field should not be specified in the sobject data.\",\"errorCode\":\"INVALID_FIELD\"}]");
        HttpResponse<String> unknown = client.send("POST", V + "/sobjects/Account", token, "{\"Name\":\"A\",\"foo\":1}");
        assertThat(unknown.body()).isEqualTo(
                "[{\"message\":\"No such column 'foo' on sobject of type Account\",\"errorCode\":\"INVALID_FIELD\"}]");
        String id = client.create(V, "Account", token, "{\"Name\":\"Acme\"}");
        HttpResponse<String> badFields = client.get(V + "/sobjects/Account/" + id + "?fields=Name,Nope", token);
        assertThat(badFields.statusCode()).isEqualTo(400);
        assertThat(SimClient.errorCode(badFields)).isEqualTo("INVALID_FIELD");
        HttpResponse<String> readOnly = client.send("PATCH", V + "/sobjects/Account/" + id, token, "{\"CreatedDate\":\"x\"}");
        assertThat(SimClient.errorCode(readOnly)).isEqualTo("INVALID_FIELD_FOR_INSERT_UPDATE");
    }

    @Test
    void jsonParserError() throws Exception {
        HttpResponse<String> response = client.send("POST", V + "/sobjects/Account", token, "{\"Name\" \"x\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = SimClient.json(response).get(0);
        assertThat(error.get("errorCode").asText()).isEqualTo("JSON_PARSER_ERROR");
        assertThat(error.get("message").asText()).startsWith("Unexpected character").contains("at [line:1, column:");
        assertThat(SimClient.errorCode(client.send("POST", V + "/sobjects/Account", token, "[]"))).isEqualTo("JSON_PARSER_ERROR");
        assertThat(SimClient.errorCode(client.send("POST", V + "/sobjects/Account", token, "{\"Name\":\"x\"} {")))
                .isEqualTo("JSON_PARSER_ERROR");
        assertThat(SimClient.errorCode(client.send("POST", V + "/sobjects/Account", token, ""))).isEqualTo("JSON_PARSER_ERROR");
    }

    @Test
    void methodNotAllowedAndOverride() throws Exception {
        HttpResponse<String> patchType = client.send("PATCH", V + "/sobjects/Account/", token, "{}");
        assertThat(patchType.statusCode()).isEqualTo(405);
        assertThat(patchType.body()).isEqualTo("[{\"message\":\"HTTP Method 'PATCH' not allowed. Allowed are GET,HEAD,POST\","
                + "\"errorCode\":\"METHOD_NOT_ALLOWED\"}]");
        String id = client.create(V, "Account", token, "{\"Name\":\"Acme\"}");
        assertThat(SimClient.errorCode(client.send("PUT", V + "/sobjects/Account/" + id, token, "{}"))).isEqualTo("METHOD_NOT_ALLOWED");
        assertThat(client.send("POST", V + "/limits", token, "{}").statusCode()).isEqualTo(405);

        HttpResponse<String> overridden = client.send("POST", V + "/sobjects/Account/" + id + "?_HttpMethod=PATCH", token,
                "{\"Name\":\"Acme 2\"}");
        assertThat(overridden.statusCode()).isEqualTo(204);
        assertThat(sim.store().record("Account", id).orElseThrow().field("Name")).isEqualTo("Acme 2");
    }

    @Test
    void upsertCreatesThenUpdatesV46Plus() throws Exception {
        HttpResponse<String> created = client.send("PATCH", V + "/sobjects/Account/Ext_Id__c/A-1", token, "{\"Name\":\"Acme\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode c = SimClient.json(created);
        assertThat(SimClient.fieldNames(c)).containsExactly("id", "success", "errors", "created");
        assertThat(c.get("created").asBoolean()).isTrue();
        String id = c.get("id").asText();

        HttpResponse<String> updated = client.send("PATCH", V + "/sobjects/account/ext_id__c/a-1", token, "{\"Phone\":\"42\"}");
        assertThat(updated.statusCode()).isEqualTo(200);
        JsonNode u = SimClient.json(updated);
        assertThat(u.get("id").asText()).isEqualTo(id);
        assertThat(u.get("created").asBoolean()).isFalse();
        assertThat(u.get("success").asBoolean()).isTrue();
        SObjectRecord record = sim.store().record("Account", id).orElseThrow();
        assertThat(record.field("Ext_Id__c")).isEqualTo("A-1");
        assertThat(record.field("Phone")).isEqualTo("42");
        assertThat(sim.store().count("Account")).isEqualTo(1);

        HttpResponse<String> byExternalId = client.get(V + "/sobjects/Account/Ext_Id__c/A-1", token);
        assertThat(SimClient.json(byExternalId).get("Id").asText()).isEqualTo(id);
    }

    @Test
    void upsertBeforeV46() throws Exception {
        HttpResponse<String> created = client.send("PATCH", "/services/data/v45.0/sobjects/Account/Ext__c/B-1", token,
                "{\"Name\":\"Acme\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(SimClient.json(created).has("created")).isFalse();
        HttpResponse<String> updated = client.send("PATCH", "/services/data/v45.0/sobjects/Account/Ext__c/B-1", token,
                "{\"Phone\":\"1\"}");
        assertThat(updated.statusCode()).isEqualTo(204);
        assertThat(updated.body()).isEmpty();
    }

    @Test
    void upsertMatchingSeveralRecordsAnswers300() throws Exception {
        SObjectRecord a = sim.store().insert("Account", Map.of("Name", "A", "Ext__c", "dup"));
        SObjectRecord b = sim.store().insert("Account", Map.of("Name", "B", "Ext__c", "dup"));
        HttpResponse<String> response = client.send("PATCH", V + "/sobjects/Account/Ext__c/dup", token, "{\"Name\":\"C\"}");
        assertThat(response.statusCode()).isEqualTo(300);
        assertThat(SimClient.json(response)).containsExactly(
                SimClient.MAPPER.getNodeFactory().textNode(V + "/sobjects/Account/" + a.id()),
                SimClient.MAPPER.getNodeFactory().textNode(V + "/sobjects/Account/" + b.id()));
        assertThat(sim.store().count("Account")).isEqualTo(2);
    }

    @Test
    void upsertValueIsPercentDecodedAndRequiredFieldsApply() throws Exception {
        HttpResponse<String> created = client.send("PATCH", V + "/sobjects/Account/Ext__c/a%2Fb%20c", token, "{\"Name\":\"S\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(sim.store().records("Account").get(0).field("Ext__c")).isEqualTo("a/b c");
        HttpResponse<String> missing = client.send("PATCH", V + "/sobjects/Account/Ext__c/new", token, "{}");
        assertThat(SimClient.errorCode(missing)).isEqualTo("REQUIRED_FIELD_MISSING");
    }

    @Test
    void query() throws Exception {
        String acme = client.create(V, "Account", token, "{\"Name\":\"Acme\",\"BillingCity\":\"Paris\"}");
        client.create(V, "Account", token, "{\"Name\":\"Globex\"}");
        String soql = "SELECT Id, Name FROM Account WHERE name = 'acme'";
        for (String path : List.of("/query?q=", "/query/?q=")) {
            HttpResponse<String> response = client.get(V + path + SimClient.enc(soql), token);
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode body = SimClient.json(response);
            assertThat(body.get("totalSize").asInt()).isEqualTo(1);
            assertThat(body.get("done").asBoolean()).isTrue();
            JsonNode record = body.get("records").get(0);
            assertThat(SimClient.fieldNames(record)).containsExactly("attributes", "Id", "Name");
            assertThat(record.get("Id").asText()).isEqualTo(acme);
            assertThat(record.get("attributes").get("type").asText()).isEqualTo("Account");
        }
        JsonNode all = SimClient.json(client.get(V + "/query?q=" + SimClient.enc("select Name from Account"), token));
        assertThat(all.get("totalSize").asInt()).isEqualTo(2);
        JsonNode count = SimClient.json(client.get(V + "/query?q=SELECT+COUNT()+FROM+Account", token));
        assertThat(count.get("totalSize").asInt()).isEqualTo(2);
        JsonNode byId = SimClient.json(client.get(V + "/query?q=" + SimClient.enc(
                "SELECT Name FROM Account WHERE Id = '" + acme.substring(0, 15) + "'"), token));
        assertThat(byId.get("records").get(0).get("Name").asText()).isEqualTo("Acme");
    }

    @Test
    void queryErrors() throws Exception {
        HttpResponse<String> malformed = client.get(V + "/query?q=" + SimClient.enc("SELECT Name FRM Account"), token);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(SimClient.errorCode(malformed)).isEqualTo("MALFORMED_QUERY");
        assertThat(SimClient.errorCode(client.get(V + "/query", token))).isEqualTo("MALFORMED_QUERY");
        assertThat(SimClient.errorCode(client.get(V + "/query?q=" + SimClient.enc("SELECT Id FROM Whizbang"), token)))
                .isEqualTo("INVALID_TYPE");
        assertThat(SimClient.errorCode(client.get(V + "/query?q=" + SimClient.enc("SELECT Nope FROM Account"), token)))
                .isEqualTo("INVALID_FIELD");
    }

    @Test
    void dailyLimitIsEnforced() throws Exception {
        try (SalesforceSimulator small = SalesforceSimulator.start(SimulatorConfig.builder()
                .publicKey(TestKeys.publicKey()).dailyApiLimit(2).eventLoops(1).build())) {
            SimClient c = new SimClient(small);
            String t = c.token();
            assertThat(c.get(V + "/limits", t).statusCode()).isEqualTo(200);
            HttpResponse<String> second = c.get(V + "/limits", t);
            assertThat(second.headers().firstValue("Sforce-Limit-Info")).hasValue("api-usage=2/2");
            HttpResponse<String> third = c.get(V + "/limits", t);
            assertThat(third.statusCode()).isEqualTo(403);
            assertThat(third.body()).isEqualTo(
                    "[{\"message\":\"TotalRequests Limit exceeded.\",\"errorCode\":\"REQUEST_LIMIT_EXCEEDED\"}]");
        }
    }
}
