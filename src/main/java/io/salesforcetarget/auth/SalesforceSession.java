package io.salesforcetarget.auth;

/**
 * What a successful login gives: the access token and the instance to call. {@link #toString()} hides the token.
 */
public record SalesforceSession(String accessToken, String instanceUrl) {

    @Override
    public String toString() {
        return "SalesforceSession[instanceUrl=" + instanceUrl + ", accessToken=****]";
    }
}
