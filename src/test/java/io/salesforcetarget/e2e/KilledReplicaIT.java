package io.salesforcetarget.e2e;

import static io.salesforcetarget.e2e.CloudEventClient.API_CALL;
import static io.salesforcetarget.e2e.CloudEventClient.replyOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.salesforcetarget.replay.RealPostgres;
import io.salesforcetarget.simulator.Eventually;
import io.salesforcetarget.simulator.SalesforceSimulator;

/**
 * The packaged jar ({@link PackagedJar}) with {@code EVENTS_STORE} on a real PostgreSQL, against a
 * {@link SimulatedOrg}, killed with SIGKILL as an OOM kill or a node failure would: its answers survive it, and the
 * claim of the call it died in holds until its lease ends.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KilledReplicaIT {

    /** Above the longest call these settings allow (5.9 s: see {@link #environment()}). */
    private static final int LEASE_SECONDS = 6;

    private RealPostgres postgres;
    private SimulatedOrg org;
    private SalesforceSimulator salesforce;
    private Replica replica;

    @BeforeAll
    void startDatabaseAndOrg() throws Exception {
        postgres = RealPostgres.start();
        org = SimulatedOrg.start(config -> config.dailyApiLimit(Long.MAX_VALUE));
        salesforce = org.salesforce();
    }

    @AfterAll
    void stopDatabaseAndOrg() throws Exception {
        org.close();
        postgres.close();
    }

    @BeforeEach
    void startReplica() throws Exception {
        org.clearFaultsAndRecordings();
        replica = new Replica();
        replica.start();
    }

    @AfterEach
    void killReplica() throws InterruptedException {
        replica.kill();
        replica.assertOutputWithoutPassword();
    }

    /** One target process: the packaged jar on a free port, started again on a new port after a kill. */
    private final class Replica {
        private Process process;
        private final List<String> output = new CopyOnWriteArrayList<>();
        private volatile int port;

        void start() throws Exception {
            port = RunningTarget.freePort();
            int management = RunningTarget.freePort();
            ProcessBuilder builder = PackagedJar.command();
            builder.environment().putAll(environment());
            builder.environment().put("PORT", String.valueOf(port));
            builder.environment().put("MANAGEMENT_PORT", String.valueOf(management));
            process = builder.start();
            ProcessOutput.drain(process, output, line -> false);
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest ready = HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + management + "/observe/health/ready")).build();
            waitFor(Duration.ofSeconds(60), () -> "the replica is ready; output:\n" + String.join("\n", output),
                    () -> process.isAlive() && RunningTarget.status(http, ready) == 200);
        }

        /** SIGKILL: nothing of the process runs after it, no drain, no shutdown hook. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        String url() {
            return "http://127.0.0.1:" + port + "/";
        }

        HttpResponse<byte[]> send(String id, String data) throws Exception {
            return new CloudEventClient(url()).sendBinaryWithId(id, API_CALL, data);
        }

        void assertOutputWithoutPassword() {
            assertThat(String.join("\n", output)).as("the replica's whole output").isNotEmpty()
                    .doesNotContain(postgres.password());
        }
    }

    private Map<String, String> environment() {
        return RunningTarget.with(org.loginEnvironment(), Map.ofEntries(
                Map.entry("SALESFORCE_API_VERSION", "v62.0"),
                Map.entry("SALESFORCE_REQUEST_TIMEOUT_MS", "2000"),
                Map.entry("SALESFORCE_RETRY_BUDGET_MS", "1000"),
                Map.entry("SALESFORCE_CONNECT_TIMEOUT_MS", "500"),
                Map.entry("SALESFORCE_POOL_WAIT_MS", "400"),
                Map.entry("EVENTS_STORE", postgres.url()),
                Map.entry("EVENTS_STORE_USERNAME", RealPostgres.USER),
                Map.entry("EVENTS_STORE_PASSWORD", postgres.password()),
                Map.entry("EVENTS_CLAIM_LEASE_SECONDS", String.valueOf(LEASE_SECONDS)),
                Map.entry("HOST", "127.0.0.1"),
                Map.entry("MANAGEMENT_HOST", "127.0.0.1")));
    }

    private static String create(String name) {
        return "{\"action\":\"POST\",\"resource\":\"sobjects\",\"object\":\"Account\",\"payload\":{\"Name\":\""
                + name + "\"}}";
    }

    @Test
    void aReplicaKilledAfterItsAnswerReplaysItWhenRestarted() throws Exception {
        int accounts = salesforce.store().count("Account");
        String id = UUID.randomUUID().toString();
        HttpResponse<byte[]> first = replica.send(id, create("Survives"));
        assertThat(first.statusCode()).isEqualTo(200);

        replica.kill();
        replica.start();
        HttpResponse<byte[]> again = replica.send(id, create("Survives"));

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(replyOf(again).getId()).isEqualTo(replyOf(first).getId());
        assertThat(replyOf(again).getData().toBytes()).isEqualTo(replyOf(first).getData().toBytes());
        assertThat(salesforce.recordedRequests()).as("one create").hasSize(1);
        assertThat(salesforce.store().count("Account")).isEqualTo(accounts + 1);
    }

    /**
     * The one window no store closes: Salesforce did the create, the replica died before storing the answer. The
     * claim holds the event for its lease (no call meanwhile), then the redelivery is processed again.
     */
    @Test
    void aReplicaKilledDuringItsCallHoldsTheEventForTheLeaseThenTheEventIsProcessedAgain() throws Exception {
        Replica other = new Replica(); // live before the kill: the redelivery reaches it well within the lease
        other.start();
        try {
            String id = UUID.randomUUID().toString();
            salesforce.faults().apiDelay(Duration.ofMillis(1500), 1);
            CompletableFuture<Integer> dying = CompletableFuture.supplyAsync(() -> {
                try {
                    return replica.send(id, create("InFlightAtTheCrash")).statusCode();
                } catch (Exception e) {
                    return -1; // the connection died with the replica
                }
            });
            Eventually.until("the call reached Salesforce", () -> salesforce.counters().inFlight() == 1);
            replica.kill();
            assertThat(dying.get(10, TimeUnit.SECONDS)).isEqualTo(-1);

            HttpResponse<byte[]> held = other.send(id, create("InFlightAtTheCrash"));
            assertThat(held.statusCode()).as("the dead replica's claim holds").isEqualTo(409);
            waitFor(Duration.ofSeconds(LEASE_SECONDS + 10), () -> "the claim's lease ended",
                    () -> postgres.leaseEnded("e2e-test " + id));
            assertThat(other.send(id, create("InFlightAtTheCrash")).statusCode()).isEqualTo(200);
            assertThat(salesforce.recordedRequests())
                    .as("the call of the killed replica, and the one after its lease").hasSize(2);
        } finally {
            other.kill();
            other.assertOutputWithoutPassword();
        }
    }

    /**
     * Two replicas, a broker that redelivers every unanswered or non-2xx event to the other one, and one replica
     * killed with SIGKILL in the middle of 1,000 creates, then started again: every event ends acknowledged, each
     * record exists, and a record exists twice only for an event the killed replica never answered (its call was in
     * flight at the kill: the window no store closes). Then every event again: the same answers, no call.
     */
    @Test
    void aReplicaKilledInABurstOf1000CreatesLosesNoEventAndRepeatsOnlyCallsInFlightAtTheKill() throws Exception {
        Replica other = new Replica();
        other.start();
        try {
            List<Replica> replicas = List.of(replica, other);
            List<RedeliveringBroker.Event> events = IntStream.range(0, 1000).mapToObj(i -> {
                String id = UUID.randomUUID().toString();
                return new RedeliveringBroker.Event(id, create("Burst " + id));
            }).toList();
            RedeliveringBroker broker = new RedeliveringBroker(2, i -> replicas.get(i).url(), 32);
            CompletableFuture<List<RedeliveringBroker.Outcome>> burst = CompletableFuture.supplyAsync(() -> {
                try {
                    return broker.deliver(events, 0);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            waitFor(Duration.ofSeconds(60), () -> "300 events acknowledged", () -> broker.acknowledged() >= 300);
            replica.kill();
            replica.start();
            List<RedeliveringBroker.Outcome> outcomes = burst.get(180, TimeUnit.SECONDS);

            assertThat(outcomes).allSatisfy(outcome -> {
                assertThat(outcome.acknowledged()).as("event %s acknowledged", outcome.event().id()).isNotNull();
                assertThat(outcome.acknowledged().statusCode()).isEqualTo(200);
                assertThat(replyOf(outcome.acknowledged()).getExtension("category")).isEqualTo("success");
            });
            Map<String, Long> records = salesforce.store().records("Account").stream()
                    .map(record -> record.field("Name")).filter(name -> name != null && name.startsWith("Burst "))
                    .collect(Collectors.groupingBy(name -> name.substring("Burst ".length()), Collectors.counting()));
            assertThat(records.keySet()).as("every event's record")
                    .containsExactlyInAnyOrderElementsOf(events.stream().map(RedeliveringBroker.Event::id).toList());
            Set<String> twice = records.entrySet().stream().filter(entry -> entry.getValue() > 1)
                    .map(Map.Entry::getKey).collect(Collectors.toSet());
            Set<String> unansweredByTheKilled = outcomes.stream().filter(outcome -> outcome.unansweredBy(0))
                    .map(outcome -> outcome.event().id()).collect(Collectors.toSet());
            assertThat(records.values()).as("at most one repeat, after the lease").allMatch(count -> count <= 2);
            assertThat(unansweredByTheKilled).as("a record twice only for an event in flight at the kill")
                    .containsAll(twice);
            System.out.printf("kill -9 in a burst of 1,000 creates: %d events left unanswered by the killed replica,"
                    + " %d records created twice, %d deliveries in all%n", unansweredByTheKilled.size(), twice.size(),
                    outcomes.stream().mapToInt(outcome -> outcome.deliveries().size()).sum());

            int accounts = salesforce.store().count("Account");
            List<RedeliveringBroker.Outcome> again = new RedeliveringBroker(2, i -> replicas.get(i).url(), 32)
                    .deliver(events, 1);
            for (int i = 0; i < events.size(); i++) {
                HttpResponse<byte[]> first = outcomes.get(i).acknowledged();
                HttpResponse<byte[]> replayed = again.get(i).acknowledged();
                assertThat(replayed.statusCode()).isEqualTo(200);
                assertThat(replyOf(replayed).getId()).isEqualTo(replyOf(first).getId());
                assertThat(replyOf(replayed).getData().toBytes()).isEqualTo(replyOf(first).getData().toBytes());
            }
            assertThat(salesforce.store().count("Account")).as("replayed, not done again").isEqualTo(accounts);
        } finally {
            other.kill();
            other.assertOutputWithoutPassword();
        }
    }

    @Test
    void aDatabaseThatCannotBeUsedStopsTheStartWithExitCode2AndTheReasonButNotThePassword() throws Exception {
        ProcessBuilder builder = PackagedJar.command();
        builder.environment().putAll(environment());
        builder.environment().put("PORT", String.valueOf(RunningTarget.freePort()));
        builder.environment().put("MANAGEMENT_PORT", String.valueOf(RunningTarget.freePort()));
        builder.environment().put("EVENTS_STORE_PASSWORD", "wrong-password-7");
        Process refused = builder.start();
        List<String> lines = new CopyOnWriteArrayList<>();
        CompletableFuture<Boolean> ended = ProcessOutput.drain(refused, lines, line -> false);

        assertThat(refused.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(ended.get(10, TimeUnit.SECONDS)).isFalse(); // all of the output is read
        String output = String.join("\n", lines);
        assertThat(refused.exitValue()).as(output).isEqualTo(2);
        assertThat(output).contains("EVENTS_STORE " + postgres.url(),
                "password authentication failed for user \"postgres\"").doesNotContain("wrong-password-7");
    }

    private static void waitFor(Duration limit, Supplier<String> what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for: " + what.get());
            }
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
    }

}
