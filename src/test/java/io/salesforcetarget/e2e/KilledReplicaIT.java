package io.salesforcetarget.e2e;

import static io.salesforcetarget.e2e.CloudEventClient.API_CALL;
import static io.salesforcetarget.e2e.CloudEventClient.replyOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.salesforcetarget.auth.TestKeys;
import io.salesforcetarget.replay.RealPostgres;
import io.salesforcetarget.simulator.Eventually;
import io.salesforcetarget.simulator.SalesforceSimulator;
import io.salesforcetarget.simulator.SimulatorConfig;

/**
 * The packaged jar with {@code EVENTS_STORE} on a real PostgreSQL, killed with SIGKILL as an OOM kill or a node
 * failure would: its answers survive it, and the claim of the call it died in holds until its lease ends.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KilledReplicaIT {

    private static final Path JAR = Path.of("target", "salesforce-target.jar");
    private static final String CLIENT_ID = "3MVG9-e2e-consumer-key";
    private static final String USER = "integration@example.com";
    /** Above the longest call these settings allow (5.9 s: see {@link #environment()}). */
    private static final int LEASE_SECONDS = 6;

    private RealPostgres postgres;
    private SalesforceSimulator salesforce;
    private KeyPair keys;
    private Process replica;
    private final List<String> output = new CopyOnWriteArrayList<>();
    private int port;

    @BeforeAll
    void startDatabaseAndOrg() throws Exception {
        postgres = RealPostgres.start();
        keys = TestKeys.generate("RSA", 2048);
        salesforce = SalesforceSimulator.start(SimulatorConfig.builder().publicKey(keys.getPublic())
                .clientId(CLIENT_ID).username(USER).dailyApiLimit(Long.MAX_VALUE).build());
    }

    @AfterAll
    void stopDatabaseAndOrg() throws Exception {
        salesforce.close();
        postgres.close();
    }

    @BeforeEach
    void startReplica() throws Exception {
        salesforce.faults().clear();
        salesforce.clearRecordedRequests();
        start();
    }

    @AfterEach
    void killReplica() throws InterruptedException {
        kill();
        assertThat(String.join("\n", output)).as("the replica's whole output").isNotEmpty()
                .doesNotContain(postgres.password());
    }

    private Map<String, String> environment() throws Exception {
        return Map.ofEntries(
                Map.entry("SALESFORCE_AUTH_CLIENT_ID", CLIENT_ID),
                Map.entry("SALESFORCE_AUTH_SERVER", salesforce.baseUrl()),
                Map.entry("SALESFORCE_AUTH_USER", USER),
                Map.entry("SALESFORCE_AUTH_CERT_KEY", TestKeys.pkcs8Pem(keys.getPrivate())),
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
                Map.entry("PORT", String.valueOf(port)),
                Map.entry("MANAGEMENT_HOST", "127.0.0.1"));
    }

    private void start() throws Exception {
        port = RunningTarget.freePort();
        int management = RunningTarget.freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-jar", JAR.toAbsolutePath().toString())
                .redirectErrorStream(true);
        builder.environment().putAll(environment());
        builder.environment().put("MANAGEMENT_PORT", String.valueOf(management));
        output.clear();
        replica = builder.start();
        ProcessOutput.drain(replica, output, line -> false);
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + management + "/observe/health/ready")).build();
        waitFor(Duration.ofSeconds(60), "the replica is ready", () -> replica.isAlive() && status(http, ready) == 200);
    }

    /** SIGKILL: nothing of the process runs after it, no drain, no shutdown hook. */
    private void kill() throws InterruptedException {
        replica.destroyForcibly();
        assertThat(replica.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    private HttpResponse<byte[]> send(String id, String data) throws Exception {
        return new CloudEventClient("http://127.0.0.1:" + port + "/").sendBinaryWithId(id, API_CALL, data);
    }

    private static String create(String name) {
        return "{\"action\":\"POST\",\"resource\":\"sobjects\",\"object\":\"Account\",\"payload\":{\"Name\":\""
                + name + "\"}}";
    }

    @Test
    void aReplicaKilledAfterItsAnswerReplaysItWhenRestarted() throws Exception {
        int accounts = salesforce.store().count("Account");
        String id = UUID.randomUUID().toString();
        HttpResponse<byte[]> first = send(id, create("Survives"));
        assertThat(first.statusCode()).as("output:%n%s", String.join("\n", output)).isEqualTo(200);

        kill();
        start();
        HttpResponse<byte[]> again = send(id, create("Survives"));

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
        String id = UUID.randomUUID().toString();
        salesforce.faults().apiDelay(Duration.ofMillis(1500), 1);
        CompletableFuture<Integer> dying = CompletableFuture.supplyAsync(() -> {
            try {
                return send(id, create("InFlightAtTheCrash")).statusCode();
            } catch (Exception e) {
                return -1; // the connection died with the replica
            }
        });
        Eventually.until("the call reached Salesforce", () -> salesforce.counters().inFlight() == 1);
        kill();
        assertThat(dying.get(10, TimeUnit.SECONDS)).isEqualTo(-1);
        start();

        HttpResponse<byte[]> held = send(id, create("InFlightAtTheCrash"));
        assertThat(held.statusCode()).as("the dead replica's claim holds").isEqualTo(409);
        waitFor(Duration.ofSeconds(LEASE_SECONDS + 10), "the claim's lease ended", () -> leaseEnded("e2e-test " + id));
        assertThat(send(id, create("InFlightAtTheCrash")).statusCode()).isEqualTo(200);
        assertThat(salesforce.recordedRequests()).as("the call of the killed replica, and the one after its lease")
                .hasSize(2);
    }

    @Test
    void aDatabaseThatCannotBeUsedStopsTheStartWithExitCode2AndTheReasonButNotThePassword() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toAbsolutePath().toString()).redirectErrorStream(true);
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

    private boolean leaseEnded(String key) {
        try (Connection db = DriverManager.getConnection(postgres.url(), RealPostgres.USER, postgres.password());
                PreparedStatement query = db.prepareStatement(
                        "SELECT expires_at <= now() FROM salesforce_target_events WHERE event_key = ?")) {
            query.setString(1, key);
            try (ResultSet row = query.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void waitFor(Duration limit, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("timed out waiting for: %s; output:%n%s", what,
                    String.join("\n", output)).isLessThan(deadline);
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
    }

    private static int status(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }
}
