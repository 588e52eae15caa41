package io.salesforcetarget.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeRedeliveryEvent;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.EventNotifierSupport;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.salesforcetarget.apicall.ApiCallRequest;
import io.salesforcetarget.apicall.OperationAllowlist;
import io.salesforcetarget.auth.SalesforceSession;
import io.salesforcetarget.auth.TokenCache;
import io.salesforcetarget.settings.Coalescing;

/**
 * Every branch of route {@code salesforce-call}: an answer at once, a retried failure, a failure not retried, the
 * attempts used up, a 401 and its one renewal, a 401 after a retry. The HTTP request ({@code http-request}) is
 * replaced by a script; up to 3 attempts, 1 ms apart. A caller's {@code onException} sees every failure that leaves
 * the route, which Camel's redelivery error handler would hide from it.
 */
class SalesforceCallRouteTest extends CamelTestSupport {

    private static final String INSTANCE = "https://acme.my.salesforce.com";
    private static final String CALLER = "direct:caller";
    private static final String TWICE = "direct:twice";
    private static final String GET_LIMITS = "{\"action\":\"GET\",\"resource\":\"limits\"}";
    private static final String CREATE = "{\"action\":\"POST\",\"resource\":\"sobjects\",\"object\":\"Account\","
            + "\"payload\":{\"Name\":\"Acme\"}}";

    /** One scripted answer: a status, or a failure of the HTTP request itself. */
    private record Answer(int status, Exception failure) {
    }

    private final AtomicInteger logins = new AtomicInteger();
    private final TokenCache tokens = new TokenCache(
            () -> new SalesforceSession("token-" + logins.incrementAndGet(), INSTANCE));
    private final Deque<Answer> answers = new ArrayDeque<>();
    private final List<String> tokensSent = new CopyOnWriteArrayList<>();
    private final AtomicInteger redeliveryEvents = new AtomicInteger();

    @Override
    public boolean isUseAdviceWith() {
        return true;
    }

    @Override
    protected RoutesBuilder[] createRouteBuilders() {
        return new RoutesBuilder[] {
                new SalesforceApiCallRoutes(tokens, new ApiVersionResolver("v59.0", session -> {
                    throw new AssertionError("the version is configured");
                }), new SalesforceRetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofSeconds(10)),
                        OperationAllowlist.allowingEverything(), new CallSlots(10, Duration.ofSeconds(1)),
                        Coalescing.off()),
                // A caller as the receiver and library users write one: its own onException per failure type.
                new RouteBuilder() {
                    @Override
                    public void configure() {
                        from(CALLER).routeId("caller")
                                .onException(Exception.class).handled(true)
                                    .setBody(simple("handled ${exception.class.simpleName}"))
                                .end()
                                .to(SalesforceApiCallRoutes.API_CALL);
                        from(TWICE).routeId("twice")
                                .setProperty("request", body())
                                .to(SalesforceApiCallRoutes.API_CALL)
                                .setBody(exchangeProperty("request"))
                                .to(SalesforceApiCallRoutes.API_CALL);
                    }
                } };
    }

    @BeforeEach
    void scriptedSalesforce() throws Exception {
        context.getManagementStrategy().addEventNotifier(new EventNotifierSupport() {
            @Override
            public void notify(CamelEvent event) {
                if (event instanceof ExchangeRedeliveryEvent) {
                    redeliveryEvents.incrementAndGet();
                }
            }
        });
        AdviceWith.adviceWith(context, "salesforce-send",
                route -> route.weaveById("http-request").replace().process(this::salesforce));
        context.start();
    }

    private void salesforce(Exchange exchange) throws Exception {
        tokensSent.add(exchange.getMessage().getHeader("Authorization", String.class));
        Answer answer = answers.isEmpty() ? new Answer(200, null) : answers.poll();
        if (answer.failure() != null) {
            throw answer.failure();
        }
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, answer.status());
        exchange.getMessage().setBody("{}".getBytes(StandardCharsets.UTF_8));
    }

    private void salesforceAnswers(int... statuses) {
        for (int status : statuses) {
            answers.add(new Answer(status, null));
        }
    }

    private Exchange call(String request) {
        return template.send(CALLER, exchange -> exchange.getMessage().setBody(request));
    }

    @Test
    void anAnswerAtOnceIsOneAttempt() {
        Exchange result = call(GET_LIMITS);

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getHeader(SalesforceExchange.STATUS_CODE)).isEqualTo(200);
        assertThat(tokensSent).hasSize(1);
        assertThat(result.getProperty(SalesforceRetryPolicy.FAILED_ATTEMPTS)).isNull();
        assertThat(redeliveryEvents).hasValue(0);
    }

    @Test
    void aTransientAnswerToAReadIsRetriedAndEachRetryIsARedeliveryEvent() {
        salesforceAnswers(503, 502, 200);

        Exchange result = call(GET_LIMITS);

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getHeader(SalesforceExchange.STATUS_CODE)).isEqualTo(200);
        assertThat(result.getMessage().getBody(String.class)).isEqualTo("{}");
        assertThat(tokensSent).hasSize(3);
        assertThat(result.getProperty(SalesforceRetryPolicy.FAILED_ATTEMPTS)).isEqualTo(2);
        assertThat(redeliveryEvents).hasValue(2);
    }

    @Test
    void aConnectionFailureOfAReadIsRetried() {
        answers.add(new Answer(0, new SocketException("Connection reset")));

        Exchange result = call(GET_LIMITS);

        assertThat(result.getMessage().getHeader(SalesforceExchange.STATUS_CODE)).isEqualTo(200);
        assertThat(tokensSent).hasSize(2);
    }

    @Test
    void whenTheAttemptsAreUsedUpTheCallersOnExceptionGetsTheLastFailure() {
        salesforceAnswers(503, 503, 503, 200);

        Exchange result = call(GET_LIMITS);

        assertThat(result.getMessage().getBody(String.class)).isEqualTo("handled SalesforceUnavailableException");
        assertThat(tokensSent).as("3 attempts, no fourth").hasSize(3);
        assertThat(result.getProperty(SalesforceRetryPolicy.FAILED_ATTEMPTS)).isEqualTo(3);
        assertThat(redeliveryEvents).hasValue(2);
    }

    @ParameterizedTest
    @ValueSource(ints = { 500, 503 })
    void aTransientAnswerToACreateIsNotRepeatedAndGoesToTheCaller(int status) {
        salesforceAnswers(status);

        Exchange result = call(CREATE);

        assertThat(result.getMessage().getBody(String.class)).isEqualTo("handled SalesforceUnavailableException");
        assertThat(tokensSent).hasSize(1);
        assertThat(redeliveryEvents).hasValue(0);
    }

    @Test
    void a401RenewsTheSessionOnceAndAttemptsAgain() {
        salesforceAnswers(401, 200);

        Exchange result = call(CREATE);

        assertThat(result.getMessage().getHeader(SalesforceExchange.STATUS_CODE)).isEqualTo(200);
        assertThat(tokensSent).containsExactly("Bearer token-1", "Bearer token-2");
        assertThat(result.getProperty(SalesforceBearerToken.SESSION, SalesforceSession.class).accessToken())
                .isEqualTo("token-2");
        assertThat(redeliveryEvents).as("a renewal is not a retry").hasValue(0);
    }

    @Test
    void a401AfterARetryStillRenewsTheSessionOnce() {
        salesforceAnswers(503, 401, 401);

        Exchange result = call(GET_LIMITS);

        assertThat(result.getMessage().getBody(String.class)).isEqualTo("handled SalesforceUnavailableException");
        assertThat(tokensSent).containsExactly("Bearer token-1", "Bearer token-1", "Bearer token-2");
        assertThat(logins).hasValue(2);
    }

    @Test
    void aSecondCallOnTheSameExchangeHasItsOwnAttemptsAndRenewal() {
        salesforceAnswers(401, 200, 503, 401, 200);

        Exchange result = template.send(TWICE, exchange -> exchange.getMessage().setBody(GET_LIMITS));

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getHeader(SalesforceExchange.STATUS_CODE)).isEqualTo(200);
        assertThat(tokensSent).as("the second call renews the session too").containsExactly("Bearer token-1",
                "Bearer token-2", "Bearer token-2", "Bearer token-2", "Bearer token-3");
        assertThat(result.getProperty(SalesforceRetryPolicy.FAILED_ATTEMPTS)).as("its own count").isEqualTo(1);
    }

    @Test
    void eachDelayIsTheBackoffWithin15PercentJitter() throws Exception {
        SalesforceRetryPolicy policy = new SalesforceRetryPolicy(10, Duration.ofMillis(1000), Duration.ofMillis(4000),
                Duration.ofMinutes(5));
        CallAttempts attempts = new CallAttempts(policy, tokens);
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.setProperty(ApiCallRequest.PROPERTY, new ApiCallRequest("GET", List.of("limits"), Map.of(), null));
        attempts.start(exchange);
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, new SalesforceUnavailableException(503, null));

        for (long backoff : new long[] { 1000, 2000, 4000, 4000 }) {
            attempts.begin(exchange);
            attempts.retryOrGiveUp(exchange);
            assertThat(exchange.getProperty(CallAttempts.ATTEMPT_DUE, Boolean.class)).isTrue();
            assertThat(exchange.getProperty(CallAttempts.RETRY_DELAY, Long.class))
                    .isBetween(Math.round(backoff * 0.85), Math.round(backoff * 1.15));
        }
    }
}
