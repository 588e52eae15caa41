package io.salesforcetarget.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.cloudevents.CloudEvent;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import io.salesforcetarget.Application;
import io.salesforcetarget.simulator.Eventually;
import io.salesforcetarget.simulator.FaultKind;
import io.salesforcetarget.simulator.SimulatorConfig;

import static io.salesforcetarget.e2e.CloudEventClient.API_CALL;
import static io.salesforcetarget.e2e.CloudEventClient.replyOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 4's fault suite: for each failure, the status the sender gets, how many requests Salesforce saw, and that
 * nothing acknowledged was left undone or done twice. The simulated org injects the faults; the target runs with
 * short retry delays and a 1 s request timeout so that the suite stays fast.
 */
class FaultInjectionIT extends TargetAgainstSimulatedOrg {

    private static final String GET_LIMITS = "{\"action\":\"GET\",\"resource\":\"limits\"}";
    /**
     * Threads of their own for what the tests run in the background. Not the common pool: on 2 cores it has one
     * thread, which from Java 25 on CompletableFuture's async methods share, so a target run on it blocked every
     * later request of the tests.
     */
    private final ExecutorService background = Executors.newCachedThreadPool();

    @AfterAll
    void stopBackground() {
        background.shutdownNow();
    }

    /** Binary or structured mode: every fault must behave the same in both. */
    enum Mode {
        BINARY, STRUCTURED;

        HttpResponse<byte[]> send(CloudEventClient client, String id, String data) throws Exception {
            return this == BINARY ? client.sendBinaryWithId(id, API_CALL, data)
                    : client.sendStructuredWithId(id, API_CALL, data);
        }

        HttpResponse<byte[]> send(CloudEventClient client, String data) throws Exception {
            return send(client, UUID.randomUUID().toString(), data);
        }
    }

    @Override
    protected SimulatorConfig.Builder org(SimulatorConfig.Builder org) {
        return org.dailyApiLimit(Long.MAX_VALUE);
    }

    @Override
    protected Map<String, String> settings() {
        return quickRetries(Map.of(
                "salesforce.request-timeout-ms", "1000",
                "salesforce.pool-wait-ms", "10000",
                "events.retry-after-seconds", "3"));
    }

    private int requestsSalesforceSaw() {
        return salesforce.recordedRequests().size();
    }

    private double retriesMetric() throws Exception {
        return RunningTarget.metric(HttpClient.newHttpClient(), target.metricsUrl(), "salesforce_target_retries_total")
                .orElse(0);
    }

    static Stream<Arguments> transientFaults() {
        return Stream.of(FaultKind.SERVICE_UNAVAILABLE_JSON, FaultKind.SERVICE_UNAVAILABLE_HTML,
                FaultKind.TOO_MANY_REQUESTS, FaultKind.SERVER_ERROR, FaultKind.CONNECTION_RESET)
                .flatMap(fault -> Stream.of(Mode.values()).map(mode -> Arguments.of(fault, mode)));
    }

    @ParameterizedTest(name = "{0} once, {1}")
    @MethodSource("transientFaults")
    void aTransientFailureOfARequestSafeToRepeatIsRetriedInsideAndSucceeds(FaultKind fault, Mode mode)
            throws Exception {
        double retriesBefore = retriesMetric();
        salesforce.faults().api(fault, 1);

        HttpResponse<byte[]> response = mode.send(client, GET_LIMITS);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(replyOf(response).getExtension("category")).isEqualTo("success");
        assertThat(requestsSalesforceSaw()).isEqualTo(2);
        assertThat(retriesMetric()).as("the repeat is counted").isEqualTo(retriesBefore + 1);
    }

    @ParameterizedTest(name = "{0} once, {1}")
    @MethodSource("transientFaults")
    void aPostThatMayHaveReachedSalesforceIsSentOnceAndTheSenderMustRetry(FaultKind fault, Mode mode)
            throws Exception {
        int accounts = salesforce.store().count("Account");
        salesforce.faults().api(fault, 1);

        HttpResponse<byte[]> response = mode.send(client, 
                "{\"action\":\"POST\",\"resource\":\"sobjects\",\"object\":\"Account\",\"payload\":{\"Name\":\"Once\"}}");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("3");
        assertThat(requestsSalesforceSaw()).isEqualTo(1);
        assertThat(salesforce.store().count("Account")).as("nothing created").isEqualTo(accounts);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aPersistentOutageIsRetriedAtMostMaxAttemptsThenHandedBackToTheBroker(Mode mode) throws Exception {
        salesforce.faults().api(FaultKind.SERVICE_UNAVAILABLE_JSON, 10);

        HttpResponse<byte[]> response = mode.send(client, GET_LIMITS);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(CloudEventClient.json(response.body()).at("/details/reason").asText())
                .isEqualTo("SERVER_UNAVAILABLE");
        assertThat(requestsSalesforceSaw()).isEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void requestLimitExceededGoesBackToTheBrokerWithoutRetryNorLogin(Mode mode) throws Exception {
        mode.send(client, GET_LIMITS);
        salesforce.clearRecordedRequests();
        long logins = salesforce.counters().successfulLogins();
        salesforce.faults().api(FaultKind.REQUEST_LIMIT_EXCEEDED, 1);

        HttpResponse<byte[]> response = mode.send(client, GET_LIMITS);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(CloudEventClient.json(response.body()).at("/details/reason").asText())
                .isEqualTo("REQUEST_LIMIT_EXCEEDED");
        assertThat(requestsSalesforceSaw()).isEqualTo(1);
        assertThat(salesforce.counters().successfulLogins()).isEqualTo(logins);
    }

    @Test
    void aHangPastTheTimeoutIsRetriedForAGetAndHandedBackForAPost() throws Exception {
        salesforce.faults().api(FaultKind.HANG, 1);
        assertThat(Mode.BINARY.send(client, GET_LIMITS).statusCode()).isEqualTo(200);
        assertThat(requestsSalesforceSaw()).isEqualTo(2);

        salesforce.clearRecordedRequests();
        salesforce.faults().api(FaultKind.HANG, 1);
        HttpResponse<byte[]> post = Mode.BINARY.send(client, 
                "{\"action\":\"POST\",\"resource\":\"sobjects\",\"object\":\"Account\",\"payload\":{\"Name\":\"Hang\"}}");
        assertThat(post.statusCode()).isEqualTo(503);
        assertThat(requestsSalesforceSaw()).isEqualTo(1);
    }

    @Test
    void tokenExpiryUnder200ConcurrentEventsCausesExactlyOneLogin() throws Exception {
        assertThat(Mode.BINARY.send(client, GET_LIMITS).statusCode()).isEqualTo(200);
        long logins = salesforce.counters().successfulLogins();
        salesforce.expireAllSessions();

        ExecutorService senders = Executors.newFixedThreadPool(50);
        try {
            List<Future<HttpResponse<byte[]>>> responses = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                Mode mode = i % 2 == 0 ? Mode.BINARY : Mode.STRUCTURED;
                responses.add(senders.submit(() -> mode.send(client, GET_LIMITS)));
            }
            for (Future<HttpResponse<byte[]>> response : responses) {
                assertThat(response.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            }
        } finally {
            senders.shutdownNow();
        }
        assertThat(salesforce.counters().successfulLogins() - logins).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(value = FaultKind.class, names = { "SERVICE_UNAVAILABLE_JSON", "INVALID_GRANT", "CONNECTION_RESET" })
    void aFailedLoginGives503AndTheNextEventLogsInAgain(FaultKind loginFault) throws Exception {
        assertThat(Mode.BINARY.send(client, GET_LIMITS).statusCode()).isEqualTo(200);
        long failedLogins = salesforce.counters().failedLogins();
        long logins = salesforce.counters().successfulLogins();
        salesforce.expireAllSessions();
        salesforce.faults().login(loginFault, 1);

        HttpResponse<byte[]> refused = Mode.BINARY.send(client, GET_LIMITS);
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(CloudEventClient.json(refused.body()).get("description").asText()).contains("login failed");

        HttpResponse<byte[]> recovered = Mode.STRUCTURED.send(client, GET_LIMITS);
        assertThat(recovered.statusCode()).isEqualTo(200);
        assertThat(salesforce.counters().failedLogins() - failedLogins).isEqualTo(1);
        assertThat(salesforce.counters().successfulLogins() - logins).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aSequentialRedeliveryGetsTheSameReplyAndCreatesNothingTwice(Mode mode) throws Exception {
        int accounts = salesforce.store().count("Account");
        String id = UUID.randomUUID().toString();
        String create = "{\"action\":\"POST\",\"resource\":\"sobjects\",\"object\":\"Account\","
                + "\"payload\":{\"Name\":\"Redelivered\"}}";

        HttpResponse<byte[]> first = mode.send(client, id, create);
        HttpResponse<byte[]> again = mode.send(client, id, create);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(again.statusCode()).isEqualTo(200);
        CloudEvent firstReply = replyOf(first);
        CloudEvent againReply = replyOf(again);
        assertThat(againReply.getId()).isEqualTo(firstReply.getId());
        assertThat(againReply.getData().toBytes()).isEqualTo(firstReply.getData().toBytes());
        assertThat(requestsSalesforceSaw()).isEqualTo(1);
        assertThat(salesforce.store().count("Account")).isEqualTo(accounts + 1);
    }

    @Test
    void aConcurrentRedeliveryGets409UntilTheFirstIsDoneThenTheSameReply() throws Exception {
        int accounts = salesforce.store().count("Account");
        String id = UUID.randomUUID().toString();
        String create = "{\"action\":\"POST\",\"resource\":\"sobjects\",\"object\":\"Account\","
                + "\"payload\":{\"Name\":\"Concurrent\"}}";
        salesforce.faults().apiDelay(Duration.ofMillis(700), 1);

        CompletableFuture<HttpResponse<byte[]>> first = CompletableFuture.supplyAsync(() -> {
            try {
                return Mode.BINARY.send(client, id, create);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, background);
        Eventually.until("the first delivery reached Salesforce", () -> salesforce.counters().inFlight() == 1);
        HttpResponse<byte[]> duplicate = Mode.STRUCTURED.send(client, id, create);
        assertThat(duplicate.statusCode()).isEqualTo(409);
        assertThat(duplicate.headers().firstValue("Retry-After")).hasValue("3");

        assertThat(first.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        HttpResponse<byte[]> later = Mode.BINARY.send(client, id, create);
        assertThat(later.statusCode()).isEqualTo(200);
        assertThat(replyOf(later).getId()).isEqualTo(replyOf(first.get()).getId());
        assertThat(requestsSalesforceSaw()).isEqualTo(1);
        assertThat(salesforce.store().count("Account")).isEqualTo(accounts + 1);
    }

    @Test
    void aFailedDeliveryIsNotRememberedAndItsRedeliveryIsProcessed() throws Exception {
        String id = UUID.randomUUID().toString();
        salesforce.faults().api(FaultKind.SERVICE_UNAVAILABLE_JSON, 10);
        assertThat(Mode.BINARY.send(client, id, GET_LIMITS).statusCode()).isEqualTo(503);

        salesforce.faults().clear();
        assertThat(Mode.BINARY.send(client, id, GET_LIMITS).statusCode()).isEqualTo(200);
    }

    @Test
    void shutdownLetsEventsInFlightFinishAndRefusesNewOnes() throws Exception {
        Main main = Application.createMain();
        int port = RunningTarget.freePort();
        int managementPort = RunningTarget.onLoopback(main, port);
        configuration().forEach(main::addOverrideProperty);
        CompletableFuture<Void> running = CompletableFuture.runAsync(() -> {
            try {
                main.run(); // the same path as the jar: on completion, drain, then stop
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, background);
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + managementPort + "/observe/health/ready")).build();
        Eventually.until("the second target is ready", () -> RunningTarget.status(http, ready) == 200);

        CloudEventClient second = new CloudEventClient("http://127.0.0.1:" + port + "/");
        salesforce.faults().apiDelay(Duration.ofMillis(800), 1);
        CompletableFuture<HttpResponse<byte[]>> inFlight = CompletableFuture.supplyAsync(() -> {
            try {
                return second.sendBinary(API_CALL, GET_LIMITS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, background);
        Eventually.until("the event reached Salesforce", () -> salesforce.counters().inFlight() == 1);

        main.completed(); // what SIGTERM does
        Eventually.until("readiness went down", () -> RunningTarget.status(http, ready) == 503);
        HttpResponse<byte[]> late = second.sendBinary(API_CALL, GET_LIMITS);
        assertThat(late.statusCode()).isEqualTo(503);
        assertThat(CloudEventClient.json(late.body()).at("/details/reason").asText()).isEqualTo("shutting-down");

        assertThat(inFlight.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        running.get(30, TimeUnit.SECONDS);
        assertThat(requestsSalesforceSaw()).as("the late event never reached Salesforce").isEqualTo(1);
    }

}
