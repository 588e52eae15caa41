package io.salesforcetarget.replay;

import io.salesforcetarget.failure.RetryLaterException;

/**
 * The event store could not be read or written in time. Not the event's fault, and no claim was recorded: the event
 * is not sent to Salesforce, and the sender gets 503 + Retry-After.
 */
public class StoreUnavailableException extends RetryLaterException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, "event-store-unavailable", cause);
    }
}
