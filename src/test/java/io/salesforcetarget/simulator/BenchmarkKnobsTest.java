package io.salesforcetarget.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class BenchmarkKnobsTest {

    @Test
    void apiLatencyDelaysEveryCallWithoutSerialisingThem() throws Exception {
        try (SalesforceSimulator sim = SalesforceSimulator.start(SimulatorConfig.builder().publicKey(TestKeys.publicKey())
                .apiLatency(Duration.ofMillis(200)).eventLoops(1).build())) {
            SimClient client = new SimClient(sim);
            String token = client.token(); // logins are not delayed
            long start = System.nanoTime();
            List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                calls.add(client.http().sendAsync(client.request("GET", "/services/data/v66.0/limits", token, null).build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            for (CompletableFuture<HttpResponse<String>> call : calls) {
                assertThat(call.get().statusCode()).isEqualTo(200);
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(200)).isLessThan(Duration.ofMillis(1000));
            assertThat(sim.counters().maxInFlight()).isGreaterThan(1);
        }
    }

    @Test
    void oldestRecordsAreForgottenBeyondTheCap() throws Exception {
        try (SalesforceSimulator sim = SalesforceSimulator.start(SimulatorConfig.builder().publicKey(TestKeys.publicKey())
                .maxRecordsPerType(3).eventLoops(1).build())) {
            List<SObjectRecord> created = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                created.add(sim.store().insert("Account", Map.of("Name", "A" + i, "Ext__c", "k" + i)));
            }
            assertThat(sim.store().records("Account")).extracting(r -> r.field("Name")).containsExactly("A1", "A2", "A3");
            assertThat(sim.store().record("Account", created.get(0).id())).isEmpty();
            // its external ID is free again: an upsert creates
            SimClient client = new SimClient(sim);
            HttpResponse<String> upsert = client.send("PATCH", "/services/data/v66.0/sobjects/Account/Ext__c/k0",
                    client.token(), "{\"Name\":\"again\"}");
            assertThat(upsert.statusCode()).isEqualTo(201);
        }
    }
}
