package io.salesforcetarget.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Validates and applies one record write. The sObject resources ({@code /sobjects/...}) and sObject Collections
 * ({@code /composite/sobjects}) both go through it, so a record fails with the same errorCode, message and fields
 * whichever way it is sent.
 *
 * <p>How a record ID (a URL segment, or a collection record's "id") is read. Salesforce documents the MALFORMED_ID
 * example "Account ID: id value of incorrect type: 001900K0001pPuOAAU", an ID whose checksum is wrong, as a 400,
 * and a non-ID segment such as "23foo" as a 404 external-ID field:
 * <ul>
 * <li>15 or 18 letters/digits: an ID. A wrong 18-character checksum or another object's key prefix gives
 * 400 MALFORMED_ID with fields ["Id"].</li>
 * <li>16 or 17 letters/digits starting with the object's key prefix: an ID of the wrong length, also 400
 * MALFORMED_ID.</li>
 * <li>Anything else: an external ID field name without a value, 404 NOT_FOUND "Provided external ID field
 * does not exist or is not accessible: X".</li>
 * </ul>
 */
final class RecordWrites {

    private final SObjectStore store;

    RecordWrites(SObjectStore store) {
        this.store = store;
    }

    SObjectRecord create(SObjectType type, JsonNode body) {
        return store.create(type, FieldValues.forWrite(type, body));
    }

    SObjectRecord update(SObjectType type, String id, JsonNode body) {
        return store.update(type, recordId(type, id), FieldValues.forWrite(type, body));
    }

    void delete(SObjectType type, String id) {
        store.delete(type, recordId(type, id));
    }

    /** {@code field} is the API name from {@link #externalIdField}. */
    SObjectStore.UpsertResult upsert(SObjectType type, String field, String value, JsonNode body) {
        return store.upsert(type, field, value, FieldValues.forWrite(type, body));
    }

    /** The 15-character ID named by {@code segment}; see the class doc for the errors. */
    static String recordId(SObjectType type, String segment) {
        String id15 = idOrNull(type, segment);
        if (id15 == null) {
            throw ApiError.unknownExternalIdField(segment);
        }
        return id15;
    }

    /** The 15-character ID named by a segment, null if the segment is not ID-shaped; see the class doc. */
    static String idOrNull(SObjectType type, String segment) {
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

    /** The API name of an external ID field (any __c field here), or 404 NOT_FOUND as Salesforce answers. */
    static String externalIdField(SObjectType type, String name) {
        String field = SObjectType.isCustomName(name) ? type.defineField(name) : null;
        if (field == null) {
            throw ApiError.unknownExternalIdField(name);
        }
        return field;
    }
}
