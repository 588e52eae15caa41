package io.salesforcetarget.salesforce;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import io.salesforcetarget.failure.SalesforceErrorBody;

/**
 * Turns a transient answer (408, 429, 5xx) into a {@link SalesforceUnavailableException} right after the HTTP
 * call, so that the redelivery of {@code send-request} can repeat it when the retry policy allows.
 */
public class FailOnTransientStatus implements Processor {

    @Override
    public void process(Exchange exchange) {
        int status = exchange.getMessage().getHeader(SalesforceExchange.STATUS_CODE, Integer.class);
        if (FailureClasses.isTransient(status)) {
            byte[] body = exchange.getMessage().getBody(byte[].class);
            throw new SalesforceUnavailableException(status, SalesforceErrorBody.of(body).errorCode());
        }
    }
}
