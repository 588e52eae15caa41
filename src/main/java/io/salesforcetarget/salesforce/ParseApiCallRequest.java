package io.salesforcetarget.salesforce;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import io.salesforcetarget.apicall.ApiCallRequest;
import io.salesforcetarget.apicall.ApiCallRequestParser;

/** Reads the request JSON from the body (or takes an {@link ApiCallRequest} as is) into the property {@value ApiCallRequest#PROPERTY}. */
public class ParseApiCallRequest implements Processor {

    @Override
    public void process(Exchange exchange) {
        Object body = exchange.getMessage().getBody();
        ApiCallRequest request = body instanceof ApiCallRequest given
                ? given
                : ApiCallRequestParser.parse(exchange.getMessage().getBody(byte[].class));
        exchange.setProperty(ApiCallRequest.PROPERTY, request);
    }
}
