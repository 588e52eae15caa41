package io.salesforcetarget.salesforce;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;

/**
 * Runs the Salesforce call through {@value SalesforceApiCallRoutes#SEND_RETRYING} (Camel's redelivery error
 * handler, driven by {@link SalesforceRetryPolicy}) on a copy of the exchange, then takes its result back.
 * <p>
 * Why a copy: Camel marks an exchange whose redeliveries are exhausted as done, and the caller's onException would
 * then never see the failure. The copy carries that mark; this exchange gets only the plain exception.
 */
public class SendWithRetries implements Processor {

    private static final String[] RESULT_PROPERTIES = { SalesforceExchange.SESSION, SalesforceExchange.LAST_STATUS,
            SalesforceRetryPolicy.FAILED_ATTEMPTS };

    private final ProducerTemplate template;

    public SendWithRetries(ProducerTemplate template) {
        this.template = template;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Exchange attempt = template.send(SalesforceApiCallRoutes.SEND_RETRYING, exchange.copy());
        for (String property : RESULT_PROPERTIES) {
            Object value = attempt.getProperty(property);
            if (value != null) {
                exchange.setProperty(property, value);
            }
        }
        if (attempt.getException() != null) {
            throw attempt.getException();
        }
        exchange.getMessage().copyFrom(attempt.getMessage());
    }
}
