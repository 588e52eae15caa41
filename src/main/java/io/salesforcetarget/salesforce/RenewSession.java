package io.salesforcetarget.salesforce;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import io.salesforcetarget.auth.SalesforceSession;
import io.salesforcetarget.auth.TokenCache;

/** Salesforce answered 401 to the session this exchange used: replace it (once, however many events saw it). */
public class RenewSession implements Processor {

    private final TokenCache tokens;

    public RenewSession(TokenCache tokens) {
        this.tokens = tokens;
    }

    @Override
    public void process(Exchange exchange) {
        tokens.renew(exchange.getProperty(SalesforceExchange.SESSION, SalesforceSession.class));
    }
}
