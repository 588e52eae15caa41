package io.salesforcetarget.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * /sobjects/{Type}[/{id} | /{ExternalIdField}/{value}]: create, retrieve, update, delete, upsert. Writes go through
 * {@link RecordWrites}, which also says how an ID segment is read.
 */
final class SObjectResource {

    private static final String RECORD_METHODS = "HEAD,GET,PATCH,DELETE";

    private final SObjectTypes types;
    private final SObjectStore store;
    private final RecordWrites writes;

    SObjectResource(SObjectTypes types, SObjectStore store) {
        this.types = types;
        this.store = store;
        this.writes = new RecordWrites(store);
    }

    /** segments: ["sobjects", Type, ...]. */
    void handle(ApiExchange ex) {
        List<String> s = ex.segments();
        SObjectType type = types.find(s.get(1));
        if (type == null) {
            throw ApiError.notFound();
        }
        switch (s.size()) {
            case 2 -> typeLevel(ex, type);
            case 3 -> {
                if (s.get(2).equals("describe")) {
                    OrgResources.describe(ex, type);
                } else {
                    record(ex, type, s.get(2));
                }
            }
            case 4 -> externalId(ex, type, s.get(2), s.get(3));
            default -> throw ApiError.notFound();
        }
    }

    private void typeLevel(ApiExchange ex, SObjectType type) {
        switch (ex.method()) {
            case "GET", "HEAD" -> OrgResources.basicInfo(ex, type);
            case "POST" -> {
                SObjectRecord created = writes.create(type, ex.jsonBody());
                ex.reply(201, RecordJson.saveResult(created.id(), null), location(ex, created));
            }
            default -> throw ApiError.methodNotAllowed(ex.method(), "GET,HEAD,POST");
        }
    }

    private void record(ApiExchange ex, SObjectType type, String segment) {
        String id15 = RecordWrites.recordId(type, segment);
        switch (ex.method()) {
            case "GET", "HEAD" -> {
                List<String> fields = requestedFields(ex, type);
                SObjectRecord record = store.find(type, id15);
                if (record == null) {
                    throw ApiError.notFound();
                }
                ex.reply(200, RecordJson.render(ex.versionPath(), type, record, fields));
            }
            case "PATCH" -> {
                writes.update(type, segment, ex.jsonBody());
                ex.noContent();
            }
            case "DELETE" -> {
                writes.delete(type, segment);
                ex.noContent();
            }
            default -> throw ApiError.methodNotAllowed(ex.method(), RECORD_METHODS);
        }
    }

    private void externalId(ApiExchange ex, SObjectType type, String fieldSegment, String value) {
        String field = RecordWrites.externalIdField(type, fieldSegment);
        switch (ex.method()) {
            case "PATCH" -> upsert(ex, type, field, value);
            case "GET", "HEAD" -> {
                List<String> fields = requestedFields(ex, type);
                SObjectRecord one = single(ex, store.findByExternalId(type, field, value));
                if (one != null) {
                    ex.reply(200, RecordJson.render(ex.versionPath(), type, one, fields));
                }
            }
            case "DELETE" -> {
                SObjectRecord one = single(ex, store.findByExternalId(type, field, value));
                if (one != null) {
                    store.delete(type, one.id().substring(0, 15));
                    ex.noContent();
                }
            }
            default -> throw ApiError.methodNotAllowed(ex.method(), RECORD_METHODS);
        }
    }

    private void upsert(ApiExchange ex, SObjectType type, String field, String value) {
        SObjectStore.UpsertResult result = writes.upsert(type, field, value, ex.jsonBody());
        boolean v46 = ex.version() >= 46;
        if (!result.matches().isEmpty()) {
            ex.reply(300, RecordJson.urls(ex.versionPath(), result.matches()));
        } else if (result.created()) {
            ex.reply(201, RecordJson.saveResult(result.record().id(), v46 ? Boolean.TRUE : null),
                    location(ex, result.record()));
        } else if (v46) {
            // From v46.0 an upsert that updates answers 200 with a body; before, 204 without one.
            ex.reply(200, RecordJson.saveResult(result.record().id(), Boolean.FALSE));
        } else {
            ex.noContent();
        }
    }

    /** The one match, or null after answering 404 (none) or 300 (several). */
    private static SObjectRecord single(ApiExchange ex, List<SObjectRecord> matches) {
        if (matches.isEmpty()) {
            throw ApiError.notFound();
        }
        if (matches.size() > 1) {
            ex.reply(300, RecordJson.urls(ex.versionPath(), matches));
            return null;
        }
        return matches.get(0);
    }

    /** ?fields=A,B as API names (Id appended, as the API does), or null for all fields. */
    private static List<String> requestedFields(ApiExchange ex, SObjectType type) {
        String param = ex.param("fields");
        if (param == null || param.isBlank()) {
            return null;
        }
        return fieldNames(type, List.of(param.split(",")));
    }

    /** Field names as API names, unknown ones refused as the API does, with Id appended when missing. */
    static List<String> fieldNames(SObjectType type, List<String> names) {
        List<String> fields = new ArrayList<>();
        for (String name : names) {
            String trimmed = name.trim();
            String field = type.field(trimmed);
            if (field == null) {
                throw RecordJson.unknownColumn(trimmed, type);
            }
            if (!fields.contains(field)) {
                fields.add(field);
            }
        }
        if (!fields.contains("Id")) {
            fields.add("Id");
        }
        return fields;
    }

    /** Salesforce names a created record's URL in a Location header (composite subrequests show it too). */
    private static Map<String, String> location(ApiExchange ex, SObjectRecord record) {
        return Map.of("Location", RecordJson.url(ex.versionPath(), record));
    }
}
