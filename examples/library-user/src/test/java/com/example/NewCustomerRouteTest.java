package com.example;

import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.salesforcetarget.failure.EventFaultException;
import io.salesforcetarget.salesforce.SalesforceLibrary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tests a route that uses the Salesforce call, without Salesforce: AdviceWith replaces the two HTTP calls, the
 * token request ({@code request-token} in route {@code salesforce-login}) and the API call ({@code http-request} in
 * route {@code salesforce-send}). Everything else (request validation, path building, headers, the response's
 * interpretation, the typed failures) runs as in production.
 */
class NewCustomerRouteTest extends CamelTestSupport {

    private final List<String> salesforceRequests = new CopyOnWriteArrayList<>();
    private volatile int salesforceStatus = 201;
    private volatile String salesforceBody = "{\"id\":\"001000000000001AAA\",\"success\":true,\"errors\":[]}";

    @Override
    public boolean isUseAdviceWith() {
        return true; // start the context after advising
    }

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties properties = new Properties();
        properties.put("salesforce.auth.client-id", "test-consumer-key");
        properties.put("salesforce.auth.server", "https://login.example.com");
        properties.put("salesforce.auth.user", "test@example.com");
        properties.put("salesforce.auth.cert-key", newPrivateKeyPem()); // any RSA key: nothing checks the signature
        properties.put("salesforce.api-version", "v59.0");
        return properties;
    }

    @Override
    protected RoutesBuilder[] createRouteBuilders() {
        return new RoutesBuilder[] { new SalesforceLibrary(), new NewCustomerRoute() };
    }

    @BeforeEach
    void fakeSalesforce() throws Exception {
        AdviceWith.adviceWith(context, "salesforce-login", route -> route.weaveById("request-token").replace()
                .process(exchange -> {
                    exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
                    exchange.getMessage().setBody("{\"access_token\":\"test-token\","
                            + "\"instance_url\":\"https://acme.my.salesforce.com\"}");
                }));
        AdviceWith.adviceWith(context, "salesforce-send", route -> route.weaveById("http-request").replace()
                .process(exchange -> {
                    Message message = exchange.getMessage();
                    salesforceRequests.add(message.getHeader(Exchange.HTTP_METHOD) + " "
                            + message.getHeader(Exchange.HTTP_URI) + " " + message.getHeader("Authorization") + " "
                            + message.getBody(String.class));
                    message.setHeader(Exchange.HTTP_RESPONSE_CODE, salesforceStatus);
                    message.setBody(salesforceBody);
                }));
        context.start();
    }

    @Test
    void createsAnAccountAndAnswersItsId() {
        String id = template.requestBody("direct:new-customer", "Jane Doe", String.class);

        assertThat(id).isEqualTo("001000000000001AAA");
        assertThat(salesforceRequests).containsExactly("POST https://acme.my.salesforce.com/services/data/v59.0"
                + "/sobjects/Account Bearer test-token {\"Name\":\"Jane Doe\"}");
    }

    @Test
    void aRequestSalesforceRejectsReachesTheCallerAsEventFaultException() {
        salesforceStatus = 400;
        salesforceBody = "[{\"message\":\"Required fields are missing: [Name]\",\"errorCode\":\"REQUIRED_FIELD_MISSING\"}]";

        assertThatThrownBy(() -> template.requestBody("direct:new-customer", "", String.class))
                .isInstanceOf(CamelExecutionException.class)
                .cause().isInstanceOf(EventFaultException.class)
                .hasMessageContaining("REQUIRED_FIELD_MISSING");
    }

    private static String newPrivateKeyPem() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            PrivateKey key = generator.generateKeyPair().getPrivate();
            return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, new byte[] { '\n' })
                    .encodeToString(key.getEncoded()) + "\n-----END PRIVATE KEY-----\n";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
