package io.salesforcetarget.replay;

/** Another delivery of the same event (same source and id) is being processed right now: the sender gets 409. */
public class DuplicateInFlightException extends RuntimeException {

    public DuplicateInFlightException(String source, String id) {
        super("event " + id + " from " + source + " is already being processed", null, false, false);
    }
}
