package io.salesforcetarget.salesforce;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * Keeps Salesforce's status code and body and drops every response header (none of them may reach the sender),
 * after noting {@code Sforce-Limit-Info} for API usage.
 */
public class CaptureSalesforceResponse implements Processor {

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        int status = message.getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        String limitInfo = message.getHeader("Sforce-Limit-Info", String.class);
        if (limitInfo != null) {
            exchange.setProperty(SalesforceExchange.LIMIT_INFO, limitInfo);
        }
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
