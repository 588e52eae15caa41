package io.salesforcetarget.simulator;

import com.fasterxml.jackson.databind.JsonNode;

/** Salesforce's 400s for a request body of the wrong shape or an sObject type the org lacks. */
final class JsonShape {

    private JsonShape() {
    }

    /** Jackson's wording, as Salesforce's JSON_PARSER_ERROR carries it. */
    static ApiError cannotDeserialize(String what, JsonNode found) {
        return new ApiError(400, "JSON_PARSER_ERROR", "Cannot deserialize instance of " + what + " from "
                + found.getNodeType().name() + " value at [line:1, column:1]");
    }

    /** The INVALID_TYPE wording of a SOQL query on an unknown sObject. */
    static ApiError unsupportedType(String name) {
        return new ApiError(400, "INVALID_TYPE", "sObject type '" + name + "' is not supported. If you are "
                + "attempting to use a custom object, be sure to append the '__c' after the entity name. Please "
                + "reference your WSDL or the describe call for the appropriate names.");
    }
}
