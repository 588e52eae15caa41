package io.salesforcetarget.e2e;

import static io.salesforcetarget.e2e.CloudEventClient.API_CALL;
import static io.salesforcetarget.e2e.CloudEventClient.dataOf;
import static io.salesforcetarget.e2e.CloudEventClient.replyOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.salesforcetarget.simulator.Eventually;
import io.salesforcetarget.simulator.RecordedRequest;
import io.salesforcetarget.simulator.SalesforceSimulator;

/**
 * SIGTERM to the packaged jar ({@link PackagedJar}) while a collection call is in flight, as Kubernetes stops a pod:
 * the call finishes, every event it carries gets its own answer before the process ends, and an event that arrives
 * after the signal gets 503 without reaching Salesforce. One call slot, held by another event's call (the org holds
 * its answer) until the writes wait for it together; then the org holds the collection call across the signal.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CoalescedShutdownIT {

    private static final int WRITES = 50;

    private SimulatedOrg org;
    private SalesforceSimulator salesforce;
    private ExecutorService senders;

    @BeforeAll
    void startOrg() {
        org = SimulatedOrg.start(config -> config.dailyApiLimit(Long.MAX_VALUE));
        salesforce = org.salesforce();
        senders = Executors.newFixedThreadPool(WRITES + 1);
    }

    @AfterAll
    void stopOrg() {
        senders.shutdownNow();
        org.close();
    }

    @Test
    void sigtermWithACollectionCallInFlightAnswersEveryEventItCarriesThenEnds() throws Exception {
        int port = RunningTarget.freePort();
        int management = RunningTarget.freePort();
        ProcessBuilder builder = PackagedJar.command();
        builder.environment().putAll(RunningTarget.with(org.loginEnvironment(), Map.of(
                "SALESFORCE_API_VERSION", "v62.0",
                "SALESFORCE_MAX_CONCURRENT_CALLS", "1",
                "SALESFORCE_POOL_WAIT_MS", "60000",
                "PORT", String.valueOf(port),
                "MANAGEMENT_PORT", String.valueOf(management),
                "HOST", "127.0.0.1",
                "MANAGEMENT_HOST", "127.0.0.1")));
        List<String> output = new CopyOnWriteArrayList<>();
        Process process = builder.start();
        try {
            CompletableFuture<Boolean> outputEnded = ProcessOutput.drain(process, output, line -> false);
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest ready = HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + management + "/observe/health/ready")).build();
            Eventually.until("the target is ready", Duration.ofSeconds(60),
                    () -> process.isAlive() && RunningTarget.status(http, ready) == 200);
            CloudEventClient sender = new CloudEventClient("http://127.0.0.1:" + port + "/",
                    HttpClient.Version.HTTP_1_1);

            CompletableFuture<Void> releaseHolder = new CompletableFuture<>();
            CompletableFuture<Void> releaseCollection = new CompletableFuture<>();
            salesforce.faults().apiHeld(releaseHolder, 1).apiHeld(releaseCollection, 1);
            Future<HttpResponse<byte[]>> holder = senders.submit(() -> sender.sendBinary(API_CALL,
                    "{\"action\":\"GET\",\"resource\":\"limits\"}"));
            Eventually.until("the holding call reached the org", () -> !salesforce.recordedRequests().isEmpty());
            String run = UUID.randomUUID().toString();
            List<Future<HttpResponse<byte[]>>> writes = new ArrayList<>();
            for (int i = 0; i < WRITES; i++) {
                String data = "{\"action\":\"POST\",\"resource\":\"sobjects\",\"object\":\"Account\",\"payload\":"
                        + "{\"Name\":\"" + run + " " + i + "\"}}";
                writes.add(senders.submit(() -> sender.sendBinary(API_CALL, data)));
            }
            String metrics = "http://127.0.0.1:" + management + "/observe/metrics";
            Eventually.until("all " + WRITES + " writes wait", Duration.ofSeconds(60),
                    () -> waitingWrites(http, metrics) == WRITES);
            releaseHolder.complete(null);
            Eventually.until("the collection call reached the org", () -> collectionCalls().size() == 1);

            // SIGTERM. Not Process.destroy(), which also closes the pipe of the process's output.
            assertThat(process.toHandle().destroy()).isTrue();
            Eventually.until("readiness went down", () -> RunningTarget.status(http, ready) == 503);
            HttpResponse<byte[]> late = sender.sendBinary(API_CALL, "{\"action\":\"GET\",\"resource\":\"limits\"}");
            assertThat(late.statusCode()).isEqualTo(503);
            assertThat(CloudEventClient.json(late.body()).at("/details/reason").asText()).isEqualTo("shutting-down");
            assertThat(process.isAlive()).as("still draining the collection call").isTrue();
            releaseCollection.complete(null);

            assertThat(holder.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            Set<String> ids = new HashSet<>();
            for (Future<HttpResponse<byte[]>> write : writes) {
                HttpResponse<byte[]> answer = write.get(30, TimeUnit.SECONDS);
                assertThat(answer.statusCode()).isEqualTo(200);
                assertThat(replyOf(answer).getExtension("category")).isEqualTo("success");
                ids.add(dataOf(replyOf(answer)).get("id").asText());
            }
            assertThat(ids).as("a record each").hasSize(WRITES);
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("the process ended after the drain").isTrue();
            outputEnded.get(10, TimeUnit.SECONDS); // read to its end
            assertThat(collectionCalls()).singleElement().satisfies(call -> assertThat(
                    CloudEventClient.json(call.body().getBytes()).get("records")).hasSize(WRITES));
            assertThat(salesforce.recordedRequests()).as("the holder and the collection call; not the late event")
                    .hasSize(2);
            assertThat(salesforce.store().records("Account")).filteredOn(
                    account -> String.valueOf(account.field("Name")).startsWith(run)).hasSize(WRITES);
            assertThat(output).as("an outcome line for each write, naming its collection call; output:%n%s",
                    String.join("\n", output))
                    .filteredOn(line -> line.contains("batch=" + WRITES)).hasSize(WRITES);
        } finally {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private List<RecordedRequest> collectionCalls() {
        return SimulatedOrg.collectionCalls(salesforce);
    }

    /** The writes waiting for the next collection call, or -1 while the metrics page does not say. */
    private static int waitingWrites(HttpClient http, String metricsUrl) {
        try {
            return (int) RunningTarget.metric(http, metricsUrl, "salesforce_target_coalescing_waiting_writes")
                    .orElse(-1);
        } catch (Exception e) {
            return -1;
        }
    }
}
