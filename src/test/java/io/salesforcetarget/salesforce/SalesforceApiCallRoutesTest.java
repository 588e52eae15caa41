package io.salesforcetarget.salesforce;

import java.time.Duration;
import io.salesforcetarget.settings.Coalescing;
import io.salesforcetarget.apicall.OperationAllowlist;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.component.http.HttpMethods;
import org.apache.camel.Message;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.salesforcetarget.apicall.ApiCallRequest;
import io.salesforcetarget.auth.LoginFailedException;
import io.salesforcetarget.auth.SalesforceSession;
import io.salesforcetarget.auth.TokenCache;
import io.salesforcetarget.failure.ErrorCode;
import io.salesforcetarget.failure.EventFaultException;

/**
 * {@code salesforce-apicall} and {@code salesforce-send} with a real {@link TokenCache} (its login a counting fake)
 * and the HTTP call ({@code call-salesforce}) replaced by a fake Salesforce that records each request and answers
 * from a script.
 */
class SalesforceApiCallRoutesTest extends CamelTestSupport {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String INSTANCE = "https://acme.my.salesforce.com";
    private static final String BASE = INSTANCE + "/services/data/v59.0/";
    private static final String INVALID_SESSION = "[{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\"}]";

    /** One request as it reached Salesforce. */
    record SalesforceRequest(String uri, String method, Map<String, Object> headers, byte[] body) {
        String bodyText() {
            return body == null ? null : new String(body, StandardCharsets.UTF_8);
        }
    }

    /** One scripted answer. */
    record Answer(int status, String body) {
    }

    private final AtomicInteger logins = new AtomicInteger();
    /** When set, the next logins fail with it. */
    private volatile RuntimeException loginFailure;
    private final TokenCache tokens = new TokenCache(() -> {
        int login = logins.incrementAndGet();
        if (loginFailure != null) {
            throw loginFailure;
        }
        return new SalesforceSession("token-" + login, INSTANCE);
    });
    private final List<SalesforceRequest> requests = new CopyOnWriteArrayList<>();
    private final Deque<Answer> answers = new ArrayDeque<>();
    /** When set, answers every request instead of the {@link #answers} script. */
    private volatile Function<SalesforceRequest, Answer> responder;

    @Override
    public boolean isUseAdviceWith() {
        return true;
    }

    @Override
    protected RoutesBuilder[] createRouteBuilders() {
        return new RoutesBuilder[] { new SalesforceApiCallRoutes(tokens, new ApiVersionResolver("v59.0", session -> {
            throw new AssertionError("the version is configured");
        }),
                new SalesforceRetryPolicy(1, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ZERO), // no retries
                OperationAllowlist.allowingEverything(), new CallSlots(10, Duration.ofSeconds(1)), Coalescing.off()) };
    }

    @BeforeEach
    void fakeSalesforce() throws Exception {
        AdviceWith.adviceWith(context, "salesforce-send",
                route -> route.weaveById("http-request").replace().process(this::salesforce));
        context.start();
    }

    /** Records the request; answers like camel-http: status, body, and Salesforce's response headers added. */
    private void salesforce(Exchange exchange) {
        Message message = exchange.getMessage();
        SalesforceRequest request = new SalesforceRequest(message.getHeader(Exchange.HTTP_URI, String.class),
                message.getHeader(Exchange.HTTP_METHOD, String.class), new LinkedHashMap<>(message.getHeaders()),
                message.getBody(byte[].class));
        requests.add(request);
        Function<SalesforceRequest, Answer> script = responder;
        Answer answer = script != null ? script.apply(request) : answers.isEmpty() ? new Answer(200, "{}") : answers.poll();
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, answer.status());
        message.setHeader(Exchange.HTTP_RESPONSE_TEXT, "scripted");
        message.setHeader("Content-Type", "application/json;charset=UTF-8");
        message.setHeader("Sforce-Limit-Info", "api-usage=18/5000");
        message.setHeader("Set-Cookie", "BrowserId=abc; Path=/; Secure");
        message.setHeader("WWW-Authenticate", "Token");
        message.setBody(answer.body().getBytes(StandardCharsets.UTF_8));
    }

    private void salesforceAnswers(int status, String body) {
        answers.add(new Answer(status, body));
    }

    /** Calls {@code direct:salesforce-apicall} with the request JSON and headers an inbound HTTP request had. */
    private Exchange call(String requestJson) {
        return template.send(SalesforceApiCallRoutes.API_CALL, exchange -> {
            Message message = exchange.getMessage();
            message.setHeader("Cookie", "session=inbound-secret");
            message.setHeader("Authorization", "Basic aW5ib3VuZDpzZWNyZXQ=");
            message.setHeader("ce-id", "event-1");
            message.setHeader("ce-type", "io.triggermesh.salesforce.apicall");
            message.setHeader("X-Forwarded-For", "10.0.0.1");
            message.setHeader(Exchange.HTTP_PATH, "/../../evil");
            message.setHeader(Exchange.HTTP_QUERY, "injected=1");
            message.setHeader(Exchange.HTTP_RAW_QUERY, "injected=1");
            message.setHeader(Exchange.HTTP_URI, "http://evil.example.com/");
            message.setHeader(Exchange.HTTP_METHOD, "DELETE");
            message.setHeader(Exchange.CONTENT_TYPE, "text/plain");
            message.setHeader("CamelCloudEventID", "event-1");
            message.setBody(requestJson.getBytes(StandardCharsets.UTF_8));
        });
    }

    private Exchange callOk(String requestJson) {
        Exchange result = call(requestJson);
        assertThat(result.getException()).isNull();
        return result;
    }

    // ---- URL --------------------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"action\":\"GET\",\"resource\":\"limits\"}|limits",
            "{\"action\":\"GET\",\"resource\":\"sobjects\",\"object\":\"Account\",\"record\":\"001D000000IqhSLIAZ\"}"
                    + "|sobjects/Account/001D000000IqhSLIAZ",
            "{\"action\":\"PATCH\",\"resource\":\"sobjects\",\"object\":\"Account\",\"record\":\"ExtId__c/A-42\"}"
                    + "|sobjects/Account/ExtId__c/A-42",
            "{\"action\":\"GET\",\"resource\":\"sobjects\",\"object\":\"Account\",\"record\":\"001D000000IqhSLIAZ/Contacts\"}"
                    + "|sobjects/Account/001D000000IqhSLIAZ/Contacts",
            "{\"action\":\"POST\",\"resource\":\"composite/sobjects\"}|composite/sobjects",
            "{\"action\":\"PATCH\",\"resource\":\"composite/sobjects\",\"object\":\"Account/ExtId__c\"}"
                    + "|composite/sobjects/Account/ExtId__c",
            "{\"action\":\"GET\",\"resource\":\"query\",\"query\":{\"q\":\"SELECT Id, Name FROM Account WHERE Name = 'A&B'\"}}"
                    + "|query?q=SELECT+Id%2C+Name+FROM+Account+WHERE+Name+%3D+%27A%26B%27",
            "{\"action\":\"GET\",\"resource\":\"sobjects\",\"object\":\"Account\",\"record\":\"001\",\"query\":{\"fields\":\"Name,BillingCity\",\"limit\":5}}"
                    + "|sobjects/Account/001?fields=Name%2CBillingCity&limit=5" })
    void urlIsInstanceVersionAndEncodedPath(String request, String path) {
        callOk(request);
        assertThat(requests).singleElement().satisfies(r -> assertThat(r.uri()).isEqualTo(BASE + path));
    }

    @Test
    void segmentsAreEncodedSoTheyCannotChangeTheUrlStructure() {
        callOk("{\"action\":\"GET\",\"resource\":\"sobjects\",\"object\":\"Account\","
                + "\"record\":\"a?b=1#c/%2e%2e/50% off\\r\\nHost: evil/caf\u00e9\"}");
        assertThat(requests.get(0).uri())
                .isEqualTo(BASE + "sobjects/Account/a%3Fb%3D1%23c/%252e%252e/50%25%20off%0D%0AHost%3A%20evil/caf%C3%A9");
    }

    @ParameterizedTest
    @ValueSource(strings = { "../../../identity", "x/../../oauth2", "./x", "a//b", "/x", "x/" })
    void traversalIsRejectedBeforeAnyCall(String record) {
        Exchange result = call("{\"action\":\"GET\",\"resource\":\"sobjects\",\"object\":\"Account\",\"record\":\""
                + record + "\"}");

        assertThat(result.getException()).isInstanceOfSatisfying(EventFaultException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.REQUEST_VALIDATION));
        assertThat(requests).isEmpty();
        assertThat(logins).as("not even a login").hasValue(0);
    }

    @Test
    void invalidRequestIsRejectedBeforeAnyCall() {
        Exchange result = call("{\"action\":\"create\",\"resource\":\"sobjects\"}");
        assertThat(result.getException()).isInstanceOfSatisfying(EventFaultException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.REQUEST_VALIDATION));
        assertThat(requests).isEmpty();
        assertThat(logins).hasValue(0);
    }

    // ---- Method, headers, body --------------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource({ "get,GET", "post,POST", "Patch,PATCH", "PUT,PUT", "delete,DELETE", "head,HEAD" })
    void actionIsTheHttpMethod(String action, String method) {
        callOk("{\"action\":\"" + action + "\",\"resource\":\"limits\"}");
        assertThat(requests.get(0).method()).isEqualTo(method);
    }

    @Test
    void onlyTheAllowedHeadersReachSalesforceWithoutPayload() {
        callOk("{\"action\":\"GET\",\"resource\":\"limits\"}");

        SalesforceRequest request = requests.get(0);
        assertThat(request.headers()).containsOnlyKeys(Exchange.HTTP_URI, Exchange.HTTP_METHOD, "Authorization", "Accept");
        assertThat(request.headers()).containsEntry("Authorization", "Bearer token-1")
                .containsEntry("Accept", "application/json")
                .containsEntry(Exchange.HTTP_URI, BASE + "limits")
                .containsEntry(Exchange.HTTP_METHOD, HttpMethods.GET);
        assertThat(request.body()).isNull();
    }

    @Test
    void payloadIsTheBodyWithJsonContentType() {
        callOk("{\"action\":\"POST\",\"resource\":\"sobjects\",\"object\":\"Account\","
                + "\"payload\":{\"Name\":\"Acme\",\"NumberOfEmployees\":12,\"Tags\":[\"a\",\"b\"]}}");

        SalesforceRequest request = requests.get(0);
        assertThat(request.headers()).containsOnlyKeys(Exchange.HTTP_URI, Exchange.HTTP_METHOD, "Authorization", "Accept",
                Exchange.CONTENT_TYPE);
        assertThat(request.headers()).containsEntry(Exchange.CONTENT_TYPE, "application/json");
        assertThat(request.bodyText()).isEqualTo("{\"Name\":\"Acme\",\"NumberOfEmployees\":12,\"Tags\":[\"a\",\"b\"]}");
    }

    @Test
    void arrayPayloadIsSentAsIs() {
        callOk("{\"action\":\"POST\",\"resource\":\"composite/sobjects\",\"payload\":"
                + "{\"allOrNone\":false,\"records\":[{\"attributes\":{\"type\":\"Account\"},\"Name\":\"A\"}]}}");
        assertThat(requests.get(0).bodyText())
                .isEqualTo("{\"allOrNone\":false,\"records\":[{\"attributes\":{\"type\":\"Account\"},\"Name\":\"A\"}]}");
    }

    @Test
    void resultIsSalesforcesBodyWithOnlyTheStatusHeader() {
        salesforceAnswers(200, "{\"totalSize\":0,\"done\":true,\"records\":[]}");

        Exchange result = callOk("{\"action\":\"GET\",\"resource\":\"query\",\"query\":{\"q\":\"SELECT Id FROM Account\"}}");

        assertThat(result.getMessage().getHeaders()).containsOnlyKeys(SalesforceExchange.STATUS_CODE);
        assertThat(result.getMessage().getHeader(SalesforceExchange.STATUS_CODE)).isEqualTo(200);
        assertThat(result.getMessage().getBody(String.class)).isEqualTo("{\"totalSize\":0,\"done\":true,\"records\":[]}");
        assertThat(result.getProperty(SalesforceExchange.LAST_STATUS)).isEqualTo(200);
    }

    @Test
    void noContentIsAnEmptyBody() {
        salesforceAnswers(204, "");
        Exchange result = callOk("{\"action\":\"DELETE\",\"resource\":\"sobjects\",\"object\":\"Account\",\"record\":\"001\"}");
        assertThat(result.getMessage().getHeaders()).containsOnlyKeys(SalesforceExchange.STATUS_CODE);
        assertThat(result.getMessage().getHeader(SalesforceExchange.STATUS_CODE)).isEqualTo(204);
        assertThat(result.getMessage().getBody(byte[].class)).isEmpty();
    }

    @Test
    void requestCanBeGivenAsApiCallRequest() {
        ApiCallRequest request = new ApiCallRequest("GET", List.of("sobjects", "Account", "001"), Map.of(), null);
        Exchange result = template.send(SalesforceApiCallRoutes.API_CALL, exchange -> exchange.getMessage().setBody(request));
        assertThat(result.getException()).isNull();
        assertThat(requests.get(0).uri()).isEqualTo(BASE + "sobjects/Account/001");
    }

    // ---- Session ----------------------------------------------------------------------------------------------------

    @Test
    void oneLoginServesManyCalls() {
        callOk("{\"action\":\"GET\",\"resource\":\"limits\"}");
        callOk("{\"action\":\"GET\",\"resource\":\"limits\"}");
        callOk("{\"action\":\"GET\",\"resource\":\"limits\"}");
        assertThat(logins).hasValue(1);
        assertThat(requests).extracting(r -> r.headers().get("Authorization")).containsOnly("Bearer token-1");
    }

    @Test
    void unauthorizedThenOkMeansOneReloginAndOneRetry() {
        salesforceAnswers(401, INVALID_SESSION);
        salesforceAnswers(201, "{\"id\":\"001D000000IqhSLIAZ\",\"errors\":[],\"success\":true}");

        Exchange result = callOk("{\"action\":\"POST\",\"resource\":\"sobjects\",\"object\":\"Account\",\"payload\":{\"Name\":\"Acme\"}}");

        assertThat(logins).as("first login plus one re-login").hasValue(2);
        assertThat(requests).hasSize(2);
        SalesforceRequest first = requests.get(0);
        SalesforceRequest retry = requests.get(1);
        assertThat(first.headers()).containsEntry("Authorization", "Bearer token-1");
        assertThat(retry.headers()).containsEntry("Authorization", "Bearer token-2");
        assertThat(retry.uri()).isEqualTo(first.uri()).isEqualTo(BASE + "sobjects/Account");
        assertThat(retry.method()).isEqualTo("POST");
        assertThat(retry.bodyText()).as("the payload, not the 401 answer").isEqualTo("{\"Name\":\"Acme\"}");
        assertThat(retry.headers()).as("nothing of the 401 answer is sent back")
                .containsOnlyKeys(Exchange.HTTP_URI, Exchange.HTTP_METHOD, "Authorization", "Accept", Exchange.CONTENT_TYPE);
        assertThat(result.getMessage().getHeader(SalesforceExchange.STATUS_CODE)).isEqualTo(201);
        assertThat(result.getMessage().getHeaders()).containsOnlyKeys(SalesforceExchange.STATUS_CODE);
        assertThat(result.getMessage().getBody(String.class)).contains("\"success\":true");
    }

    @Test
    void unauthorizedTwiceIsUnavailableAfterExactlyOneRelogin() {
        salesforceAnswers(401, INVALID_SESSION);
        salesforceAnswers(401, INVALID_SESSION);

        Exchange result = call("{\"action\":\"GET\",\"resource\":\"limits\"}");

        assertThat(result.getException()).isInstanceOfSatisfying(SalesforceUnavailableException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(401);
            assertThat(e.reason()).isEqualTo("INVALID_SESSION_ID");
        });
        assertThat(logins).hasValue(2);
        assertThat(requests).hasSize(2);
    }

    @Test
    void nextEventUsesTheRenewedSession() {
        salesforceAnswers(401, INVALID_SESSION);
        salesforceAnswers(200, "{}");
        salesforceAnswers(200, "{}");

        callOk("{\"action\":\"GET\",\"resource\":\"limits\"}");
        callOk("{\"action\":\"GET\",\"resource\":\"limits\"}");

        assertThat(logins).hasValue(2);
        assertThat(requests).extracting(r -> r.headers().get("Authorization"))
                .containsExactly("Bearer token-1", "Bearer token-2", "Bearer token-2");
    }

    @Test
    void concurrent401sForTheSameSessionCauseOneRelogin() throws Exception {
        int events = 8;
        callOk("{\"action\":\"GET\",\"resource\":\"limits\"}"); // session token-1 is cached
        requests.clear();
        CyclicBarrier allSentWithTheOldToken = new CyclicBarrier(events);
        responder = request -> {
            if ("Bearer token-1".equals(request.headers().get("Authorization"))) {
                try {
                    allSentWithTheOldToken.await(10, TimeUnit.SECONDS); // every event holds token-1 before any 401
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return new Answer(401, INVALID_SESSION);
            }
            return new Answer(200, "{}");
        };
        ExecutorService pool = Executors.newFixedThreadPool(events);
        try {
            List<Future<Exchange>> results = new ArrayList<>();
            for (int i = 0; i < events; i++) {
                results.add(pool.submit(() -> call("{\"action\":\"GET\",\"resource\":\"limits\"}")));
            }
            for (Future<Exchange> result : results) {
                Exchange exchange = result.get(20, TimeUnit.SECONDS);
                assertThat(exchange.getException()).isNull();
                assertThat(exchange.getMessage().getHeader(SalesforceExchange.STATUS_CODE)).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(logins).as("the first login plus one re-login for all eight 401s").hasValue(2);
        assertThat(requests).hasSize(2 * events);
        assertThat(requests).filteredOn(r -> "Bearer token-2".equals(r.headers().get("Authorization"))).hasSize(events);
    }

    @Test
    void requestLimitExceededNeverTriggersALogin() {
        salesforceAnswers(403, "[{\"message\":\"TotalRequests Limit exceeded.\",\"errorCode\":\"REQUEST_LIMIT_EXCEEDED\"}]");

        Exchange result = call("{\"action\":\"GET\",\"resource\":\"limits\"}");

        assertThat(result.getException()).isInstanceOfSatisfying(SalesforceUnavailableException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(403);
            assertThat(e.reason()).isEqualTo("REQUEST_LIMIT_EXCEEDED");
        });
        assertThat(logins).hasValue(1);
        assertThat(requests).hasSize(1);
    }

    @Test
    void otherForbiddenIsTheEventsFaultWithoutALogin() {
        String error = "[{\"message\":\"insufficient access rights on cross-reference id\",\"errorCode\":\"INSUFFICIENT_ACCESS\"}]";
        salesforceAnswers(403, error);

        Exchange result = call("{\"action\":\"DELETE\",\"resource\":\"sobjects\",\"object\":\"Account\",\"record\":\"001\"}");

        assertThat(result.getException()).isInstanceOfSatisfying(EventFaultException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.ADAPTER_PROCESS);
            JsonNode details = MAPPER.valueToTree(e.details());
            assertThat(details.get("statusCode").asInt()).isEqualTo(403);
            assertThat(details.get("body")).isEqualTo(readTree(error));
        });
        assertThat(logins).hasValue(1);
        assertThat(requests).hasSize(1);
    }

    @Test
    void serverErrorIsUnavailableWithoutRetry() {
        salesforceAnswers(503, "[{\"message\":\"Server too busy\",\"errorCode\":\"SERVER_UNAVAILABLE\"}]");
        Exchange result = call("{\"action\":\"GET\",\"resource\":\"limits\"}");
        assertThat(result.getException()).isInstanceOfSatisfying(SalesforceUnavailableException.class,
                e -> assertThat(e.statusCode()).isEqualTo(503));
        assertThat(requests).hasSize(1);
        assertThat(logins).hasValue(1);
    }

    @Test
    void failedLoginIsReportedNothingIsSentAndTheNextEventLogsInAgain() {
        loginFailure = new LoginFailedException("invalid_grant", "400 invalid_grant: user hasn't approved this consumer");

        Exchange result = call("{\"action\":\"GET\",\"resource\":\"limits\"}");

        assertThat(result.getException()).isInstanceOfSatisfying(LoginFailedException.class,
                e -> assertThat(e.oauthError()).isEqualTo("invalid_grant"));
        assertThat(requests).isEmpty();

        loginFailure = null;
        callOk("{\"action\":\"GET\",\"resource\":\"limits\"}");
        assertThat(logins).hasValue(2);
        assertThat(requests).singleElement()
                .satisfies(r -> assertThat(r.headers()).containsEntry("Authorization", "Bearer token-2"));
    }

    @Test
    void failedReloginAfter401IsReported() {
        callOk("{\"action\":\"GET\",\"resource\":\"limits\"}"); // logged in once, answered 200
        salesforceAnswers(401, INVALID_SESSION);
        loginFailure = new LoginFailedException("login server unreachable", new java.net.ConnectException("refused"));

        Exchange result = call("{\"action\":\"GET\",\"resource\":\"limits\"}");

        assertThat(result.getException()).isInstanceOfSatisfying(LoginFailedException.class,
                e -> assertThat(e.reason()).isEqualTo("login-unavailable"));
        assertThat(requests).hasSize(2);
        assertThat(logins).hasValue(2);
    }

    private static JsonNode readTree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
