package io.salesforcetarget.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.List;

/**
 * sObject Collections retrieve, {@code /composite/sobjects/{Type}}: GET ?ids=&fields= or POST {"ids":[],"fields":[]}
 * (at most 2,000 IDs). The answer has one element per ID, in order: the record with the requested fields, or null
 * for an ID that is invalid, of another object, or not found. An unknown field is a 400 INVALID_FIELD, as on the
 * single-record retrieve.
 */
final class CollectionRetrieve {

    static final int MAX_IDS = 2000;

    private final SObjectStore store;

    CollectionRetrieve(SObjectStore store) {
        this.store = store;
    }

    void handle(ApiExchange ex, SObjectType type) {
        List<String> ids;
        List<String> names;
        switch (ex.method()) {
            case "GET", "HEAD" -> {
                ids = SObjectCollections.idList(ex.param("ids"));
                names = SObjectCollections.idList(ex.param("fields"));
            }
            case "POST" -> {
                JsonNode body = ex.jsonBody();
                if (!body.isObject()) {
                    throw JsonShape.cannotDeserialize("SObjectCollectionRetrieveRequest", body);
                }
                ids = strings(body.get("ids"));
                names = strings(body.get("fields"));
                if (ids.size() > MAX_IDS) {
                    throw CollectionBody.tooMany(MAX_IDS);
                }
            }
            default -> throw ApiError.methodNotAllowed(ex.method(), "GET,HEAD,POST");
        }
        if (ids.isEmpty()) {
            throw new ApiError(400, "MISSING_ARGUMENT", "The ids parameter is required.");
        }
        if (names.isEmpty()) {
            throw new ApiError(400, "MISSING_ARGUMENT", "The fields parameter is required.");
        }
        List<String> fields = SObjectResource.fieldNames(type, names);
        ArrayNode out = Json.array();
        for (String id : ids) {
            SObjectRecord record = find(type, id);
            if (record == null) {
                out.addNull();
            } else {
                out.add(RecordJson.render(ex.versionPath(), type, record, fields));
            }
        }
        ex.reply(200, out);
    }

    private SObjectRecord find(SObjectType type, String id) {
        boolean valid = SalesforceIds.isAlphanumeric(id) && SalesforceIds.isValid(id) && id.startsWith(type.keyPrefix());
        return valid ? store.find(type, id.substring(0, 15)) : null;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(n -> out.add(n.asText()));
        }
        return out;
    }
}
