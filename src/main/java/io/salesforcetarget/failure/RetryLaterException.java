package io.salesforcetarget.failure;

/**
 * A failure that is not the event's fault (Salesforce down, overloaded or unreachable, login impossible): the
 * event must not be acknowledged, so the sender gets 503 with Retry-After and delivers it again.
 */
public class RetryLaterException extends RuntimeException {

    private final String reason;

    public RetryLaterException(String message, String reason) {
        super(message);
        this.reason = reason;
    }

    public RetryLaterException(String message, String reason, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** A short machine-readable reason: Salesforce's error code, or ours (e.g. {@code login-unavailable}). */
    public String reason() {
        return reason;
    }
}
