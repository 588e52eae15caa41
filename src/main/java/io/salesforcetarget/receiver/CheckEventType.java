package io.salesforcetarget.receiver;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import io.salesforcetarget.cloudevents.InboundEvent;
import io.salesforcetarget.failure.ErrorCode;
import io.salesforcetarget.failure.EventFaultException;

/** Only {@value #API_CALL_TYPE} events name a Salesforce call; any other type gets an {@code event-context} error. */
public class CheckEventType implements Processor {

    public static final String API_CALL_TYPE = "io.triggermesh.salesforce.apicall";

    @Override
    public void process(Exchange exchange) {
        String type = exchange.getProperty(InboundEvent.PROPERTY, InboundEvent.class).event().getType();
        if (!API_CALL_TYPE.equals(type)) {
            throw new EventFaultException(ErrorCode.EVENT_CONTEXT,
                    "event type '" + type + "' is not supported; expected " + API_CALL_TYPE);
        }
    }
}
