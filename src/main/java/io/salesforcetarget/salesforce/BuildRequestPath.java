package io.salesforcetarget.salesforce;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** Encodes the request's path segments and query once; each attempt prefixes them with instance and version. */
public class BuildRequestPath implements Processor {

    @Override
    public void process(Exchange exchange) {
        ApiCallRequest request = exchange.getProperty(SalesforceExchange.REQUEST, ApiCallRequest.class);
        exchange.setProperty(SalesforceExchange.ENCODED_PATH, PathSegments.encode(request));
    }
}
