package io.salesforcetarget.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jwts;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.salesforcetarget.simulator.TestKeys;

/**
 * {@code salesforce-login} with the token request ({@code request-token}) replaced by a fake token endpoint that
 * records the request and answers from a script. Failures are read through {@link SalesforceLogin}, as
 * {@link TokenCache} sees them.
 */
class SalesforceLoginRouteTest extends CamelTestSupport {

    private static final String SERVER = "http://127.0.0.1:1";
    private static final String TOKEN_ANSWER = "{\"access_token\":\"00Dx0000000BV7z!AR8AQ.token\",\"scope\":\"web api\","
            + "\"instance_url\":\"https://acme.my.salesforce.com/\",\"id\":\"https://login.salesforce.com/id/"
            + "00Dx0000000BV7zEAG/005x0000001S2b9AAC\",\"token_type\":\"Bearer\"}";

    record TokenRequest(String uri, String method, Map<String, Object> headers, Map<String, String> form) {
    }

    private final List<TokenRequest> tokenRequests = new CopyOnWriteArrayList<>();
    private final Deque<Processor> answers = new ArrayDeque<>();

    @Override
    public boolean isUseAdviceWith() {
        return true;
    }

    @Override
    protected RoutesBuilder[] createRouteBuilders() {
        return new RoutesBuilder[] { new SalesforceLoginRoute(new JwtAssertionFactory("3MVG9-consumer-key",
                "integration@example.com", SERVER, TestKeys.privateKey(), Clock.systemUTC()), SERVER) };
    }

    @BeforeEach
    void fakeTokenEndpoint() throws Exception {
        AdviceWith.adviceWith(context, "salesforce-login", route -> route.weaveById("request-token").replace()
                .process(exchange -> {
                    Message message = exchange.getMessage();
                    tokenRequests.add(new TokenRequest(message.getHeader(Exchange.HTTP_URI, String.class),
                            message.getHeader(Exchange.HTTP_METHOD, String.class),
                            new LinkedHashMap<>(message.getHeaders()), form(message.getBody(String.class))));
                    (answers.isEmpty() ? answer(200, TOKEN_ANSWER) : answers.poll()).process(exchange);
                }));
        context.start();
    }

    private static Processor answer(int status, String body) {
        return exchange -> {
            exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
            exchange.getMessage().setHeader("Set-Cookie", "BrowserId=abc");
            exchange.getMessage().setHeader("Cache-Control", "no-store");
            exchange.getMessage().setBody(body.getBytes(StandardCharsets.UTF_8));
        };
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            String[] nameValue = pair.split("=", 2);
            form.put(URLDecoder.decode(nameValue[0], StandardCharsets.UTF_8),
                    URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8));
        }
        return form;
    }

    private SalesforceSession login() {
        return new SalesforceLogin(template, "integration@example.com").get();
    }

    @Test
    void tokenRequestIsAJwtBearerGrantPostedToTheTokenEndpoint() {
        Exchange result = template.send(SalesforceLoginRoute.LOGIN, exchange -> {
            exchange.getMessage().setHeader("Cookie", "session=inbound-secret");
            exchange.getMessage().setHeader(Exchange.HTTP_QUERY, "x=1");
            exchange.getMessage().setHeader(Exchange.HTTP_URI, "http://evil.example.com/");
        });
        assertThat(result.getException()).isNull();

        TokenRequest request = tokenRequests.get(0);
        assertThat(request.uri()).isEqualTo(SERVER + "/services/oauth2/token");
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.headers()).containsOnlyKeys(Exchange.HTTP_URI, Exchange.HTTP_METHOD, Exchange.CONTENT_TYPE,
                "Accept");
        assertThat(request.headers()).containsEntry(Exchange.CONTENT_TYPE, "application/x-www-form-urlencoded")
                .containsEntry("Accept", "application/json");
        assertThat(request.form()).containsOnlyKeys("grant_type", "assertion")
                .containsEntry("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer");

        Claims claims = Jwts.parser().verifyWith(TestKeys.publicKey()).build()
                .parseSignedClaims(request.form().get("assertion")).getPayload();
        assertThat(claims.getIssuer()).isEqualTo("3MVG9-consumer-key");
        assertThat(claims.getSubject()).isEqualTo("integration@example.com");
        assertThat(claims.getAudience()).containsExactly(SERVER);
    }

    @Test
    void successGivesTheSessionWithTheInstanceUrlTrimmed() {
        Exchange result = template.send(SalesforceLoginRoute.LOGIN, exchange -> { });

        assertThat(result.getMessage().getBody()).isEqualTo(
                new SalesforceSession("00Dx0000000BV7z!AR8AQ.token", "https://acme.my.salesforce.com"));
        assertThat(result.getMessage().getHeaders()).as("nothing of the token response is kept").isEmpty();
        assertThat(login()).isEqualTo(new SalesforceSession("00Dx0000000BV7z!AR8AQ.token", "https://acme.my.salesforce.com"));
    }

    @Test
    void oauthErrorIsALoginFailureWithCodeAndDescription() {
        answers.add(answer(400, "{\"error\":\"invalid_grant\",\"error_description\":\"user hasn't approved this consumer\"}"));

        assertThatThrownBy(this::login).isInstanceOfSatisfying(LoginFailedException.class, e -> {
            assertThat(e.oauthError()).isEqualTo("invalid_grant");
            assertThat(e.reason()).isEqualTo("invalid_grant");
            assertThat(e.getMessage())
                    .isEqualTo("Salesforce login failed: 400 invalid_grant: user hasn't approved this consumer");
        });
    }

    @Test
    void unknownClientIsALoginFailure() {
        answers.add(answer(400, "{\"error\":\"invalid_client_id\",\"error_description\":\"client identifier invalid\"}"));
        assertThatThrownBy(this::login).isInstanceOfSatisfying(LoginFailedException.class,
                e -> assertThat(e.oauthError()).isEqualTo("invalid_client_id"));
    }

    @Test
    void errorWithoutJsonIsALoginFailureNamedByStatus() {
        answers.add(answer(503, "<html>Service Unavailable</html>"));
        assertThatThrownBy(this::login).isInstanceOfSatisfying(LoginFailedException.class, e -> {
            assertThat(e.oauthError()).isEqualTo("http-503");
            assertThat(e.getMessage()).isEqualTo("Salesforce login failed: 503 http-503");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = { "<html>login</html>", "", "[]", "{\"instance_url\":\"https://acme.my.salesforce.com\"}",
            "{\"access_token\":\"t\"}", "{\"access_token\":null,\"instance_url\":\"https://acme.my.salesforce.com\"}" })
    void unusableTokenResponseIsALoginFailure(String body) {
        answers.add(answer(200, body));
        assertThatThrownBy(this::login).isInstanceOfSatisfying(LoginFailedException.class,
                e -> assertThat(e.oauthError()).isEqualTo("invalid-token-response"));
    }

    @Test
    void unreachableLoginServerIsALoginFailure() {
        answers.add(exchange -> {
            throw new ConnectException("Connection refused");
        });
        assertThatThrownBy(this::login).isInstanceOfSatisfying(LoginFailedException.class, e -> {
            assertThat(e.oauthError()).isNull();
            assertThat(e.reason()).isEqualTo("login-unavailable");
            assertThat(e.getMessage()).contains("ConnectException");
        });
    }

    @Test
    void failedLoginIsRetriedByTheTokenCache() {
        answers.add(answer(400, "{\"error\":\"invalid_grant\",\"error_description\":\"invalid assertion\"}"));
        TokenCache cache = new TokenCache(new SalesforceLogin(template, "integration@example.com"));

        assertThatThrownBy(cache::current).isInstanceOf(LoginFailedException.class);
        assertThat(cache.current().instanceUrl()).isEqualTo("https://acme.my.salesforce.com");
        assertThat(tokenRequests).hasSize(2);
    }
}
