package io.salesforcetarget.failure;

/** The error codes of error reply events, spelled as the original adapter spelled them on the wire. */
public enum ErrorCode {
    /** The event's type is not one this target handles. */
    EVENT_CONTEXT("event-context"),
    /** The event's data is not the request JSON. */
    REQUEST_PARSING("request-parsing"),
    /** The request JSON is well formed but not a valid request (missing action, bad path segment, ...). */
    REQUEST_VALIDATION("request-validation"),
    /** Salesforce refused the request (4xx). */
    ADAPTER_PROCESS("adapter-process"),
    /** Salesforce succeeded but its answer is not JSON. */
    RESPONSE_PARSING("response-parsing");

    private final String wireName;

    ErrorCode(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
