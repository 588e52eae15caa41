package io.salesforcetarget.e2e;

import static io.salesforcetarget.e2e.CloudEventClient.API_CALL;
import static io.salesforcetarget.e2e.CloudEventClient.replyOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.cloudevents.CloudEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.salesforcetarget.replay.RealPostgres;
import io.salesforcetarget.simulator.Eventually;
import io.salesforcetarget.simulator.SimulatorConfig;

/**
 * Two replicas of the real application share one real PostgreSQL ({@code EVENTS_STORE}) in front of one simulated
 * org: whichever replica a delivery lands on, and across a restart, an event makes exactly one Salesforce call and
 * every delivery of it gets the same answer.
 */
class SharedEventStoreIT extends TargetAgainstSimulatedOrg {

    private RealPostgres postgres;
    /** The second replica; the first is {@link #target}. */
    private RunningTarget replicaB;

    @Override
    protected void beforeOrgAndTarget() throws Exception {
        postgres = RealPostgres.start();
    }

    @Override
    protected void afterOrgAndTarget() throws Exception {
        postgres.close();
    }

    @Override
    protected SimulatorConfig.Builder org(SimulatorConfig.Builder org) {
        return org.dailyApiLimit(Long.MAX_VALUE);
    }

    @BeforeAll
    void startTheSecondReplica() throws Exception {
        replicaB = startTarget(Map.of());
    }

    @AfterAll
    void stopTheSecondReplica() throws Exception {
        replicaB.close();
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of(
                "salesforce.api-version", "v62.0",
                "events.store", postgres.url(),
                "events.store.username", RealPostgres.USER,
                "events.store.password", postgres.password(),
                "events.retry-after-seconds", "3",
                // A short lease, for the claims a database outage leaves: above the longest call these allow (5.9 s).
                "salesforce.request-timeout-ms", "2000",
                "salesforce.retry.budget-ms", "1000",
                "salesforce.connect-timeout-ms", "500",
                "salesforce.pool-wait-ms", "400",
                "events.claim-lease-seconds", "6");
    }

    private static String create(String name) {
        return "{\"action\":\"POST\",\"resource\":\"sobjects\",\"object\":\"Account\",\"payload\":{\"Name\":\""
                + name + "\"}}";
    }

    private static HttpResponse<byte[]> send(RunningTarget replica, String id, String data) throws Exception {
        return new CloudEventClient(replica.url()).sendBinaryWithId(id, API_CALL, data);
    }

    private static void assertSameAnswer(HttpResponse<byte[]> again, HttpResponse<byte[]> first) {
        assertThat(again.statusCode()).isEqualTo(first.statusCode());
        CloudEvent replayed = replyOf(again);
        CloudEvent original = replyOf(first);
        assertThat(replayed.getId()).as("the same reply event").isEqualTo(original.getId());
        assertThat(replayed.getData().toBytes()).isEqualTo(original.getData().toBytes());
    }

    @Test
    void aRedeliveryToTheOtherReplicaGetsTheSameAnswerWithoutASecondCall() throws Exception {
        int accounts = salesforce.store().count("Account");
        String id = UUID.randomUUID().toString();

        HttpResponse<byte[]> first = send(target, id, create("Replicated"));
        HttpResponse<byte[]> again = send(replicaB, id, create("Replicated"));

        assertThat(first.statusCode()).isEqualTo(200);
        assertSameAnswer(again, first);
        assertThat(salesforce.recordedRequests()).hasSize(1);
        assertThat(salesforce.store().count("Account")).isEqualTo(accounts + 1);
    }

    @Test
    void twoDeliveriesAtOnceOnTwoReplicasMakeOneCallAndTheOtherGets409ThenTheAnswer() throws Exception {
        int accounts = salesforce.store().count("Account");
        String id = UUID.randomUUID().toString();
        salesforce.faults().apiDelay(Duration.ofMillis(700), 1);

        CompletableFuture<HttpResponse<byte[]>> first = CompletableFuture.supplyAsync(() -> {
            try {
                return send(target, id, create("Concurrent"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Eventually.until("the first delivery reached Salesforce", () -> salesforce.counters().inFlight() == 1);
        HttpResponse<byte[]> duplicate = send(replicaB, id, create("Concurrent"));
        assertThat(duplicate.statusCode()).isEqualTo(409);
        assertThat(duplicate.headers().firstValue("Retry-After")).hasValue("3");

        assertThat(first.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertSameAnswer(send(replicaB, id, create("Concurrent")), first.get());
        assertThat(salesforce.recordedRequests()).hasSize(1);
        assertThat(salesforce.store().count("Account")).isEqualTo(accounts + 1);
    }

    @Test
    void aRestartedReplicaReplaysWhatItAnsweredBefore() throws Exception {
        String id = UUID.randomUUID().toString();
        HttpResponse<byte[]> first = send(target, id, create("BeforeRestart"));
        target.close();
        target = startTarget(Map.of()); // nothing in its memory

        assertSameAnswer(send(target, id, create("BeforeRestart")), first);
        assertThat(salesforce.recordedRequests()).as("the create, once").hasSize(1);
    }

    @Test
    void aClaimLeftByADeadReplicaHoldsItsEventUntilTheLeaseEndsThenTheEventIsProcessed() throws Exception {
        String id = UUID.randomUUID().toString();
        try (Connection db = postgres.connect()) {
            try (PreparedStatement dead = db.prepareStatement("INSERT INTO salesforce_target_events"
                    + " (event_key, claimed_by, claim_token, expires_at)"
                    + " VALUES (?, 'dead-replica/1', gen_random_uuid(), now() + interval '1 second')")) {
                dead.setString(1, "e2e-test " + id);
                dead.executeUpdate();
            }
            HttpResponse<byte[]> held = send(replicaB, id, create("Orphan"));
            assertThat(held.statusCode()).isEqualTo(409);
            assertThat(salesforce.recordedRequests()).isEmpty();

            Eventually.until("the dead replica's lease ended", () -> postgres.leaseEnded("e2e-test " + id));
        }
        assertThat(send(replicaB, id, create("Orphan")).statusCode()).isEqualTo(200);
        assertThat(salesforce.recordedRequests()).hasSize(1);
    }

    @Test
    void whileTheDatabaseIsDownEventsGet503AndAreNotSentThenTheReplicaRecovers() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(replicaB.healthUrl("ready"))).build();
        postgres.stopServer();
        try {
            HttpResponse<byte[]> refused = send(replicaB, UUID.randomUUID().toString(), create("DatabaseDown"));
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("3");
            assertThat(CloudEventClient.json(refused.body()).at("/details/reason").asText())
                    .isEqualTo("event-store-unavailable");
            assertThat(new String(refused.body())).doesNotContain(postgres.password());
            assertThat(http.send(ready, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(503);
            assertThat(salesforce.recordedRequests()).as("no call without a claim").isEmpty();
        } finally {
            postgres.startServer();
        }
        assertThat(send(replicaB, UUID.randomUUID().toString(), create("DatabaseBack")).statusCode()).isEqualTo(200);
        assertThat(http.send(ready, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }

    @Test
    void theDatabaseStoppedAndStartedDuringLoadGives503sAndNothingIsDoneTwice() throws Exception {
        List<RedeliveringBroker.Event> events = IntStream.range(0, 400).mapToObj(i -> {
            String id = UUID.randomUUID().toString();
            return new RedeliveringBroker.Event(id, create("Outage " + id));
        }).toList();
        List<RunningTarget> replicas = List.of(target, replicaB);
        RedeliveringBroker broker = new RedeliveringBroker(2, i -> replicas.get(i).url(), 16);
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(replicaB.healthUrl("ready"))).build();

        CompletableFuture<List<RedeliveringBroker.Outcome>> load = CompletableFuture.supplyAsync(() -> {
            try {
                return broker.deliver(events, 0);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Eventually.until("100 events acknowledged", () -> broker.acknowledged() >= 100);
        postgres.stopServer();
        try {
            Eventually.until("readiness went down", () -> RunningTarget.status(http, ready) == 503);
        } finally {
            postgres.startServer();
        }
        List<RedeliveringBroker.Outcome> outcomes = load.get(120, TimeUnit.SECONDS);

        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.acknowledged())
                .as("event %s acknowledged", outcome.event().id()).isNotNull());
        assertThat(outcomes).flatExtracting(RedeliveringBroker.Outcome::deliveries)
                .extracting(RedeliveringBroker.Delivery::status).as("the outage was felt").contains(503);
        Map<String, Long> records = salesforce.store().records("Account").stream()
                .map(record -> record.field("Name")).filter(name -> name != null && name.startsWith("Outage "))
                .collect(Collectors.groupingBy(name -> name, Collectors.counting()));
        assertThat(records).as("every event's record, once").hasSize(events.size()).allSatisfy((name, count) ->
                assertThat(count).as(name).isEqualTo(1L));
        Eventually.until("readiness came back", () -> RunningTarget.status(http, ready) == 200);
    }

}
