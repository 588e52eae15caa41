package com.example;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.builder.RouteBuilder;

import io.salesforcetarget.salesforce.SalesforceApiCallRoutes;

/**
 * A route of "another application": {@code direct:new-customer} takes a customer name, creates an Account through
 * the salesforce-target call route and answers the new Account's id.
 */
public class NewCustomerRoute extends RouteBuilder {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public void configure() {
        from("direct:new-customer").routeId("new-customer")
                .process(exchange -> {
                    ObjectNode request = MAPPER.createObjectNode()
                            .put("action", "POST").put("resource", "sobjects").put("object", "Account");
                    request.putObject("payload").put("Name", exchange.getMessage().getBody(String.class));
                    exchange.getMessage().setBody(MAPPER.writeValueAsBytes(request));
                }).id("build-request")
                // The call replaces the message headers: keep what you need in exchange properties.
                .to(SalesforceApiCallRoutes.API_CALL).id("create-account")
                .process(exchange -> exchange.getMessage().setBody(
                        MAPPER.readTree(exchange.getMessage().getBody(byte[].class)).get("id").asText()))
                .id("answer-id");
    }
}
