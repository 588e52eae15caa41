package io.salesforcetarget.salesforce;

import io.salesforcetarget.failure.RetryLaterException;

/** Salesforce answered, but not for the event's fault: 5xx, 429, 403 REQUEST_LIMIT_EXCEEDED, 401 after a new login. */
public class SalesforceUnavailableException extends RetryLaterException {

    private final int statusCode;

    public SalesforceUnavailableException(int statusCode, String salesforceErrorCode) {
        super("Salesforce answered " + statusCode + (salesforceErrorCode == null ? "" : " " + salesforceErrorCode),
                salesforceErrorCode == null ? "http-" + statusCode : salesforceErrorCode);
        this.statusCode = statusCode;
    }

    public int statusCode() {
        return statusCode;
    }
}
