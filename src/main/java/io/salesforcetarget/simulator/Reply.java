package io.salesforcetarget.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * One answer to a REST call before it is written: a top-level call writes it as HTTP (with Sforce-Limit-Info),
 * a composite subrequest embeds it in the composite answer. {@code body} null means no content.
 */
record Reply(int status, JsonNode body, Map<String, String> headers) {

    static Reply json(int status, JsonNode body) {
        return new Reply(status, body, Map.of());
    }

    static Reply noContent() {
        return new Reply(204, null, Map.of());
    }

    /** Salesforce's error array, e.g. 404 [{"message","errorCode"}]. */
    static Reply error(ApiError error) {
        return new Reply(error.status(), error.toJson(), Map.of());
    }

    boolean failed() {
        return status >= 400;
    }
}
