package io.salesforcetarget.failure;

/**
 * The event itself is at fault: sending it again cannot help. It is acknowledged, with an error reply event when
 * the reply policy asks for one. {@code details} is any JSON-serialisable value (e.g. Salesforce's error body).
 */
public class EventFaultException extends RuntimeException {

    private final ErrorCode code;
    private final transient Object details;

    public EventFaultException(ErrorCode code, String description) {
        this(code, description, null);
    }

    public EventFaultException(ErrorCode code, String description, Object details) {
        super(description, null, false, false); // an expected outcome: no stack trace to fill or log
        this.code = code;
        this.details = details;
    }

    public ErrorCode code() {
        return code;
    }

    public String description() {
        return getMessage();
    }

    public Object details() {
        return details;
    }
}
