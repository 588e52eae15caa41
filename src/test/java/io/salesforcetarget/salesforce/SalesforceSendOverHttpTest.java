package io.salesforcetarget.salesforce;

import io.salesforcetarget.apicall.OperationAllowlist;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.salesforcetarget.auth.SalesforceSession;
import io.salesforcetarget.auth.TokenCache;
import io.salesforcetarget.failure.CamelCalls;
import io.salesforcetarget.settings.Coalescing;
import io.salesforcetarget.settings.EventStoreSettings;
import io.salesforcetarget.settings.Reliability;
import io.salesforcetarget.settings.ReplyPolicy;
import io.salesforcetarget.settings.Security;
import io.salesforcetarget.settings.TargetSettings;
import io.salesforcetarget.simulator.TestKeys;

/**
 * The Salesforce call routes unmodified, camel-http included, against a local HTTP server on 127.0.0.1: what
 * actually goes on the wire (raw path and query, headers) and what comes back.
 */
class SalesforceSendOverHttpTest extends CamelTestSupport {

    /** Headers the HTTP client adds for the connection itself. */
    private static final List<String> TRANSPORT = List.of("host", "connection", "content-length", "accept-encoding",
            "transfer-encoding");

    record WireRequest(String method, String rawPathAndQuery, Map<String, List<String>> headers, String body) {
    }

    private final List<WireRequest> received = new CopyOnWriteArrayList<>();
    private final Deque<Integer> statuses = new ArrayDeque<>();
    private final AtomicInteger logins = new AtomicInteger();
    private HttpServer server;
    /** The instance URL the next login gives. */
    private volatile String instance;

    /** The HTTP client is configured as in production: timeouts, no redirects, no cookie store. */
    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camel = super.createCamelContext();
        camel.addService(SalesforceHttpClient.configure(camel.getComponent("http", HttpComponent.class),
                new TargetSettings("client", "https://login.example.com", "user", TestKeys.privateKey(), "v59.0",
                        ReplyPolicy.ALWAYS, Duration.ofSeconds(10), "test-source", 5, Reliability.defaults(),
                        Security.defaults(), false, Coalescing.off(), EventStoreSettings.memory())));
        return camel;
    }

    @Override
    protected RoutesBuilder[] createRouteBuilders() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::salesforce);
        server.start();
        instance = "http://127.0.0.1:" + server.getAddress().getPort();
        TokenCache tokens = new TokenCache(() -> new SalesforceSession("token-" + logins.incrementAndGet(), instance));
        return new RoutesBuilder[] { new SalesforceApiCallRoutes(tokens, new ApiVersionResolver("v59.0", s -> {
            throw new AssertionError("configured");
        }),
                new SalesforceRetryPolicy(1, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ZERO), // no retries
                OperationAllowlist.allowingEverything(), new CallSlots(10, Duration.ofSeconds(1)), Coalescing.off()) };
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private void salesforce(HttpExchange exchange) throws IOException {
        Map<String, List<String>> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
        String query = exchange.getRequestURI().getRawQuery();
        received.add(new WireRequest(exchange.getRequestMethod(),
                exchange.getRequestURI().getRawPath() + (query == null ? "" : "?" + query), headers,
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
        int status = statuses.isEmpty() ? 200 : statuses.poll();
        byte[] body = exchange.getRequestURI().getPath().equals("/services/data")
                ? "[{\"version\":\"20.0\"},{\"version\":\"66.0\"},{\"version\":\"9.0\"}]".getBytes(StandardCharsets.UTF_8)
                : (status == 401
                ? "[{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\"}]"
                : "{\"ok\":true}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json;charset=UTF-8");
        exchange.getResponseHeaders().add("Sforce-Limit-Info", "api-usage=18/5000");
        exchange.getResponseHeaders().add("Set-Cookie", "BrowserId=abc; Path=/");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private Exchange call(String requestJson) {
        return template.send(SalesforceApiCallRoutes.API_CALL, exchange -> {
            exchange.getMessage().setHeader("Cookie", "session=inbound-secret");
            exchange.getMessage().setHeader("Authorization", "Basic aW5ib3VuZDpzZWNyZXQ=");
            exchange.getMessage().setHeader("ce-id", "event-1");
            exchange.getMessage().setHeader(Exchange.HTTP_PATH, "/evil");
            exchange.getMessage().setHeader(Exchange.HTTP_QUERY, "injected=1");
            exchange.getMessage().setBody(requestJson.getBytes(StandardCharsets.UTF_8));
        });
    }

    @Test
    void encodedPathAndQueryArriveAsBuilt() {
        Exchange result = call("{\"action\":\"GET\",\"resource\":\"sobjects\",\"object\":\"Account\","
                + "\"record\":\"ExtId__c/a?b#c/%2e%2e/50% off\",\"query\":{\"q\":\"SELECT Id FROM Account WHERE Name = 'A&B'\"}}");

        assertThat(result.getException()).isNull();
        assertThat(received).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("GET");
            assertThat(request.rawPathAndQuery()).isEqualTo("/services/data/v59.0/sobjects/Account/ExtId__c/a%3Fb%23c"
                    + "/%252e%252e/50%25%20off?q=SELECT+Id+FROM+Account+WHERE+Name+%3D+%27A%26B%27");
        });
    }

    @Test
    void onlyAuthorizationAcceptAndUserAgentGoOnTheWireWithoutPayload() {
        call("{\"action\":\"GET\",\"resource\":\"limits\"}");

        Map<String, List<String>> headers = received.get(0).headers();
        assertThat(headers.keySet()).filteredOn(name -> !TRANSPORT.contains(name))
                .containsExactlyInAnyOrder("authorization", "accept", "user-agent");
        assertThat(headers.get("authorization")).containsExactly("Bearer token-1");
        assertThat(headers.get("accept")).containsExactly("application/json");
        assertThat(headers.get("user-agent")).containsExactly("salesforce-target");
        assertThat(received.get(0).body()).isEmpty();
    }

    @Test
    void payloadGoesOnTheWireAsJson() {
        Exchange result = call("{\"action\":\"PATCH\",\"resource\":\"sobjects\",\"object\":\"Account\","
                + "\"record\":\"001D000000IqhSLIAZ\",\"payload\":{\"Name\":\"Acme \u00e9\"}}");

        assertThat(result.getException()).isNull();
        WireRequest request = received.get(0);
        assertThat(request.method()).isEqualTo("PATCH");
        assertThat(request.headers().keySet()).filteredOn(name -> !TRANSPORT.contains(name))
                .containsExactlyInAnyOrder("authorization", "accept", "user-agent", "content-type");
        assertThat(request.headers().get("content-type")).singleElement()
                .satisfies(value -> assertThat(value).startsWith("application/json"));
        assertThat(request.body()).isEqualTo("{\"Name\":\"Acme \u00e9\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = { "GET", "DELETE" })
    void aPayloadGoesWithGetAndDeleteTooAsTheOriginalSentIt(String method) {
        Exchange result = call("{\"action\":\"" + method + "\",\"resource\":\"composite/sobjects\","
                + "\"payload\":{\"ids\":[\"001D000000IqhSLIAZ\"]}}");

        assertThat(result.getException()).isNull();
        WireRequest request = received.get(0);
        assertThat(request.method()).isEqualTo(method);
        assertThat(request.headers().get("content-type")).singleElement()
                .satisfies(value -> assertThat(value).startsWith("application/json"));
        assertThat(request.body()).isEqualTo("{\"ids\":[\"001D000000IqhSLIAZ\"]}");
    }

    @Test
    void responseHeadersDoNotComeBack() {
        Exchange result = call("{\"action\":\"GET\",\"resource\":\"limits\"}");

        assertThat(result.getMessage().getHeaders()).containsOnlyKeys(SalesforceExchange.STATUS_CODE);
        assertThat(result.getMessage().getHeader(SalesforceExchange.STATUS_CODE)).isEqualTo(200);
        assertThat(result.getMessage().getBody(String.class)).isEqualTo("{\"ok\":true}");
    }

    /** Between the HTTP call and the capture of its answer: the bearer token is not copied onto the answer. */
    @Test
    void theAnswerOfTheHttpCallCarriesOnlySalesforcesHeaders() throws Exception {
        AdviceWith.adviceWith(context, "salesforce-send",
                route -> route.weaveById("http-request").after().to("mock:http-answer"));
        MockEndpoint answer = getMockEndpoint("mock:http-answer");
        answer.expectedMessageCount(1);

        call("{\"action\":\"GET\",\"resource\":\"limits\"}");

        answer.assertIsSatisfied();
        Map<String, Object> headers = answer.getExchanges().get(0).getMessage().getHeaders();
        assertThat(headers).containsEntry("Sforce-Limit-Info", "api-usage=18/5000")
                .doesNotContainKeys("Authorization", "Accept", Exchange.HTTP_URI, Exchange.HTTP_METHOD);
    }

    @Test
    void unauthorizedIsRetriedOnceWithANewToken() {
        statuses.add(401);

        Exchange result = call("{\"action\":\"POST\",\"resource\":\"sobjects\",\"object\":\"Account\",\"payload\":{\"Name\":\"A\"}}");

        assertThat(result.getException()).isNull();
        assertThat(logins).hasValue(2);
        assertThat(received).extracting(r -> r.headers().get("authorization").get(0))
                .containsExactly("Bearer token-1", "Bearer token-2");
        assertThat(received).extracting(WireRequest::body).containsExactly("{\"Name\":\"A\"}", "{\"Name\":\"A\"}");
        assertThat(received.get(1).headers()).as("Salesforce's Set-Cookie is not sent back").doesNotContainKey("cookie");
    }

    @Test
    void versionListIsReadOverHttp() {
        String version = CamelCalls.request(template, SalesforceApiCallRoutes.API_VERSIONS,
                new SalesforceSession("token-1", instance), String.class, "Salesforce API version discovery failed");

        assertThat(version).isEqualTo("v66.0");
        assertThat(received).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("GET");
            assertThat(request.rawPathAndQuery()).isEqualTo("/services/data");
        });
    }

    @Test
    void refusedConnectionIsAnIoFailure() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            instance = "http://127.0.0.1:" + socket.getLocalPort();
        }
        // Nothing listens there any more: the connection is refused.

        Exchange result = call("{\"action\":\"GET\",\"resource\":\"limits\"}");

        assertThat(result.getException()).isInstanceOf(IOException.class);
        assertThat(received).isEmpty();
    }
}
