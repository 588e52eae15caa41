package io.salesforcetarget.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of an sObject Collections create, update or upsert, {"allOrNone":b,"records":[{"attributes":{"type"},...}]},
 * checked as a whole before any record is written. A request Salesforce refuses as a whole gets one 400 error array;
 * only well-formed requests get per-record results.
 *
 * <p>Documented: at most 200 records; each record names its type in "attributes"; create and update take mixed
 * types processed in chunks (a run of records of one type), at most 10 chunks. Chosen where the guide gives no
 * wording: the 201st record gives EXCEEDED_ID_LIMIT "record limit reached. cannot submit more than 200 records into
 * this call" (the message Salesforce's SOAP and REST APIs are seen to give); the 11th chunk gives LIMIT_EXCEEDED with
 * the platform's "Cannot have more than 10 chunks in a single operation" message; a record without a type, or of a
 * type the org lacks, gives INVALID_TYPE.
 */
record CollectionBody(boolean allOrNone, List<ObjectNode> records, List<SObjectType> types) {

    static final int MAX_RECORDS = 200;
    static final int MAX_CHUNKS = 10;

    static CollectionBody parse(JsonNode body, SObjectTypes org) {
        if (!body.isObject()) {
            throw JsonShape.cannotDeserialize("SObjectCollectionRequest", body);
        }
        JsonNode records = body.get("records");
        if (records == null || records.isNull()) {
            throw new ApiError(400, "MISSING_ARGUMENT", "The records parameter is required.");
        }
        if (!records.isArray()) {
            throw JsonShape.cannotDeserialize("List<SObject>", records);
        }
        if (records.size() > MAX_RECORDS) {
            throw tooMany(MAX_RECORDS);
        }
        List<ObjectNode> list = new ArrayList<>();
        List<SObjectType> types = new ArrayList<>();
        for (JsonNode record : records) {
            if (!record.isObject()) {
                throw JsonShape.cannotDeserialize("SObject", record);
            }
            list.add((ObjectNode) record);
            types.add(typeOf(record, org));
        }
        return new CollectionBody(body.path("allOrNone").asBoolean(false), list, types);
    }

    /** 400 beyond 10 chunks: {account1, account2, contact1, account3} is 3 chunks. */
    void requireAtMostTenChunks() {
        int chunks = 0;
        SObjectType previous = null;
        for (SObjectType type : types) {
            if (type != previous) {
                chunks++;
                previous = type;
            }
        }
        if (chunks > MAX_CHUNKS) {
            throw new ApiError(400, "LIMIT_EXCEEDED", "Cannot have more than " + MAX_CHUNKS
                    + " chunks in a single operation. Please rearrange the data to reduce chunking.");
        }
    }

    static ApiError tooMany(int max) {
        return new ApiError(400, "EXCEEDED_ID_LIMIT",
                "record limit reached. cannot submit more than " + max + " records into this call");
    }

    private static SObjectType typeOf(JsonNode record, SObjectTypes org) {
        JsonNode name = record.path("attributes").path("type");
        if (!name.isTextual() || name.asText().isBlank()) {
            throw new ApiError(400, "INVALID_TYPE", "Each record must name its sObject type in attributes.type");
        }
        SObjectType type = org.find(name.asText());
        if (type == null) {
            throw JsonShape.unsupportedType(name.asText());
        }
        return type;
    }
}
