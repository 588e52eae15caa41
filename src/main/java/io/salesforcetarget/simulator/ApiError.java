package io.salesforcetarget.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** A REST failure; rendered once, as Salesforce does, as a JSON array of {message, errorCode[, fields]}. */
final class ApiError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    static final String NOT_FOUND_MESSAGE = "The requested resource does not exist";

    private final int status;
    private final String errorCode;
    private final List<String> fields;

    ApiError(int status, String errorCode, String message) {
        this(status, errorCode, message, null);
    }

    ApiError(int status, String errorCode, String message, List<String> fields) {
        super(message, null, false, false);
        this.status = status;
        this.errorCode = errorCode;
        this.fields = fields;
    }

    static ApiError notFound() {
        return new ApiError(404, "NOT_FOUND", NOT_FOUND_MESSAGE);
    }

    /**
     * A resource the simulated org does not implement: Salesforce's shape and code for an unknown resource, with a
     * message that says so, so that a wrong URL and a missing feature of the simulator can be told apart.
     */
    static ApiError notImplemented(String method, String path) {
        return new ApiError(404, "NOT_FOUND", NOT_FOUND_MESSAGE + ": the simulated org does not implement " + method
                + " " + path);
    }

    static ApiError unknownExternalIdField(String name) {
        return new ApiError(404, "NOT_FOUND", "Provided external ID field does not exist or is not accessible: " + name);
    }

    static ApiError methodNotAllowed(String method, String allowed) {
        return new ApiError(405, "METHOD_NOT_ALLOWED",
                "HTTP Method '" + method + "' not allowed. Allowed are " + allowed);
    }

    int status() {
        return status;
    }

    String errorCode() {
        return errorCode;
    }

    List<String> fields() {
        return fields;
    }

    ArrayNode toJson() {
        ObjectNode error = Json.object();
        if (fields != null) {
            ArrayNode f = error.putArray("fields");
            fields.forEach(f::add);
        }
        error.put("message", getMessage());
        error.put("errorCode", errorCode);
        ArrayNode array = Json.array();
        array.add(error);
        return array;
    }
}
