package io.salesforcetarget.salesforce;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import io.salesforcetarget.apicall.ApiCallRequest;
import io.salesforcetarget.apicall.PathSegments;
import io.salesforcetarget.failure.ErrorCode;
import io.salesforcetarget.failure.EventFaultException;

/** Encodes the request's path segments and query once; each attempt prefixes them with instance and version. */
public class BuildRequestPath implements Processor {

    /**
     * Salesforce refuses a URI plus headers over 16,384 bytes (414 or 431); what stays below that once the prefix
     * and the headers are added. A longer request can never succeed: it is the event's fault, never sent (a server
     * may also just drop the connection, which would make the event come back forever).
     */
    static final int MAX_ENCODED_LENGTH = 16_000;

    @Override
    public void process(Exchange exchange) {
        ApiCallRequest request = exchange.getProperty(ApiCallRequest.PROPERTY, ApiCallRequest.class);
        String encoded = PathSegments.encode(request);
        if (encoded.length() > MAX_ENCODED_LENGTH) {
            throw new EventFaultException(ErrorCode.REQUEST_VALIDATION, "resource, object, record and query are " + encoded.length()
                    + " characters once encoded; Salesforce accepts at most " + MAX_ENCODED_LENGTH);
        }
        exchange.setProperty(SalesforceExchange.ENCODED_PATH, encoded);
    }
}
