package io.salesforcetarget.failure;

/** The request lacks the configured inbound credentials: 401, with no detail of what was wrong. */
public class UnauthenticatedException extends RuntimeException {

    private final String challenge;

    public UnauthenticatedException(String challenge) {
        super("authentication required", null, false, false);
        this.challenge = challenge;
    }

    /** The {@code WWW-Authenticate} value to answer with. */
    public String challenge() {
        return challenge;
    }
}
