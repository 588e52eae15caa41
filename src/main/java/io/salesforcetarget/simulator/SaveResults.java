package io.salesforcetarget.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Per-record results of sObject Collections and sObject Tree. Inside a collection Salesforce names the error code
 * {@code statusCode} (not {@code errorCode}) and always sends {@code fields}; code and message are those the
 * single-record resource answers for the same record.
 */
final class SaveResults {

    static final String ROLLED_BACK = "ALL_OR_NONE_OPERATION_ROLLED_BACK";
    static final String ROLLED_BACK_MESSAGE =
            "Record rolled back because not all records were valid and the request was using AllOrNone header";

    private SaveResults() {
    }

    /** {"id"?,"success":false,"errors":[{"statusCode","message","fields"}]}; id only when the request named one. */
    static ObjectNode failure(String id, ApiError error) {
        ObjectNode out = Json.object();
        if (id != null) {
            out.put("id", id);
        }
        out.put("success", false);
        out.set("errors", errors(error));
        return out;
    }

    /** A record that would have been saved, undone because another failed under allOrNone. */
    static ObjectNode rolledBack(String id) {
        return failure(id, new ApiError(400, ROLLED_BACK, ROLLED_BACK_MESSAGE, List.of()));
    }

    static ArrayNode errors(ApiError error) {
        ArrayNode errors = Json.array();
        ObjectNode e = errors.addObject().put("statusCode", error.errorCode()).put("message", error.getMessage());
        ArrayNode fields = e.putArray("fields");
        if (error.fields() != null) {
            error.fields().forEach(fields::add);
        }
        return errors;
    }
}
