package io.salesforcetarget.salesforce;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.component.http.HttpMethods;

import io.salesforcetarget.apicall.ApiCallRequest;
import io.salesforcetarget.auth.SalesforceSession;
import io.salesforcetarget.auth.TokenCache;

/**
 * Sets exactly what the Salesforce call needs on a message whose headers were all removed before: URL, method,
 * bearer token, JSON content type and body. Nothing of the inbound request reaches Salesforce.
 */
public class PrepareSalesforceRequest implements Processor {

    private final TokenCache tokens;
    private final ApiVersionResolver versions;

    public PrepareSalesforceRequest(TokenCache tokens, ApiVersionResolver versions) {
        this.tokens = tokens;
        this.versions = versions;
    }

    @Override
    public void process(Exchange exchange) {
        ApiCallRequest request = exchange.getProperty(ApiCallRequest.PROPERTY, ApiCallRequest.class);
        SalesforceSession session = tokens.current();
        String url = versions.apiBase(session) + "/" + exchange.getProperty(SalesforceExchange.ENCODED_PATH, String.class);
        exchange.setProperty(SalesforceExchange.SESSION, session);

        Message message = exchange.getMessage();
        message.setHeader(Exchange.HTTP_URI, url);
        // The enum camel-http reads: a String would be converted on every call, by Camel's slow fallback lookup.
        message.setHeader(Exchange.HTTP_METHOD, HttpMethods.valueOf(request.method()));
        message.setHeader("Authorization", "Bearer " + session.accessToken());
        message.setHeader("Accept", "application/json");
        if (request.body() != null) {
            message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        }
        message.setBody(request.body());
    }
}
