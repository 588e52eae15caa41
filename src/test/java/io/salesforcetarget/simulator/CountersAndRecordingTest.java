package io.salesforcetarget.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.assertj.core.groups.Tuple;

class CountersAndRecordingTest extends OneSimulatorPerClass {


    @Override
    protected SimulatorConfig.Builder config() {
        return SimulatorConfig.builder().publicKey(TestKeys.publicKey()).recordedRequestLimit(5);
    }

    @Test
    void countsLoginsCallsUsageAndStatuses() throws Exception {
        String token = client.token();
        client.login("garbage");
        client.get("/services/data", null); // the version list is not an API call
        client.get("/services/data/v66.0/limits", token);
        client.get("/services/data/v66.0/sobjects/Whizbang", token);
        client.get("/services/data/v66.0/limits", "wrong");

        SimulatorCounters counters = sim.counters();
        assertThat(counters.successfulLogins()).isEqualTo(1);
        assertThat(counters.failedLogins()).isEqualTo(1);
        assertThat(counters.apiCalls()).isEqualTo(3);
        assertThat(counters.apiUsage()).isEqualTo(2); // the 401 is not charged
        assertThat(counters.status(200)).isEqualTo(1);
        assertThat(counters.status(404)).isEqualTo(1);
        assertThat(counters.status(401)).isEqualTo(1);
        assertThat(counters.inFlight()).isZero();
        assertThat(counters.maxInFlight()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void tracksInFlightCalls() throws Exception {
        String token = client.token();
        sim.faults().api(FaultKind.HANG, 3);
        List<CompletableFuture<HttpResponse<String>>> hung = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            hung.add(client.http().sendAsync(client.request("GET", "/services/data/v66.0/limits", token, null)
                    .timeout(Duration.ofMillis(500)).build(), HttpResponse.BodyHandlers.ofString()));
        }
        Eventually.until("3 calls in flight", () -> sim.counters().inFlight() == 3);
        assertThat(sim.counters().maxInFlight()).isEqualTo(3);
        hung.forEach(f -> f.exceptionally(e -> null).join());
        Eventually.until("calls dropped", () -> sim.counters().inFlight() == 0);
        assertThat(sim.counters().maxInFlight()).isEqualTo(3);
    }

    @Test
    void recordsRawPathQueryHeadersAndBody() throws Exception {
        String token = client.token();
        String path = "/services/data/v66.0/sobjects/Account/Ext__c/a%2Fb%20c";
        HttpResponse<String> response = client.http().send(client.request("PATCH", path + "?x=1%2B2&y", token,
                        "{\"Name\":\"R\"}").header("X-Trace", "one").header("X-Trace", "two").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(201);

        List<RecordedRequest> recorded = sim.recordedRequests();
        assertThat(recorded).hasSize(1); // the token request is not recorded
        RecordedRequest request = recorded.get(0);
        assertThat(request.method()).isEqualTo("PATCH");
        assertThat(request.path()).isEqualTo(path);
        assertThat(request.query()).isEqualTo("x=1%2B2&y");
        assertThat(request.uri()).isEqualTo(path + "?x=1%2B2&y");
        assertThat(request.header("authorization")).isEqualTo("Bearer " + token);
        assertThat(request.headers().get("x-trace")).containsExactly("one", "two");
        assertThat(request.headers()).doesNotContainKey("Cookie");
        assertThat(request.body()).isEqualTo("{\"Name\":\"R\"}");
        assertThat(sim.store().records("Account").get(0).field("Ext__c")).isEqualTo("a/b c");
    }

    @Test
    void recordsEveryOtherRequestApartTheLoginsWithTheirAssertion() throws Exception {
        String assertion = TestAssertions.valid();
        client.login(assertion);
        client.get("/services/data", null);
        client.get("/services/elsewhere/x%2F..?q=1", null);
        client.get("/services/data/v66.0/limits", "wrong"); // an API call: recorded with the others, not here

        List<RecordedRequest> others = sim.recordedOtherRequests();
        assertThat(others).extracting(RecordedRequest::method, RecordedRequest::uri).containsExactly(
                Tuple.tuple("POST", "/services/oauth2/token"),
                Tuple.tuple("GET", "/services/data"),
                Tuple.tuple("GET", "/services/elsewhere/x%2F..?q=1"));
        assertThat(others.get(0).body()).contains("assertion=" + assertion);
        assertThat(sim.recordedRequests()).extracting(RecordedRequest::path)
                .containsExactly("/services/data/v66.0/limits");
        sim.clearRecordedRequests();
        assertThat(sim.recordedOtherRequests()).isEmpty();
    }

    @Test
    void keepsOnlyTheLastRequestsAndCanBeCleared() throws Exception {
        String token = client.token();
        for (int i = 0; i < 7; i++) {
            client.get("/services/data/v66.0/limits?n=" + i, token);
        }
        assertThat(sim.recordedRequests()).extracting(RecordedRequest::query)
                .containsExactly("n=2", "n=3", "n=4", "n=5", "n=6");
        sim.clearRecordedRequests();
        assertThat(sim.recordedRequests()).isEmpty();
    }

    @Test
    void resetZeroesCountersButKeepsSessions() throws Exception {
        String token = client.token();
        client.send("POST", "/services/data/v66.0/sobjects/Account", token, "{\"Name\":\"A\"}");
        sim.reset();
        assertThat(sim.counters().apiCalls()).isZero();
        assertThat(sim.counters().successfulLogins()).isZero();
        assertThat(sim.store().count("Account")).isZero();
        assertThat(client.get("/services/data/v66.0/limits", token).statusCode()).isEqualTo(200);
    }
}
