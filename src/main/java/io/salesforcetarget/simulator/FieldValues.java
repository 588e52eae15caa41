package io.salesforcetarget.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns a create/update body into API-named field values, with Salesforce's errors for bad fields. */
final class FieldValues {

    private FieldValues() {
    }

    static Map<String, JsonNode> forWrite(SObjectType type, JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new ApiError(400, "JSON_PARSER_ERROR", "Cannot deserialize instance of SObject from "
                    + (body == null ? "empty" : body.getNodeType().name()) + " value at [line:1, column:1]");
        }
        Map<String, JsonNode> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : body.properties()) {
            String name = e.getKey();
            if (name.equals("attributes")) {
                continue; // clients echo {"type": ...} here; the API ignores it
            }
            if (name.equalsIgnoreCase("Id")) {
                throw new ApiError(400, "INVALID_FIELD", "The Id field should not be specified in the sobject data.");
            }
            String field = type.defineField(name);
            if (field == null) {
                throw new ApiError(400, "INVALID_FIELD",
                        "No such column '" + name + "' on sobject of type " + type.name());
            }
            if (type.isReadOnly(field)) {
                throw new ApiError(400, "INVALID_FIELD_FOR_INSERT_UPDATE", "Unable to create/update fields: "
                        + field + ". Please check the security settings of this field and verify that it is "
                        + "read/write for your profile or permission set.", List.of(field));
            }
            values.put(field, e.getValue());
        }
        return values;
    }
}
