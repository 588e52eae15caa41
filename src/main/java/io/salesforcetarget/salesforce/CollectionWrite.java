package io.salesforcetarget.salesforce;

import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.salesforcetarget.apicall.ApiCallRequest;

/**
 * One event's write, when it can be one record of an sObject Collections call: a create, an update, an upsert by
 * external id or a delete of one record, with nothing that a collection call would answer differently (a query
 * map, an {@code Id} or {@code attributes} in the payload, a payload that is not a JSON object, a name that is
 * not a plain API name). Everything else is sent on its own, as it always was.
 *
 * @param operation the kind of write
 * @param object    the sObject type, as the event named it (types are grouped by that exact name)
 * @param field     the external id field of an upsert, else null
 * @param key       the record this write touches (its id, or the external id value), for keeping one write per
 *                  record in a collection call (external id values compared without case); null for a create
 * @param record    the record as the collection call carries it (with {@code attributes.type}, and the id or the
 *                  external id value); for a delete, only its {@code id}
 */
public record CollectionWrite(Operation operation, String object, String field, String key, ObjectNode record) {

    /** What one record of a collection call does, and the collection call it belongs to. */
    public enum Operation {
        CREATE, UPDATE, UPSERT, DELETE
    }

    /** Salesforce API names: a letter, then letters, digits and underscores (custom ones end in {@code __c}). */
    private static final Pattern API_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,79}");
    /** A record id, 15 or 18 characters; a collection's {@code ids=} list is comma-separated. */
    private static final Pattern RECORD_ID = Pattern.compile("[A-Za-z0-9]{15}|[A-Za-z0-9]{18}");
    /** External id values that mean the same as a JSON string in a record as in a URL segment. */
    private static final Pattern EXTERNAL_ID_VALUE = Pattern.compile("[A-Za-z0-9_.@+-]{1,255}");

    /** Which collection call this write can share: same operation, same object, same external id field. */
    public String groupKey() {
        return operation + " " + object + (field == null ? "" : " " + field);
    }

    /** The write that {@code request} is as one record of a collection call, or empty if it must go alone. */
    public static Optional<CollectionWrite> of(ApiCallRequest request, ObjectMapper json) {
        List<String> path = request.segments();
        if (!request.query().isEmpty() || path.size() < 2 || !"sobjects".equals(path.get(0))
                || !API_NAME.matcher(path.get(1)).matches()) {
            return Optional.empty();
        }
        String object = path.get(1);
        switch (request.method()) {
            case "POST":
                return path.size() == 2 ? payload(request, json).map(record -> write(Operation.CREATE, object,
                        null, null, record)) : Optional.empty();
            case "PATCH":
                if (path.size() == 3 && RECORD_ID.matcher(path.get(2)).matches()) {
                    String id = path.get(2);
                    return payload(request, json).map(record -> write(Operation.UPDATE, object, null,
                            caseSafe(id), withFirst(record, "id", id)));
                }
                if (path.size() == 4 && API_NAME.matcher(path.get(2)).matches() && !"id".equalsIgnoreCase(path.get(2))
                        && EXTERNAL_ID_VALUE.matcher(path.get(3)).matches()) {
                    String field = path.get(2);
                    String value = path.get(3);
                    return payload(request, json).filter(record -> !hasField(record, field))
                            .map(record -> write(Operation.UPSERT, object, field, value.toLowerCase(Locale.ROOT),
                                    withFirst(record, field, value)));
                }
                return Optional.empty();
            case "DELETE":
                return path.size() == 3 && RECORD_ID.matcher(path.get(2)).matches()
                        && (request.body() == null || request.body().length == 0)
                                ? Optional.of(new CollectionWrite(Operation.DELETE, object, null,
                                        caseSafe(path.get(2)), json.createObjectNode().put("id", path.get(2))))
                                : Optional.empty();
            default:
                return Optional.empty();
        }
    }

    /** The record's id, as the event gave it: for an update or a delete. */
    public String id() {
        return record.path("id").asText(null);
    }

    private static CollectionWrite write(Operation operation, String object, String field, String key,
            ObjectNode record) {
        ObjectNode attributes = record.objectNode().put("type", object);
        return new CollectionWrite(operation, object, field, key, withFirst(record, "attributes", attributes));
    }

    /** The payload as a JSON object without {@code attributes} or an id of its own, else empty. */
    private static Optional<ObjectNode> payload(ApiCallRequest request, ObjectMapper json) {
        if (request.body() == null) {
            return Optional.empty();
        }
        try {
            JsonNode payload = json.readTree(request.body());
            if (payload instanceof ObjectNode record && !hasField(record, "attributes") && !hasField(record, "id")) {
                return Optional.of(record);
            }
        } catch (IOException e) {
            // not JSON: sent alone, Salesforce's own answer says what is wrong with it
        }
        return Optional.empty();
    }

    /** Field names are case-insensitive in Salesforce. */
    private static boolean hasField(ObjectNode record, String name) {
        for (Iterator<String> names = record.fieldNames(); names.hasNext();) {
            if (names.next().equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    private static ObjectNode withFirst(ObjectNode record, String name, Object value) {
        ObjectNode first = record.objectNode();
        if (value instanceof JsonNode node) {
            first.set(name, node);
        } else {
            first.put(name, (String) value);
        }
        first.setAll(record);
        return first;
    }

    /** The 15 case-sensitive characters that name a record, whichever form the event used. */
    private static String caseSafe(String id) {
        return id.substring(0, 15);
    }

    @Override
    public String toString() {
        return operation.name().toLowerCase(Locale.ROOT) + " " + object + (key == null ? "" : " " + key);
    }
}
