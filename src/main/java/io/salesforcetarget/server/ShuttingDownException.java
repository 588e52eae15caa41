package io.salesforcetarget.server;

import io.salesforcetarget.failure.RetryLaterException;

/** The target is shutting down and takes no new event: 503, the broker delivers it to another replica or later. */
public class ShuttingDownException extends RetryLaterException {

    public ShuttingDownException() {
        super("the target is shutting down", "shutting-down");
    }
}
