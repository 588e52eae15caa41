package io.salesforcetarget.salesforce;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * Keeps Salesforce's status code and body and drops every response header: none of them may reach the sender
 * ({@code Sforce-Limit-Info} was read by {@code SalesforceCallNotifier} for the API usage metrics before this).
 */
public class CaptureSalesforceResponse implements Processor {

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        int status = message.getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        // camel-http gives byte[] (or a stream for large bodies), and null for no body (204): only convert what
        // needs it, since Camel answers "null to byte[]" by trying to convert the message itself, every time.
        Object raw = message.getBody();
        byte[] body = raw == null || raw instanceof byte[] ? (byte[]) raw : message.getBody(byte[].class);
        message.getHeaders().clear();
        message.setHeader(SalesforceExchange.STATUS_CODE, status);
        exchange.setProperty(SalesforceExchange.LAST_STATUS, status);
        message.setBody(body == null ? new byte[0] : body);
    }
}
