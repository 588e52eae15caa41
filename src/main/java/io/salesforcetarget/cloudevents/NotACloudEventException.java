package io.salesforcetarget.cloudevents;

/** The HTTP request is not a valid CloudEvent 1.0 at all: the sender gets 400. */
public class NotACloudEventException extends RuntimeException {

    public NotACloudEventException(String message) {
        super(message, null, false, false);
    }
}
