package io.salesforcetarget.simulator;

import java.util.ArrayList;
import java.util.List;

/**
 * /sobjects/{Type}[/{id} | /{ExternalIdField}/{value}]: create, retrieve, update, delete, upsert.
 *
 * <p>How a single segment after the type is read (Salesforce documents the MALFORMED_ID example
 * "Account ID: id value of incorrect type: 001900K0001pPuOAAU", an ID whose checksum is wrong, as a 400,
 * and a non-ID segment such as "23foo" as a 404 external-ID field):
 * <ul>
 * <li>15 or 18 letters/digits: an ID. A wrong 18-character checksum or another object's key prefix gives
 * 400 MALFORMED_ID with fields ["Id"].</li>
 * <li>16 or 17 letters/digits starting with the object's key prefix: an ID of the wrong length, also 400
 * MALFORMED_ID.</li>
 * <li>Anything else: an external ID field name without a value, 404 NOT_FOUND "Provided external ID field
 * does not exist or is not accessible: X".</li>
 * </ul>
 */
final class SObjectResource {

    private static final String RECORD_METHODS = "HEAD,GET,PATCH,DELETE";

    private final SObjectTypes types;
    private final SObjectStore store;

    SObjectResource(SObjectTypes types, SObjectStore store) {
        this.types = types;
        this.store = store;
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
                SObjectRecord created = store.create(type, FieldValues.forWrite(type, ex.jsonBody()));
                ex.reply(201, RecordJson.saveResult(created.id(), null));
            }
            default -> throw ApiError.methodNotAllowed(ex.method(), "GET,HEAD,POST");
        }
    }

    private void record(ApiExchange ex, SObjectType type, String segment) {
        String id15 = idOrNull(type, segment);
        if (id15 == null) {
            throw ApiError.unknownExternalIdField(segment);
        }
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
                store.update(type, id15, FieldValues.forWrite(type, ex.jsonBody()));
                ex.noContent();
            }
            case "DELETE" -> {
                store.delete(type, id15);
                ex.noContent();
            }
            default -> throw ApiError.methodNotAllowed(ex.method(), RECORD_METHODS);
        }
    }

    private void externalId(ApiExchange ex, SObjectType type, String fieldSegment, String value) {
        String field = SObjectType.isCustomName(fieldSegment) ? type.defineField(fieldSegment) : null;
        if (field == null) {
            throw ApiError.unknownExternalIdField(fieldSegment);
        }
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
        SObjectStore.UpsertResult result = store.upsert(type, field, value, FieldValues.forWrite(type, ex.jsonBody()));
        boolean v46 = ex.version() >= 46;
        if (!result.matches().isEmpty()) {
            ex.reply(300, RecordJson.urls(ex.versionPath(), result.matches()));
        } else if (result.created()) {
            ex.reply(201, RecordJson.saveResult(result.record().id(), v46 ? Boolean.TRUE : null));
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
        List<String> fields = new ArrayList<>();
        for (String name : param.split(",")) {
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

    /** The 15-character ID named by a path segment, null if the segment is not ID-shaped; see class doc. */
    private static String idOrNull(SObjectType type, String segment) {
        int length = segment.length();
        if (!SalesforceIds.isAlphanumeric(segment)) {
            return null;
        }
        boolean idLength = length == 15 || length == 18;
        boolean nearId = (length == 16 || length == 17) && segment.startsWith(type.keyPrefix());
        if (!idLength && !nearId) {
            return null;
        }
        if (nearId || !SalesforceIds.isValid(segment) || !segment.startsWith(type.keyPrefix())) {
            throw new ApiError(400, "MALFORMED_ID",
                    type.label() + " ID: id value of incorrect type: " + segment, List.of("Id"));
        }
        return segment.substring(0, 15);
    }
}
