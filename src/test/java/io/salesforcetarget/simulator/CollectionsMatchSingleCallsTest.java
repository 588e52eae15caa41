package io.salesforcetarget.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The same writes, valid and invalid, sent one call per record and as sObject Collections calls (one per kind): every
 * record gets the same outcome (id, created, or the single call's errorCode, message and fields as the collection's
 * statusCode, message and fields) and the org ends in the same state. This is what coalescing writes relies on.
 */
class CollectionsMatchSingleCallsTest extends OneSimulatorPerClass {

    private static final String V = "/services/data/v66.0";
    private static final List<String> STAMPS = List.of("CreatedDate", "LastModifiedDate", "SystemModstamp");

    private String token;

    private record Write(String kind, String type, String target, ObjectNode fields) {
    }

    private record Outcome(boolean success, String id, Boolean created, String code, String message, List<String> fields) {
    }

    @BeforeAll
    void logIn() throws Exception {
        token = client.token();
    }

    @Test
    void everyRecordGetsTheOutcomeOfItsSingleCall() throws Exception {
        Map<String, String> seeds = seed();
        List<Write> writes = writes(seeds);

        long before = sim.counters().apiUsage();
        List<Outcome> single = new ArrayList<>();
        for (Write w : writes) {
            single.add(singleCall(w));
        }
        assertThat(sim.counters().apiUsage() - before).isEqualTo(writes.size());
        Map<String, List<Map<String, Object>>> singleState = state();

        sim.reset();
        token = client.token();
        assertThat(seed()).isEqualTo(seeds);
        before = sim.counters().apiUsage();
        List<Outcome> collected = new ArrayList<>();
        for (String kind : List.of("create", "update", "upsert", "delete")) {
            collected.addAll(collectionCall(kind, writes.stream().filter(w -> w.kind().equals(kind)).toList()));
        }
        assertThat(sim.counters().apiUsage() - before).isEqualTo(4);

        for (int i = 0; i < writes.size(); i++) {
            assertThat(collected.get(i)).as("%s", writes.get(i)).isEqualTo(single.get(i));
        }
        assertThat(single.stream().filter(o -> !o.success()).map(Outcome::code).distinct())
                .contains("REQUIRED_FIELD_MISSING", "INVALID_FIELD", "INVALID_FIELD_FOR_INSERT_UPDATE", "NOT_FOUND",
                        "ENTITY_IS_DELETED", "MALFORMED_ID");
        assertThat(state()).isEqualTo(singleState);
    }

    /** Records both runs start from; IDs are handed out in order, so both runs get the same ones. */
    private Map<String, String> seed() throws Exception {
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("s1", client.create(V, "Account", token, "{\"Name\":\"Seed1\"}"));
        ids.put("s2", client.create(V, "Account", token, "{\"Name\":\"Seed2\"}"));
        ids.put("c1", client.create(V, "Contact", token, "{\"LastName\":\"SeedC\"}"));
        ids.put("gone", client.create(V, "Account", token, "{\"Name\":\"Gone\"}"));
        ids.put("ext", client.create(V, "Account", token, "{\"Name\":\"Ext\",\"Ext__c\":\"E-old\"}"));
        assertThat(client.send("DELETE", V + "/sobjects/Account/" + ids.get("gone"), token, null).statusCode()).isEqualTo(204);
        return ids;
    }

    private static List<Write> writes(Map<String, String> ids) {
        String s1 = ids.get("s1");
        String s2 = ids.get("s2");
        String missing = SalesforceIds.generate("001", 999_999);
        String badChecksum = s1.substring(0, 15) + (s1.endsWith("A") ? "AAB" : "AAA");
        return List.of(
                new Write("create", "Account", null, json("{\"Name\":\"New1\",\"Region__c\":\"EU\"}")),
                new Write("create", "Account", null, json("{\"Phone\":\"1\"}")),
                new Write("create", "Account", null, json("{\"Name\":\"X\",\"Bogus\":1}")),
                new Write("create", "Account", null, json("{\"Name\":\"X\",\"Id\":\"" + s1 + "\"}")),
                new Write("create", "Account", null, json("{\"Name\":\"X\",\"CreatedDate\":\"2020-01-01\"}")),
                new Write("create", "Contact", null, json("{\"LastName\":\"L\",\"FirstName\":\"F\"}")),
                new Write("create", "Contact", null, json("{\"FirstName\":\"F\"}")),
                new Write("update", "Account", s1, json("{\"Phone\":\"555\"}")),
                new Write("update", "Account", missing, json("{\"Phone\":\"1\"}")),
                new Write("update", "Account", ids.get("gone"), json("{\"Phone\":\"1\"}")),
                new Write("update", "Account", badChecksum, json("{\"Phone\":\"1\"}")),
                new Write("update", "Account", ids.get("c1"), json("{\"Phone\":\"1\"}")),
                new Write("update", "Account", s2, json("{\"Name\":\"\"}")),
                new Write("update", "Account", "23foo", json("{\"Phone\":\"1\"}")),
                new Write("update", "Account", s2, json("{\"Bogus\":1}")),
                new Write("update", "Account", s2.substring(0, 15), json("{\"Phone\":\"777\"}")),
                new Write("upsert", "Account", "E-new", json("{\"Name\":\"Upserted\"}")),
                new Write("upsert", "Account", "E-old", json("{\"Phone\":\"888\"}")),
                new Write("upsert", "Account", "E-x", json("{\"Phone\":\"1\"}")),
                new Write("upsert", "Account", "E-y", json("{\"Name\":\"Y\",\"Id\":\"" + s1 + "\"}")),
                new Write("delete", "Account", s1, null),
                new Write("delete", "Account", ids.get("gone"), null),
                new Write("delete", "Account", missing, null),
                new Write("delete", "Contact", ids.get("c1"), null));
    }

    private Outcome singleCall(Write w) throws Exception {
        String base = V + "/sobjects/" + w.type();
        HttpResponse<String> response = switch (w.kind()) {
            case "create" -> client.send("POST", base, token, w.fields().toString());
            case "update" -> client.send("PATCH", base + "/" + w.target(), token, w.fields().toString());
            case "upsert" -> client.send("PATCH", base + "/Ext__c/" + w.target(), token, w.fields().toString());
            default -> client.send("DELETE", base + "/" + w.target(), token, null);
        };
        if (response.statusCode() >= 300) {
            JsonNode error = SimClient.json(response).get(0);
            return new Outcome(false, null, null, error.get("errorCode").asText(), error.get("message").asText(),
                    strings(error.get("fields")));
        }
        if (w.kind().equals("create") || w.kind().equals("upsert")) {
            JsonNode body = SimClient.json(response);
            return new Outcome(true, body.get("id").asText(),
                    body.has("created") ? body.get("created").asBoolean() : null, null, null, null);
        }
        return new Outcome(true, null, null, null, null, null);
    }

    private List<Outcome> collectionCall(String kind, List<Write> writes) throws Exception {
        String path = V + "/composite/sobjects";
        HttpResponse<String> response;
        if (kind.equals("delete")) {
            response = client.send("DELETE", path + "?ids=" + String.join(",",
                    writes.stream().map(Write::target).toList()), token, null);
        } else {
            ObjectNode body = SimClient.MAPPER.createObjectNode().put("allOrNone", false);
            ArrayNode records = body.putArray("records");
            for (Write w : writes) {
                ObjectNode record = records.addObject();
                record.putObject("attributes").put("type", w.type());
                if (kind.equals("update")) {
                    record.put("id", w.target());
                }
                if (kind.equals("upsert")) {
                    record.put("Ext__c", w.target());
                }
                record.setAll(w.fields());
            }
            response = client.send(kind.equals("create") ? "POST" : "PATCH",
                    kind.equals("upsert") ? path + "/Account/Ext__c" : path, token, body.toString());
        }
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<Outcome> out = new ArrayList<>();
        for (JsonNode result : SimClient.json(response)) {
            if (result.get("success").asBoolean()) {
                boolean idInReply = kind.equals("create") || kind.equals("upsert");
                out.add(new Outcome(true, idInReply ? result.get("id").asText() : null,
                        result.has("created") ? result.get("created").asBoolean() : null, null, null, null));
            } else {
                JsonNode error = result.get("errors").get(0);
                out.add(new Outcome(false, null, null, error.get("statusCode").asText(), error.get("message").asText(),
                        strings(error.get("fields"))));
            }
        }
        return out;
    }

    /** Every record of the org without its time stamps, which differ between the runs. */
    private Map<String, List<Map<String, Object>>> state() {
        Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
        for (String type : List.of("Account", "Contact")) {
            List<Map<String, Object>> records = new ArrayList<>();
            for (SObjectRecord r : sim.store().records(type)) {
                Map<String, Object> fields = new LinkedHashMap<>(r.fields());
                STAMPS.forEach(fields::remove);
                records.add(fields);
            }
            out.put(type, records);
        }
        return out;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null) {
            array.forEach(n -> out.add(n.asText()));
        }
        return out;
    }

    private static ObjectNode json(String text) {
        try {
            return (ObjectNode) SimClient.MAPPER.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
