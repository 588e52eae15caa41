package io.salesforcetarget.salesforce;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.salesforcetarget.apicall.ApiCallRequest;
import io.salesforcetarget.settings.Coalescing;

/**
 * The sObject Collections call that carries the writes of one group ({@link CollectionWrite#groupKey()}), and the
 * answer each write gets from its result: the answer its own call would have got.
 * <ul>
 * <li>Every call says {@code allOrNone=false}: each record succeeds or fails on its own, as its own call would.</li>
 * <li>A success gives the single call's answer: create 201 {@code {"id","success":true,"errors":[]}}; update and
 * delete 204 without body; upsert 201 {@code "created":true} or 200 {@code "created":false} (API 46.0+, which
 * collection upserts need anyway).</li>
 * <li>A record's failure gives the single call's error body, {@code [{"errorCode","message","fields"}]} (a
 * collection says {@code statusCode} for the code, and lists {@code fields} even when there are none, where a
 * single call lists them only for errors of the save itself), with the status Salesforce gives that error code on
 * the single resource: 404 for {@code NOT_FOUND} and {@code ENTITY_IS_DELETED}, 400 for every other code.</li>
 * </ul>
 */
public final class CollectionCall {

    /** Salesforce's limit on the records of one collection call. */
    public static final int MAX_RECORDS = Coalescing.MAX_RECORDS;

    /** The status of a single-resource call that fails with a given error code; 400 for any other code. */
    private static final Map<String, Integer> SINGLE_CALL_STATUS = Map.of("NOT_FOUND", 404,
            "ENTITY_IS_DELETED", 404);

    /**
     * The codes a single call gives before any record is saved, while it reads the request or looks for the record,
     * and without {@code fields} when it names none. Every other code is an error of the save (a required field, a
     * validation rule, a deleted record, ...), which a single call gives with its {@code fields} list, empty or not.
     */
    private static final Set<String> NO_EMPTY_FIELDS = Set.of("NOT_FOUND", "INVALID_FIELD", "JSON_PARSER_ERROR",
            "INVALID_TYPE", "INVALID_FIELD_FOR_INSERT_UPDATE");

    /** What one write got: the status and body its own call would have got. */
    public record SingleAnswer(int status, byte[] body) {
    }

    private CollectionCall() {
    }

    /** The collection call for {@code writes}, all of one group, at most {@value #MAX_RECORDS} of them. */
    public static ApiCallRequest request(List<CollectionWrite> writes, ObjectMapper json) {
        CollectionWrite first = writes.get(0);
        if (first.operation() == CollectionWrite.Operation.DELETE) {
            List<String> ids = new ArrayList<>(writes.size());
            writes.forEach(write -> ids.add(write.id()));
            Map<String, String> query = new LinkedHashMap<>();
            query.put("ids", String.join(",", ids));
            query.put("allOrNone", "false");
            return new ApiCallRequest("DELETE", List.of("composite", "sobjects"), query, null);
        }
        ObjectNode body = json.createObjectNode().put("allOrNone", false);
        ArrayNode records = body.putArray("records");
        writes.forEach(write -> records.add(write.record()));
        List<String> path = first.operation() == CollectionWrite.Operation.UPSERT
                ? List.of("composite", "sobjects", first.object(), first.field())
                : List.of("composite", "sobjects");
        String method = first.operation() == CollectionWrite.Operation.CREATE ? "POST" : "PATCH";
        try {
            return new ApiCallRequest(method, path, Map.of(), json.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("records read from JSON can be written as JSON", e);
        }
    }

    /**
     * Each write's answer from the collection call's 200 body: one result per record, in the order sent.
     *
     * @throws IOException when the body is not that: the call was made, but what it did cannot be told
     */
    public static List<SingleAnswer> answers(List<CollectionWrite> writes, byte[] body, ObjectMapper json)
            throws IOException {
        JsonNode results = json.readTree(body);
        if (results == null || !results.isArray() || results.size() != writes.size()) {
            throw new IOException("Salesforce answered a collection call of " + writes.size()
                    + " records with something other than one result per record");
        }
        List<SingleAnswer> answers = new ArrayList<>(writes.size());
        for (int i = 0; i < writes.size(); i++) {
            JsonNode result = results.get(i);
            if (!result.isObject() || !result.path("success").isBoolean()) {
                throw new IOException("result " + i + " of a collection call has no 'success'");
            }
            answers.add(result.get("success").asBoolean() ? success(writes.get(i), result, json)
                    : failure(result, json));
        }
        return answers;
    }

    private static SingleAnswer success(CollectionWrite write, JsonNode result, ObjectMapper json)
            throws JsonProcessingException {
        return switch (write.operation()) {
            case UPDATE, DELETE -> new SingleAnswer(204, new byte[0]);
            case CREATE -> new SingleAnswer(201, json.writeValueAsBytes(saveResult(result, json)));
            case UPSERT -> {
                boolean created = result.path("created").asBoolean(false);
                yield new SingleAnswer(created ? 201 : 200,
                        json.writeValueAsBytes(saveResult(result, json).put("created", created)));
            }
        };
    }

    private static ObjectNode saveResult(JsonNode result, ObjectMapper json) {
        ObjectNode saved = json.createObjectNode().put("id", result.path("id").asText(null)).put("success", true);
        saved.putArray("errors");
        return saved;
    }

    private static SingleAnswer failure(JsonNode result, ObjectMapper json) throws JsonProcessingException {
        ArrayNode errors = json.createArrayNode();
        for (JsonNode error : result.path("errors")) {
            ObjectNode single = errors.addObject();
            single.set("errorCode", error.path("statusCode"));
            single.set("message", error.path("message"));
            String code = error.path("statusCode").asText("");
            if (error.has("fields") && !(error.get("fields").isEmpty() && NO_EMPTY_FIELDS.contains(code))) {
                single.set("fields", error.get("fields"));
            }
        }
        String code = errors.path(0).path("errorCode").asText("");
        return new SingleAnswer(SINGLE_CALL_STATUS.getOrDefault(code, 400), json.writeValueAsBytes(errors));
    }
}
