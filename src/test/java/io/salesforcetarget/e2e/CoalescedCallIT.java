package io.salesforcetarget.e2e;

import static io.salesforcetarget.e2e.CloudEventClient.API_CALL;
import static io.salesforcetarget.e2e.CloudEventClient.dataOf;
import static io.salesforcetarget.e2e.CloudEventClient.replyOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.salesforcetarget.salesforce.CoalesceWrites;
import io.salesforcetarget.salesforce.WriteCoalescer;
import io.salesforcetarget.simulator.Eventually;
import io.salesforcetarget.simulator.FaultKind;
import io.salesforcetarget.simulator.RecordedRequest;
import io.salesforcetarget.simulator.SObjectRecord;
import io.salesforcetarget.simulator.SimulatorConfig;

/**
 * Events coalesced into one sObject Collections call, end to end: one call slot, held by another event's call (the
 * org holds its answer) until every event of the test waits for it, so that they all go out in one collection call.
 * A poison record among 199 good ones fails only its own event, with what its own call gets; a collection call that
 * fails as a whole gives every event what its own call would get, and nothing is done twice once the sender
 * delivers them again; a redelivery of a coalesced event replays its answer without a call.
 */
class CoalescedCallIT extends TargetAgainstSimulatedOrg {

    private static final int RETRY_AFTER_SECONDS = 3;

    private ExecutorService senders;

    @Override
    protected SimulatorConfig.Builder org(SimulatorConfig.Builder org) {
        return org.dailyApiLimit(Long.MAX_VALUE);
    }

    @Override
    protected Map<String, String> settings() {
        return quickRetries(Map.of(
                "salesforce.max-concurrent-calls", "1",
                "salesforce.pool-wait-ms", "60000",
                "events.retry-after-seconds", String.valueOf(RETRY_AFTER_SECONDS)));
    }

    @BeforeAll
    void startSenders() {
        senders = Executors.newFixedThreadPool(201);
    }

    @AfterAll
    void stopSenders() {
        senders.shutdownNow();
    }

    /** One delivery of an event: its id (a redelivery repeats it) and data. */
    private record Delivery(String id, String data) {
        static Delivery of(String data) {
            return new Delivery(UUID.randomUUID().toString(), data);
        }
    }

    private static String create(String payload) {
        return "{\"action\":\"POST\",\"resource\":\"sobjects\",\"object\":\"Account\",\"payload\":" + payload + "}";
    }

    private static String update(String id, String payload) {
        return "{\"action\":\"PATCH\",\"resource\":\"sobjects\",\"object\":\"Account\",\"record\":\"" + id
                + "\",\"payload\":" + payload + "}";
    }

    private static String delete(String id) {
        return "{\"action\":\"DELETE\",\"resource\":\"sobjects\",\"object\":\"Account\",\"record\":\"" + id + "\"}";
    }

    private static List<Delivery> deliveries(int count, IntFunction<String> data) {
        List<Delivery> deliveries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            deliveries.add(Delivery.of(data.apply(i)));
        }
        return deliveries;
    }

    /**
     * Sends {@code deliveries} while the one call slot is held by another event's call, waits until every one of
     * them waits in the coalescer, arms {@code collectionFaults} for what comes next, then lets the held call end;
     * the answers in order. {@code target}'s coalescer is asked how many wait.
     */
    private List<HttpResponse<byte[]>> coalesced(RunningTarget target, List<Delivery> deliveries,
            Runnable collectionFaults) throws Exception {
        CloudEventClient sender = new CloudEventClient(target.url(), HttpClient.Version.HTTP_1_1);
        CompletableFuture<Void> release = new CompletableFuture<>();
        int before = salesforce.recordedRequests().size();
        salesforce.faults().apiHeld(release, 1);
        Future<HttpResponse<byte[]>> holder = senders.submit(() -> sender.sendBinary(API_CALL,
                "{\"action\":\"GET\",\"resource\":\"limits\"}"));
        Eventually.until("the holding call reached the org", () -> salesforce.recordedRequests().size() > before);
        List<Future<HttpResponse<byte[]>>> responses = new ArrayList<>();
        for (Delivery delivery : deliveries) {
            responses.add(senders.submit(() -> sender.sendBinaryWithId(delivery.id(), API_CALL, delivery.data())));
        }
        WriteCoalescer coalescer = target.camelContext().getRegistry()
                .lookupByNameAndType(CoalesceWrites.COALESCER, WriteCoalescer.class);
        try {
            Eventually.until("all " + deliveries.size() + " writes wait", Duration.ofSeconds(60),
                    () -> coalescer.waitingWrites() == deliveries.size());
        } catch (AssertionError e) {
            int waiting = coalescer.waitingWrites();
            release.complete(null);
            throw new AssertionError(e.getMessage() + "; " + waiting + " wait", e);
        }
        collectionFaults.run();
        release.complete(null);
        assertThat(holder.get(30, TimeUnit.SECONDS).statusCode()).as("the holding call").isEqualTo(200);
        List<HttpResponse<byte[]>> answers = new ArrayList<>();
        for (Future<HttpResponse<byte[]>> response : responses) {
            answers.add(response.get(60, TimeUnit.SECONDS));
        }
        return answers;
    }

    private List<HttpResponse<byte[]>> coalesced(List<Delivery> deliveries) throws Exception {
        return coalesced(target, deliveries, () -> {
        });
    }

    /** The sender delivers every event again, one after the other. */
    private List<HttpResponse<byte[]>> redeliver(List<Delivery> deliveries) throws Exception {
        List<HttpResponse<byte[]>> answers = new ArrayList<>();
        for (Delivery delivery : deliveries) {
            answers.add(client.sendBinaryWithId(delivery.id(), API_CALL, delivery.data()));
        }
        return answers;
    }

    private List<RecordedRequest> collectionCalls() {
        return SimulatedOrg.collectionCalls(salesforce);
    }

    private static String category(HttpResponse<byte[]> response) {
        return String.valueOf(replyOf(response).getExtension("category"));
    }

    private static JsonNode data(HttpResponse<byte[]> response) throws Exception {
        return dataOf(replyOf(response));
    }

    private double collectionCallsMetric() throws Exception {
        return RunningTarget.metric(HttpClient.newHttpClient(), target.metricsUrl(),
                "salesforce_target_salesforce_calls_total{kind=\"collection\"}").orElse(0);
    }

    // ---- a poison record among 199 good ones ---------------------------------------------------------------------

    @Test
    void aCreateMissingARequiredFieldAmong199GoodOnesFailsAloneWithWhatItsOwnCallGets() throws Exception {
        int accounts = salesforce.store().count("Account");
        int poison = 137;
        String poisonData = create("{\"Phone\":\"555\"}");
        List<Delivery> deliveries = deliveries(200, i -> i == poison ? poisonData
                : create("{\"Name\":\"Good " + i + "\"}"));
        double collectionCallsBefore = collectionCallsMetric();

        List<HttpResponse<byte[]>> answers = coalesced(deliveries);

        assertThat(collectionCalls()).as("one collection call for all 200").singleElement()
                .satisfies(call -> assertThat(CloudEventClient.json(call.body().getBytes()).get("records"))
                        .hasSize(200));
        assertThat(salesforce.recordedRequests()).as("and the holding call").hasSize(2);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            if (i == poison) {
                continue;
            }
            HttpResponse<byte[]> answer = answers.get(i);
            assertThat(answer.statusCode()).as("event %d", i).isEqualTo(200);
            assertThat(category(answer)).isEqualTo("success");
            JsonNode data = data(answer);
            assertThat(data.get("success").asBoolean()).isTrue();
            assertThat(data.get("errors")).isEmpty();
            assertThat(data.fieldNames()).toIterable().containsExactly("id", "success", "errors");
            ids.add(data.get("id").asText());
            assertThat(salesforce.store().record("Account", data.get("id").asText())).map(record -> record.field("Name"))
                    .hasValue("Good " + i);
        }
        assertThat(ids).as("a record each").hasSize(199);
        assertThat(salesforce.store().count("Account")).isEqualTo(accounts + 199);
        assertThat(collectionCallsMetric() - collectionCallsBefore).isEqualTo(1);

        assertPoisonGotWhatItsOwnCallGets(answers.get(poison), poisonData, 400, "REQUIRED_FIELD_MISSING");
    }

    @Test
    void aDeleteOfADeletedRecordAmong199GoodOnesFailsAloneWithWhatItsOwnCallGets() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            ids.add(salesforce.store().insert("Account", Map.of("Name", "Doomed " + i)).id());
        }
        int poison = 61;
        assertThat(client.sendBinary(API_CALL, delete(ids.get(poison))).statusCode()).isEqualTo(200);
        salesforce.clearRecordedRequests();
        List<Delivery> deliveries = deliveries(200, i -> delete(ids.get(i)));

        List<HttpResponse<byte[]>> answers = coalesced(deliveries);

        assertThat(collectionCalls()).singleElement().satisfies(call -> {
            assertThat(call.method()).isEqualTo("DELETE");
            assertThat(call.query()).contains("allOrNone=false");
        });
        for (int i = 0; i < 200; i++) {
            if (i != poison) {
                assertThat(answers.get(i).statusCode()).isEqualTo(200);
                assertThat(category(answers.get(i))).isEqualTo("success");
                assertThat(replyOf(answers.get(i)).getData()).as("what a 204 gives").isNull();
                assertThat(salesforce.store().record("Account", ids.get(i))).isEmpty();
            }
        }
        assertPoisonGotWhatItsOwnCallGets(answers.get(poison), delete(ids.get(poison)), 404, "ENTITY_IS_DELETED");
    }

    /** The poison's reply is that of its own call: the same event data sent now, alone (the slot is free). */
    private void assertPoisonGotWhatItsOwnCallGets(HttpResponse<byte[]> answer, String data, int status,
            String errorCode) throws Exception {
        assertThat(answer.statusCode()).as("acknowledged: the event's own fault").isEqualTo(200);
        assertThat(category(answer)).isEqualTo("error");
        JsonNode error = data(answer);
        assertThat(error.get("code").asText()).isEqualTo("adapter-process");
        assertThat(error.at("/details/statusCode").asInt()).isEqualTo(status);
        assertThat(error.at("/details/body/0/errorCode").asText()).isEqualTo(errorCode);

        int before = salesforce.recordedRequests().size();
        HttpResponse<byte[]> alone = client.sendBinary(API_CALL, data);
        assertThat(salesforce.recordedRequests()).hasSize(before + 1);
        assertThat(salesforce.recordedRequests().get(before).path()).doesNotContain("composite");
        assertThat(alone.statusCode()).isEqualTo(answer.statusCode());
        assertThat(category(alone)).isEqualTo("error");
        assertThat(data(alone)).as("status, description and Salesforce's errors in the single-call shape")
                .isEqualTo(error);
    }

    // ---- the collection call fails as a whole --------------------------------------------------------------------

    /** A create collection that may have reached Salesforce is not sent again inside: the sender delivers again. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = FaultKind.class, names = { "SERVICE_UNAVAILABLE_JSON", "SERVICE_UNAVAILABLE_HTML",
            "SERVER_ERROR", "TOO_MANY_REQUESTS", "REQUEST_TIMEOUT", "CONNECTION_RESET", "REQUEST_LIMIT_EXCEEDED" })
    void aFailedCreateCollectionAsksForEveryEventAgainAndTheRedeliveriesCreateEachRecordOnce(FaultKind fault)
            throws Exception {
        String run = UUID.randomUUID().toString();
        List<Delivery> deliveries = deliveries(20, i -> create("{\"Name\":\"" + run + " " + i + "\"}"));

        List<HttpResponse<byte[]>> answers = coalesced(target, deliveries, () -> salesforce.faults().api(fault, 1));

        assertThat(collectionCalls()).as("a POST is not repeated inside the target").hasSize(1);
        for (HttpResponse<byte[]> answer : answers) {
            assertThat(answer.statusCode()).isEqualTo(503);
            assertThat(answer.headers().firstValue("Retry-After")).hasValue(String.valueOf(RETRY_AFTER_SECONDS));
            assertThat(CloudEventClient.json(answer.body()).get("code").asText()).isEqualTo("retry-later");
        }
        assertThat(accountsOf(run)).as("nothing created").isEmpty();

        List<HttpResponse<byte[]>> again = redeliver(deliveries);

        assertThat(again).allSatisfy(answer -> {
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(category(answer)).isEqualTo("success");
        });
        assertThat(accountsOf(run)).extracting(account -> account.field("Name")).as("each record once")
                .containsExactlyInAnyOrderElementsOf(deliveries.stream()
                        .map(delivery -> delivery.data().replaceAll(".*\"Name\":\"([^\"]+)\".*", "$1")).toList());
    }

    private List<SObjectRecord> accountsOf(String run) {
        return salesforce.store().records("Account").stream()
                .filter(account -> String.valueOf(account.field("Name")).startsWith(run)).toList();
    }

    /**
     * An update collection is retried inside the target as an update is: a failure once is not seen by the sender; an
     * outage for every attempt gives every event 503, and the redeliveries update each record.
     */
    @ParameterizedTest(name = "503 for {0} attempts of 3")
    @ValueSource(ints = { 1, 3 })
    void aFailedUpdateCollectionIsRetriedInsideThenHandedBackToTheSender(int failedAttempts) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(salesforce.store().insert("Account", Map.of("Name", "Updated " + i)).id());
        }
        String phone = String.valueOf(System.nanoTime());
        List<Delivery> deliveries = deliveries(20, i -> update(ids.get(i), "{\"Phone\":\"" + phone + "\"}"));

        List<HttpResponse<byte[]>> answers = coalesced(target, deliveries,
                () -> salesforce.faults().api(FaultKind.SERVICE_UNAVAILABLE_JSON, failedAttempts));

        boolean outage = failedAttempts == 3;
        assertThat(collectionCalls()).as("every attempt, with all 20 records").hasSize(outage ? 3 : 2)
                .allSatisfy(call -> assertThat(CloudEventClient.json(call.body().getBytes()).get("records"))
                        .hasSize(20));
        for (HttpResponse<byte[]> answer : answers) {
            assertThat(answer.statusCode()).isEqualTo(outage ? 503 : 200);
        }
        if (outage) {
            assertThat(ids).allSatisfy(id -> assertThat(salesforce.store().record("Account", id).orElseThrow()
                    .field("Phone")).isNotEqualTo(phone));
            assertThat(redeliver(deliveries)).allSatisfy(answer -> assertThat(answer.statusCode()).isEqualTo(200));
        }
        assertThat(ids).allSatisfy(id -> assertThat(salesforce.store().record("Account", id).orElseThrow()
                .field("Phone")).isEqualTo(phone));
    }

    @Test
    void aCollectionCallAnswered401GetsOneNewLoginAndOneMoreTryForAllItsEvents() throws Exception {
        long logins = salesforce.counters().successfulLogins();
        List<Delivery> deliveries = deliveries(10, i -> create("{\"Name\":\"Relogged " + i + "\"}"));

        List<HttpResponse<byte[]>> answers = coalesced(target, deliveries,
                () -> salesforce.faults().api(FaultKind.INVALID_SESSION, 1));

        assertThat(answers).allSatisfy(answer -> assertThat(category(answer)).isEqualTo("success"));
        assertThat(collectionCalls()).hasSize(2);
        assertThat(salesforce.counters().successfulLogins() - logins).isEqualTo(1);
    }

    /** The session is refused and the new login fails: every event gets a single call's 503, and nothing is done. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = FaultKind.class, names = { "SERVICE_UNAVAILABLE_JSON", "INVALID_GRANT" })
    void aCollectionCallWhoseLoginFailsAsksForEveryEventAgain(FaultKind loginFault) throws Exception {
        String run = UUID.randomUUID().toString();
        List<Delivery> deliveries = deliveries(10, i -> create("{\"Name\":\"" + run + " " + i + "\"}"));

        List<HttpResponse<byte[]>> answers = coalesced(target, deliveries,
                () -> salesforce.faults().api(FaultKind.INVALID_SESSION, 1).login(loginFault, 1));

        assertThat(collectionCalls()).as("the one answered 401, not sent again without a session").hasSize(1);
        for (HttpResponse<byte[]> answer : answers) {
            assertThat(answer.statusCode()).isEqualTo(503);
            assertThat(answer.headers().firstValue("Retry-After")).hasValue(String.valueOf(RETRY_AFTER_SECONDS));
            assertThat(CloudEventClient.json(answer.body()).get("description").asText()).contains("login failed");
        }
        assertThat(accountsOf(run)).isEmpty();

        assertThat(redeliver(deliveries)).allSatisfy(answer -> assertThat(category(answer)).isEqualTo("success"));
        assertThat(accountsOf(run)).as("each record once").hasSize(10);
    }

    /** Salesforce refuses the collection request itself: every event is sent alone and gets its own answer. */
    @Test
    void aCollectionRequestSalesforceRefusesIsSentAgainEventByEvent() throws Exception {
        String unknownObject = "{\"action\":\"POST\",\"resource\":\"sobjects\",\"object\":\"Bogus__c\","
                + "\"payload\":{\"Name\":\"x\"}}";
        List<Delivery> deliveries = deliveries(5, i -> unknownObject);

        List<HttpResponse<byte[]>> answers = coalesced(deliveries);

        assertThat(collectionCalls()).singleElement();
        assertThat(salesforce.recordedRequests()).filteredOn(request -> request.path().endsWith("/sobjects/Bogus__c"))
                .as("each event's own call").hasSize(5);
        HttpResponse<byte[]> alone = client.sendBinary(API_CALL, unknownObject);
        for (HttpResponse<byte[]> answer : answers) {
            assertThat(answer.statusCode()).isEqualTo(alone.statusCode());
            assertThat(category(answer)).isEqualTo("error");
            assertThat(data(answer)).isEqualTo(data(alone));
        }
    }

    /** A collection call that times out: an update is retried inside; every event gets the outcome of its own. */
    @Test
    void aCollectionCallThatTimesOutIsRetriedForUpdates() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(salesforce.store().insert("Account", Map.of("Name", "Slow " + i)).id());
        }
        try (RunningTarget quick = RunningTarget.start(RunningTarget.with(configuration(),
                Map.of("salesforce.request-timeout-ms", "2000")))) {
            List<HttpResponse<byte[]>> answers = coalesced(quick,
                    deliveries(3, i -> update(ids.get(i), "{\"Phone\":\"42\"}")),
                    () -> salesforce.faults().api(FaultKind.HANG, 1));

            assertThat(answers).allSatisfy(answer -> assertThat(category(answer)).isEqualTo("success"));
            assertThat(collectionCalls()).as("the one that timed out, and its retry").hasSize(2);
            assertThat(ids).allSatisfy(id -> assertThat(salesforce.store().record("Account", id).orElseThrow()
                    .field("Phone")).isEqualTo("42"));
        }
    }

    // ---- replay ---------------------------------------------------------------------------------------------------

    @Test
    void aRedeliveryOfACoalescedEventReplaysItsOwnAnswerAndCallsNothing() throws Exception {
        List<Delivery> deliveries = deliveries(5, i -> create("{\"Name\":\"Replayed " + i + "\"}"));
        List<HttpResponse<byte[]>> first = coalesced(deliveries);
        assertThat(collectionCalls()).singleElement();
        int requests = salesforce.recordedRequests().size();
        int accounts = salesforce.store().count("Account");

        List<HttpResponse<byte[]>> again = redeliver(deliveries);

        for (int i = 0; i < deliveries.size(); i++) {
            CloudEvent original = replyOf(first.get(i));
            CloudEvent replayed = replyOf(again.get(i));
            assertThat(again.get(i).statusCode()).isEqualTo(200);
            assertThat(replayed.getId()).as("the same reply event").isEqualTo(original.getId());
            assertThat(replayed.getData().toBytes()).isEqualTo(original.getData().toBytes());
        }
        assertThat(salesforce.recordedRequests()).as("no call").hasSize(requests);
        assertThat(salesforce.store().count("Account")).isEqualTo(accounts);
    }
}
