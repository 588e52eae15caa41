package io.salesforcetarget.salesforce;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

import io.salesforcetarget.auth.SalesforceSession;
import io.salesforcetarget.auth.TokenCache;

/**
 * The token step of every Salesforce call, the target's own and those a route makes itself (Apex REST, Bulk API,
 * anything {@code direct:salesforce-apicall} does not cover): sets {@code Authorization: Bearer ...} and the headers
 * {@value #INSTANCE_URL} ({@code https://acme.my.salesforce.com}) and {@value #API_BASE}
 * ({@code {instance}/services/data/vNN.N}) from the shared session, logging in first if needed.
 * <p>
 * On a 401 from such a call, give the rejected session to {@link TokenCache#renew(SalesforceSession)} (it is in the
 * exchange property {@value #SESSION}) and send again: one re-login however many routes see the same 401.
 */
public class SalesforceBearerToken implements Processor {

    public static final String INSTANCE_URL = "SalesforceInstanceUrl";
    public static final String API_BASE = "SalesforceApiBase";
    /** Exchange property: the {@link SalesforceSession} whose token the call carries. */
    public static final String SESSION = "SalesforceBearerSession";

    private final TokenCache tokens;
    private final ApiVersionResolver versions;

    public SalesforceBearerToken(TokenCache tokens, ApiVersionResolver versions) {
        this.tokens = tokens;
        this.versions = versions;
    }

    @Override
    public void process(Exchange exchange) {
        SalesforceSession session = tokens.current();
        exchange.setProperty(SESSION, session);
        Message message = exchange.getMessage();
        message.setHeader("Authorization", "Bearer " + session.accessToken());
        message.setHeader(INSTANCE_URL, session.instanceUrl());
        message.setHeader(API_BASE, versions.apiBase(session));
    }
}
