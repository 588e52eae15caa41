package io.salesforcetarget.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.hc.core5.http.message.BasicNameValuePair;
import org.apache.hc.core5.net.WWWFormCodec;

import io.salesforcetarget.failure.SalesforceErrorBody;

/**
 * The OAuth 2.0 JWT bearer login: {@code POST {server}/services/oauth2/token} with a fresh signed assertion.
 * Its result is a {@link SalesforceSession}; an OAuth error becomes a {@link LoginFailedException}.
 */
public class SalesforceLoginRoute extends RouteBuilder {

    public static final String LOGIN = "direct:salesforce-login";
    static final String GRANT_TYPE = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    public static final String LOGIN_HTTP_ENDPOINT = "http://salesforce-login";
    static final String LOGIN_HTTP = LOGIN_HTTP_ENDPOINT + "?throwExceptionOnFailure=false&userAgent=salesforce-target";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final JwtAssertionFactory assertions;
    private final String tokenUrl;
    private final boolean allowInsecureHttp;

    public SalesforceLoginRoute(JwtAssertionFactory assertions, String authServer) {
        this(assertions, authServer, false);
    }

    public SalesforceLoginRoute(JwtAssertionFactory assertions, String authServer, boolean allowInsecureHttp) {
        this.assertions = assertions;
        this.tokenUrl = authServer + "/services/oauth2/token";
        this.allowInsecureHttp = allowInsecureHttp;
    }

    @Override
    public void configure() {
        from(LOGIN).routeId("salesforce-login")
                .errorHandler(noErrorHandler())
                .removeHeaders("*").id("drop-login-headers")
                .process(this::createTokenRequest).id("create-token-request")
                .to(LOGIN_HTTP).id("request-token")
                .process(SalesforceLoginRoute::readTokenResponse).id("read-token-response")
                .process(this::checkInstanceTransport).id("check-instance-transport");
    }

    private void createTokenRequest(Exchange exchange) {
        Message message = exchange.getMessage();
        message.setHeader(Exchange.HTTP_URI, tokenUrl);
        message.setHeader(Exchange.HTTP_METHOD, "POST");
        message.setHeader(Exchange.CONTENT_TYPE, "application/x-www-form-urlencoded");
        message.setHeader("Accept", "application/json");
        message.setBody(WWWFormCodec.format(List.of(
                new BasicNameValuePair("grant_type", GRANT_TYPE),
                new BasicNameValuePair("assertion", assertions.newAssertion())), StandardCharsets.UTF_8));
    }

    static void readTokenResponse(Exchange exchange) {
        Message message = exchange.getMessage();
        int status = message.getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        byte[] body = message.getBody(byte[].class);
        message.getHeaders().clear();
        if (status != 200) {
            SalesforceErrorBody error = SalesforceErrorBody.of(body);
            String code = error.errorCode() != null ? error.errorCode() : "http-" + status;
            throw new LoginFailedException(code, status + " " + code
                    + (error.message() != null ? ": " + error.message() : ""));
        }
        JsonNode answer;
        try {
            answer = MAPPER.readTree(body);
        } catch (IOException e) {
            throw new LoginFailedException("invalid-token-response", "the token response is not JSON");
        }
        if (answer == null || !answer.hasNonNull("access_token") || !answer.hasNonNull("instance_url")) {
            throw new LoginFailedException("invalid-token-response",
                    "the token response has no access_token or instance_url");
        }
        message.setBody(new SalesforceSession(answer.get("access_token").asText(),
                trimTrailingSlash(answer.get("instance_url").asText())));
    }

    /** The token goes to instance_url on every call: never over plain http:// beyond loopback unless allowed. */
    private void checkInstanceTransport(Exchange exchange) {
        SalesforceSession session = exchange.getMessage().getBody(SalesforceSession.class);
        if (!TransportPolicy.isAllowedScheme(java.net.URI.create(session.instanceUrl()), allowInsecureHttp)) {
            throw new LoginFailedException("insecure-instance-url", "instance_url " + session.instanceUrl()
                    + " uses plain http:// on a host that is not loopback; set SALESFORCE_ALLOW_INSECURE_HTTP=true"
                    + " to allow it");
        }
    }

    private static String trimTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
