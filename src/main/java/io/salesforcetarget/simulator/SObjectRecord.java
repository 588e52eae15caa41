package io.salesforcetarget.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** An immutable snapshot of one stored record; updates replace the snapshot. */
public final class SObjectRecord {

    private final String type;
    private final String id;
    private final Map<String, JsonNode> fields;

    SObjectRecord(String type, String id, Map<String, JsonNode> fields) {
        this.type = type;
        this.id = id;
        this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** sObject API name, e.g. "Account". */
    public String type() {
        return type;
    }

    /** 18-character ID. */
    public String id() {
        return id;
    }

    /** A field's value as text (case-insensitive name), or null when unset or null. */
    public String field(String name) {
        JsonNode value = node(name);
        return value == null || value.isNull() ? null : value.isValueNode() ? value.asText() : value.toString();
    }

    /** All set fields with their API names, as plain Java values (String, Number, Boolean, Map, List). */
    public Map<String, Object> fields() {
        Map<String, Object> out = new LinkedHashMap<>();
        fields.forEach((name, value) -> out.put(name, Json.MAPPER.convertValue(value, Object.class)));
        return out;
    }

    JsonNode node(String name) {
        JsonNode exact = fields.get(name);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, JsonNode> e : fields.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    Map<String, JsonNode> nodes() {
        return fields;
    }

    @Override
    public String toString() {
        return type + "/" + id + fields;
    }
}
