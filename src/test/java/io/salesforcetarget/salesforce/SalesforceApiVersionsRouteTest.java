package io.salesforcetarget.salesforce;

import java.time.Duration;
import io.salesforcetarget.settings.Coalescing;
import io.salesforcetarget.apicall.OperationAllowlist;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.salesforcetarget.auth.SalesforceSession;
import io.salesforcetarget.auth.TokenCache;
import io.salesforcetarget.failure.CamelCalls;
import io.salesforcetarget.failure.RetryLaterException;

/**
 * {@code salesforce-api-versions} (version discovery) with its HTTP call ({@code list-api-versions}) replaced, and a
 * Salesforce call that depends on it: no version configured, so the highest listed one is used.
 */
class SalesforceApiVersionsRouteTest extends CamelTestSupport {

    private static final String INSTANCE = "https://acme.my.salesforce.com";
    private static final SalesforceSession SESSION = new SalesforceSession("token-1", INSTANCE);
    private static final String VERSIONS = "[{\"version\":\"20.0\",\"url\":\"/services/data/v20.0\",\"label\":\"Winter '11\"},"
            + "{\"version\":\"66.0\",\"url\":\"/services/data/v66.0\",\"label\":\"Spring '26\"},"
            + "{\"version\":\"9.0\",\"url\":\"/services/data/v9.0\",\"label\":\"Old\"}]";

    record Listing(String uri, String method, Map<String, Object> headers, Object body) {
    }

    private final List<Listing> listings = new CopyOnWriteArrayList<>();
    private final List<String> apiCallUris = new CopyOnWriteArrayList<>();
    private final Deque<Object[]> answers = new ArrayDeque<>();

    @Override
    public boolean isUseAdviceWith() {
        return true;
    }

    @Override
    protected RoutesBuilder[] createRouteBuilders() {
        ApiVersionResolver versions = new ApiVersionResolver(null, session -> CamelCalls.request(template,
                SalesforceApiCallRoutes.API_VERSIONS, session, String.class, "Salesforce API version discovery failed"));
        return new RoutesBuilder[] { new SalesforceApiCallRoutes(new TokenCache(() -> SESSION), versions,
                new SalesforceRetryPolicy(1, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ZERO), // no retries
                OperationAllowlist.allowingEverything(), new CallSlots(10, Duration.ofSeconds(1)), Coalescing.off()) };
    }

    @BeforeEach
    void fakeSalesforce() throws Exception {
        AdviceWith.adviceWith(context, "salesforce-api-versions", route -> route.weaveById("list-api-versions")
                .replace().process(exchange -> {
                    Message message = exchange.getMessage();
                    listings.add(new Listing(message.getHeader(Exchange.HTTP_URI, String.class),
                            message.getHeader(Exchange.HTTP_METHOD, String.class),
                            new LinkedHashMap<>(message.getHeaders()), message.getBody()));
                    Object[] answer = answers.isEmpty() ? new Object[] { 200, VERSIONS } : answers.poll();
                    message.setHeader(Exchange.HTTP_RESPONSE_CODE, answer[0]);
                    message.setHeader("Set-Cookie", "BrowserId=abc");
                    message.setBody(((String) answer[1]).getBytes(StandardCharsets.UTF_8));
                }));
        AdviceWith.adviceWith(context, "salesforce-send", route -> route.weaveById("http-request")
                .replace().process(exchange -> {
                    apiCallUris.add(exchange.getMessage().getHeader(Exchange.HTTP_URI, String.class));
                    exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
                    exchange.getMessage().setBody("{}".getBytes(StandardCharsets.UTF_8));
                }));
        context.start();
    }

    private String discover() {
        return CamelCalls.request(template, SalesforceApiCallRoutes.API_VERSIONS, SESSION, String.class,
                "Salesforce API version discovery failed");
    }

    @Test
    void highestListedVersionWins() {
        assertThat(discover()).isEqualTo("v66.0");

        Listing listing = listings.get(0);
        assertThat(listing.uri()).isEqualTo(INSTANCE + "/services/data");
        assertThat(listing.method()).isEqualTo("GET");
        assertThat(listing.body()).isNull();
    }

    @Test
    void versionsCompareAsNumbersNotText() {
        answers.add(new Object[] { 200, "[{\"version\":\"9.0\"},{\"version\":\"10.0\"},{\"version\":\"59.0\"},"
                + "{\"version\":\"100.0\"},{\"version\":\"beta\"},{\"label\":\"no version\"}]" });
        assertThat(discover()).isEqualTo("v100.0");
    }

    @Test
    void inboundHeadersAreNotSent() {
        template.send(SalesforceApiCallRoutes.API_VERSIONS, exchange -> {
            exchange.getMessage().setHeader("Cookie", "session=secret");
            exchange.getMessage().setHeader(Exchange.HTTP_QUERY, "x=1");
            exchange.getMessage().setBody(SESSION);
        });
        assertThat(listings.get(0).headers()).containsOnlyKeys(Exchange.HTTP_URI, Exchange.HTTP_METHOD);
    }

    @Test
    void non200IsAFailure() {
        answers.add(new Object[] { 500, "[{\"message\":\"x\",\"errorCode\":\"UNKNOWN_EXCEPTION\"}]" });
        assertThatThrownBy(this::discover).isInstanceOfSatisfying(SalesforceUnavailableException.class,
                e -> assertThat(e.statusCode()).isEqualTo(500));
    }

    @Test
    void unauthorizedIsAFailure() {
        answers.add(new Object[] { 401, "[{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\"}]" });
        assertThatThrownBy(this::discover).isInstanceOfSatisfying(SalesforceUnavailableException.class,
                e -> assertThat(e.statusCode()).isEqualTo(401));
    }

    @Test
    void emptyListIsAFailure() {
        answers.add(new Object[] { 200, "[]" });
        assertThatThrownBy(this::discover).isInstanceOfSatisfying(RetryLaterException.class,
                e -> assertThat(e.reason()).isEqualTo("no-api-version"));
    }

    @Test
    void apiCallsUseTheDiscoveredVersionDiscoveredOnce() {
        template.requestBody(SalesforceApiCallRoutes.API_CALL, "{\"action\":\"GET\",\"resource\":\"limits\"}");
        template.requestBody(SalesforceApiCallRoutes.API_CALL, "{\"action\":\"GET\",\"resource\":\"limits\"}");

        assertThat(apiCallUris).containsExactly(INSTANCE + "/services/data/v66.0/limits",
                INSTANCE + "/services/data/v66.0/limits");
        assertThat(listings).hasSize(1);
    }

    @Test
    void failedDiscoveryFailsTheCallAndIsRetriedByTheNext() {
        answers.add(new Object[] { 503, "<html>down</html>" });

        Exchange failed = template.send(SalesforceApiCallRoutes.API_CALL,
                exchange -> exchange.getMessage().setBody("{\"action\":\"GET\",\"resource\":\"limits\"}"));
        assertThat(failed.getException()).isInstanceOf(RetryLaterException.class);
        assertThat(apiCallUris).isEmpty();

        template.requestBody(SalesforceApiCallRoutes.API_CALL, "{\"action\":\"GET\",\"resource\":\"limits\"}");
        assertThat(apiCallUris).containsExactly(INSTANCE + "/services/data/v66.0/limits");
        assertThat(listings).hasSize(2);
    }
}
