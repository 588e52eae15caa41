package io.salesforcetarget.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** Renders records the way the REST API does: an "attributes" object first, then the fields. */
final class RecordJson {

    private RecordJson() {
    }

    static String url(String versionPath, SObjectRecord record) {
        return versionPath + "/sobjects/" + record.type() + "/" + record.id();
    }

    /** The given fields (API names), in order; a null list means every field of the type. */
    static ObjectNode render(String versionPath, SObjectType type, SObjectRecord record, List<String> fields) {
        ObjectNode out = Json.object();
        out.putObject("attributes").put("type", record.type()).put("url", url(versionPath, record));
        for (String field : fields == null ? allFields(type) : fields) {
            JsonNode value = record.node(field);
            out.set(field, value == null ? Json.object().nullNode() : value);
        }
        return out;
    }

    /** Every standard field, then the custom fields defined so far: a retrieve without ?fields=. */
    static List<String> allFields(SObjectType type) {
        List<String> all = new ArrayList<>(type.standardFields());
        all.addAll(type.customFields());
        return all;
    }

    /** 300 Multiple Choices body: the URLs of the records an external ID matched. */
    static ArrayNode urls(String versionPath, List<SObjectRecord> records) {
        ArrayNode out = Json.array();
        records.forEach(r -> out.add(url(versionPath, r)));
        return out;
    }

    /** {"id","success":true,"errors":[]} plus "created" for upserts from v46.0 on. */
    static ObjectNode saveResult(String id, Boolean created) {
        ObjectNode out = Json.object().put("id", id).put("success", true);
        out.putArray("errors");
        if (created != null) {
            out.put("created", created);
        }
        return out;
    }

    static ApiError unknownColumn(String name, SObjectType type) {
        return new ApiError(400, "INVALID_FIELD", "No such column '" + name + "' on entity '" + type.name()
                + "'. If you are attempting to use a custom field, be sure to append the '__c' after the custom "
                + "field name. Please reference your WSDL or the describe call for the appropriate names.");
    }
}
