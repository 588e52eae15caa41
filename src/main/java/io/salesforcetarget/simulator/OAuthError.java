package io.salesforcetarget.simulator;

/** A token-endpoint failure, answered as 400 {"error", "error_description"}. */
final class OAuthError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    static final String INVALID_ASSERTION = "invalid assertion";

    private final String error;

    OAuthError(String error, String description) {
        super(description, null, false, false);
        this.error = error;
    }

    static OAuthError invalidGrant(String description) {
        return new OAuthError("invalid_grant", description);
    }

    String error() {
        return error;
    }

    String description() {
        return getMessage();
    }
}
