package io.salesforcetarget.auth;

import io.salesforcetarget.failure.RetryLaterException;

/**
 * The token request failed: Salesforce answered an OAuth error ({@code invalid_grant}, {@code invalid_client_id}, ...),
 * or the login server was unreachable. Never the event's fault, so the sender is told to retry.
 */
public class LoginFailedException extends RetryLaterException {

    private final String oauthError;

    public LoginFailedException(String oauthError, String message) {
        super("Salesforce login failed: " + message, oauthError);
        this.oauthError = oauthError;
    }

    public LoginFailedException(String message, Throwable cause) {
        super("Salesforce login failed: " + message, "login-unavailable", cause);
        this.oauthError = null;
    }

    /** Salesforce's {@code error} field, e.g. {@code invalid_grant}; null when the server was not reached. */
    public String oauthError() {
        return oauthError;
    }
}
