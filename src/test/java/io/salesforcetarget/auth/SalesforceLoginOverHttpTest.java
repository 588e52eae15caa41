package io.salesforcetarget.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.jsonwebtoken.Jwts;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.salesforcetarget.simulator.TestKeys;

/** The login route unmodified, camel-http included, against a fake token endpoint on 127.0.0.1. */
class SalesforceLoginOverHttpTest extends CamelTestSupport {

    record TokenRequest(String method, String path, Map<String, List<String>> headers, String body) {
    }

    private final List<TokenRequest> received = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile String answer;
    private HttpServer server;

    @Override
    protected RoutesBuilder[] createRouteBuilders() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::tokenEndpoint);
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        answer = "{\"access_token\":\"00D!token\",\"instance_url\":\"" + url + "/\",\"token_type\":\"Bearer\"}";
        return new RoutesBuilder[] { new SalesforceLoginRoute(new JwtAssertionFactory("consumer-key", "user@example.com",
                url, TestKeys.privateKey(), Clock.systemUTC()), url) };
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private void tokenEndpoint(HttpExchange exchange) throws IOException {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(exchange.getRequestHeaders());
        received.add(new TokenRequest(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), headers,
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
        byte[] body = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private SalesforceSession login() {
        return new SalesforceLogin(template, "user@example.com").get();
    }

    @Test
    void jwtBearerGrantIsPostedAsAForm() {
        SalesforceSession session = login();

        assertThat(session.accessToken()).isEqualTo("00D!token");
        assertThat(session.instanceUrl()).isEqualTo("http://127.0.0.1:" + server.getAddress().getPort());
        TokenRequest request = received.get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/services/oauth2/token");
        assertThat(request.headers().get("Content-Type")).singleElement()
                .satisfies(value -> assertThat(value).startsWith("application/x-www-form-urlencoded"));
        assertThat(request.headers().get("User-Agent")).containsExactly("salesforce-target");
        assertThat(request.body()).startsWith("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion=");
        String assertion = URLDecoder.decode(request.body().substring(request.body().indexOf("assertion=") + 10),
                StandardCharsets.UTF_8);
        assertThat(Jwts.parser().verifyWith(TestKeys.publicKey()).build().parseSignedClaims(assertion).getPayload()
                .getSubject()).isEqualTo("user@example.com");
    }

    @Test
    void oauthErrorIsReadFromTheErrorResponse() {
        status = 400;
        answer = "{\"error\":\"invalid_grant\",\"error_description\":\"audience is invalid\"}";

        assertThatThrownBy(this::login).isInstanceOfSatisfying(LoginFailedException.class, e -> {
            assertThat(e.oauthError()).isEqualTo("invalid_grant");
            assertThat(e.getMessage()).isEqualTo("Salesforce login failed: 400 invalid_grant: audience is invalid");
        });
    }
}
