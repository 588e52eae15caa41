package io.salesforcetarget.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * sObject Collections (API 42.0+): {@code /composite/sobjects} create (POST), update (PATCH), delete (DELETE
 * ?ids=); {@code /composite/sobjects/{Type}} retrieve (GET ?ids=&fields=, or POST {"ids","fields"}, see
 * {@link CollectionRetrieve}); {@code /composite/sobjects/{Type}/{ExternalIdField}} upsert (PATCH, 46.0+).
 *
 * <p>Each record is written by {@link RecordWrites}, the code path of the single-record resource, so a record that
 * fails carries the errorCode (here {@code statusCode}), message and fields its single call would get. Results come
 * in request order; with allOrNone every write is undone when one fails and the others answer
 * ALL_OR_NONE_OPERATION_ROLLED_BACK. A failed result carries the record's 18-character "id" when the request named
 * a well-formed one (update, delete, an upsert that matched), as the guide's examples show.
 */
final class SObjectCollections {

    private final SObjectTypes types;
    private final SObjectStore store;
    private final RecordWrites writes;
    private final CollectionRetrieve retrieve;

    SObjectCollections(SObjectTypes types, SObjectStore store) {
        this.types = types;
        this.store = store;
        this.writes = new RecordWrites(store);
        this.retrieve = new CollectionRetrieve(store);
    }

    /** segments: ["composite", "sobjects", ...]. */
    void handle(ApiExchange ex) {
        List<String> s = ex.segments();
        if (ex.version() < 42) {
            throw ApiError.notFound();
        }
        switch (s.size()) {
            case 2 -> {
                switch (ex.method()) {
                    case "POST" -> create(ex);
                    case "PATCH" -> update(ex);
                    case "DELETE" -> delete(ex);
                    default -> throw ApiError.methodNotAllowed(ex.method(), "POST,PATCH,DELETE");
                }
            }
            case 3 -> retrieve.handle(ex, type(s.get(2)));
            case 4 -> {
                if (ex.version() < 46) {
                    throw ApiError.notFound();
                }
                if (!ex.method().equals("PATCH")) {
                    throw ApiError.methodNotAllowed(ex.method(), "PATCH");
                }
                SObjectType type = type(s.get(2));
                upsert(ex, type, RecordWrites.externalIdField(type, s.get(3)));
            }
            default -> throw ApiError.notFound();
        }
    }

    private void create(ApiExchange ex) {
        CollectionBody body = CollectionBody.parse(ex.jsonBody(), types);
        body.requireAtMostTenChunks();
        List<RecordWrite> work = new ArrayList<>();
        for (int i = 0; i < body.records().size(); i++) {
            SObjectType type = body.types().get(i);
            ObjectNode record = body.records().get(i);
            work.add(new RecordWrite(null, () -> RecordJson.saveResult(writes.create(type, record).id(), null)));
        }
        ex.reply(200, run(body.allOrNone(), work));
    }

    private void update(ApiExchange ex) {
        CollectionBody body = CollectionBody.parse(ex.jsonBody(), types);
        body.requireAtMostTenChunks();
        List<RecordWrite> work = new ArrayList<>();
        for (int i = 0; i < body.records().size(); i++) {
            SObjectType type = body.types().get(i);
            ObjectNode fields = body.records().get(i).deepCopy();
            String id = removeId(fields);
            work.add(new RecordWrite(wellFormedId(type, id), () -> {
                if (id == null) {
                    throw new ApiError(400, "MISSING_ARGUMENT", "Id not specified in an update call", List.of());
                }
                return RecordJson.saveResult(writes.update(type, id, fields).id(), null);
            }));
        }
        ex.reply(200, run(body.allOrNone(), work));
    }

    /**
     * Upsert of records of the URL's type by the URL's field, whose value each record carries. Chosen where the guide
     * is silent, after the SOAP API's upsert: a record without a value gets MISSING_ARGUMENT "{Field} not specified";
     * two records with one value both get DUPLICATE_EXTERNAL_ID "Duplicate external id specified: {value}"; a value
     * that matches several records (where the single resource answers 300) gets DUPLICATE_EXTERNAL_ID "more than one
     * record found for external id field: [ids]".
     */
    private void upsert(ApiExchange ex, SObjectType type, String field) {
        CollectionBody body = CollectionBody.parse(ex.jsonBody(), types);
        Map<String, Integer> seen = new HashMap<>();
        List<String> values = new ArrayList<>();
        for (int i = 0; i < body.records().size(); i++) {
            if (body.types().get(i) != type) {
                throw new ApiError(400, "INVALID_TYPE", "Records must all be of the type named in the URL: "
                        + type.name());
            }
            JsonNode value = body.records().get(i).get(field);
            String text = value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
            values.add(text);
            if (text != null) {
                seen.merge(text.toLowerCase(Locale.ROOT), 1, Integer::sum);
            }
        }
        List<RecordWrite> work = new ArrayList<>();
        for (int i = 0; i < body.records().size(); i++) {
            ObjectNode record = body.records().get(i);
            String value = values.get(i);
            boolean duplicate = value != null && seen.get(value.toLowerCase(Locale.ROOT)) > 1;
            work.add(new RecordWrite(value == null ? null : existingId(type, field, value),
                    () -> upsertOne(type, field, value, duplicate, record)));
        }
        ex.reply(200, run(body.allOrNone(), work));
    }

    private ObjectNode upsertOne(SObjectType type, String field, String value, boolean duplicate, ObjectNode record) {
        if (value == null) {
            throw new ApiError(400, "MISSING_ARGUMENT", field + " not specified", List.of());
        }
        if (duplicate) {
            throw new ApiError(400, "DUPLICATE_EXTERNAL_ID", "Duplicate external id specified: " + value, List.of());
        }
        SObjectStore.UpsertResult result = writes.upsert(type, field, value, record);
        if (!result.matches().isEmpty()) {
            List<String> ids = result.matches().stream().map(SObjectRecord::id).toList();
            throw new ApiError(300, "DUPLICATE_EXTERNAL_ID",
                    "more than one record found for external id field: " + ids, List.of());
        }
        return RecordJson.saveResult(result.record().id(), result.created());
    }

    /**
     * DELETE ?ids=a,b[&allOrNone=true]. Each ID's object comes from its key prefix; an ID that is not a valid ID of
     * one of the org's objects gets the guide's MALFORMED_ID "malformed id X".
     */
    private void delete(ApiExchange ex) {
        List<String> ids = idList(ex.param("ids"));
        if (ids.isEmpty()) {
            throw new ApiError(400, "MISSING_ARGUMENT", "The ids parameter is required.");
        }
        if (ids.size() > CollectionBody.MAX_RECORDS) {
            throw CollectionBody.tooMany(CollectionBody.MAX_RECORDS);
        }
        List<RecordWrite> work = new ArrayList<>();
        for (String id : ids) {
            SObjectType type = typeOfId(id);
            work.add(new RecordWrite(type == null ? null : SalesforceIds.to18(id), () -> {
                if (type == null) {
                    throw new ApiError(400, "MALFORMED_ID", "malformed id " + id, List.of());
                }
                writes.delete(type, id);
                return RecordJson.saveResult(SalesforceIds.to18(id), null);
            }));
        }
        ex.reply(200, run("true".equalsIgnoreCase(ex.param("allOrNone")), work));
    }

    /** One record's write: its success result, or the ApiError its single call would answer. */
    private record RecordWrite(String namedId, Supplier<ObjectNode> write) {
    }

    /** Runs the writes in order as one unit: under allOrNone, one failure undoes them all. */
    private ArrayNode run(boolean allOrNone, List<RecordWrite> work) {
        ArrayNode results = Json.array();
        store.atomically(() -> {
            List<ObjectNode> outcomes = new ArrayList<>();
            boolean failed = false;
            for (RecordWrite w : work) {
                try {
                    outcomes.add(w.write().get());
                } catch (ApiError e) {
                    outcomes.add(SaveResults.failure(w.namedId(), e));
                    failed = true;
                }
            }
            boolean commit = !(allOrNone && failed);
            for (int i = 0; i < outcomes.size(); i++) {
                ObjectNode outcome = outcomes.get(i);
                boolean saved = outcome.path("success").asBoolean();
                results.add(saved && !commit ? SaveResults.rolledBack(work.get(i).namedId()) : outcome);
            }
            return commit;
        });
        return results;
    }

    private SObjectType type(String name) {
        SObjectType type = types.find(name);
        if (type == null) {
            throw ApiError.notFound();
        }
        return type;
    }

    /** Removes the record's "id" (any case) and returns it, or null when it had none. */
    private static String removeId(ObjectNode fields) {
        String id = null;
        List<String> names = new ArrayList<>();
        fields.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            if (name.equalsIgnoreCase("Id")) {
                JsonNode value = fields.remove(name);
                id = value.isNull() ? null : value.asText();
            }
        }
        return id;
    }

    private static String wellFormedId(SObjectType type, String id) {
        try {
            return id == null || RecordWrites.idOrNull(type, id) == null ? null : SalesforceIds.to18(id);
        } catch (ApiError e) {
            return null;
        }
    }

    private String existingId(SObjectType type, String field, String value) {
        List<SObjectRecord> matches = store.findByExternalId(type, field, value);
        return matches.size() == 1 ? matches.get(0).id() : null;
    }

    private SObjectType typeOfId(String id) {
        if (!SalesforceIds.isAlphanumeric(id) || !SalesforceIds.isValid(id)) {
            return null;
        }
        for (SObjectType type : types.all()) {
            if (id.startsWith(type.keyPrefix())) {
                return type;
            }
        }
        return null;
    }

    static List<String> idList(String param) {
        List<String> ids = new ArrayList<>();
        if (param != null) {
            for (String id : param.split(",")) {
                if (!id.isBlank()) {
                    ids.add(id.trim());
                }
            }
        }
        return ids;
    }
}
