package io.salesforcetarget.cloudevents;

import io.cloudevents.CloudEvent;

/** The CloudEvent received, and whether it came in structured mode (the reply uses the same mode). */
public record InboundEvent(CloudEvent event, boolean structured) {

    /** Exchange property holding the {@link InboundEvent}. */
    public static final String PROPERTY = "SalesforceTargetInboundEvent";
}
