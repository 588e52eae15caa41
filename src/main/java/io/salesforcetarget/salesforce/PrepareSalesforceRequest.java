package io.salesforcetarget.salesforce;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.component.http.HttpMethods;

import io.salesforcetarget.apicall.ApiCallRequest;

/**
 * After {@link SalesforceBearerToken}, on a message whose other headers were all removed before: sets exactly what
 * the Salesforce call needs besides the token (URL, method, JSON content type and body). The token step's
 * instance and API base headers build the URL and do not go to Salesforce; nothing of the inbound request does.
 */
public class PrepareSalesforceRequest implements Processor {

    @Override
    public void process(Exchange exchange) {
        ApiCallRequest request = exchange.getProperty(ApiCallRequest.PROPERTY, ApiCallRequest.class);
        Message message = exchange.getMessage();
        message.removeHeader(SalesforceBearerToken.INSTANCE_URL);
        String apiBase = (String) message.removeHeader(SalesforceBearerToken.API_BASE);
        message.setHeader(Exchange.HTTP_URI,
                apiBase + "/" + exchange.getProperty(SalesforceExchange.ENCODED_PATH, String.class));
        // The enum camel-http reads: a String would be converted on every call, by Camel's slow fallback lookup.
        message.setHeader(Exchange.HTTP_METHOD, HttpMethods.valueOf(request.method()));
        message.setHeader("Accept", "application/json");
        if (request.body() != null) {
            message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        }
        message.setBody(request.body());
    }
}
