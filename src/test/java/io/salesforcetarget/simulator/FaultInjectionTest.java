package io.salesforcetarget.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FaultInjectionTest extends OneSimulatorPerClass {

    private static final String LIMITS = "/services/data/v66.0/limits";

    private String token;

    // One event loop (the default here): a delayed answer must not hold up the others even then.
    @BeforeAll
    void logIn() throws Exception {
        token = client.token();
    }

    @Test
    void serviceUnavailableJsonForTheNextNCallsOnly() throws Exception {
        sim.faults().api(FaultKind.SERVICE_UNAVAILABLE_JSON, 2);
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> response = client.get(LIMITS, token);
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json;charset=UTF-8");
            assertThat(response.headers().firstValue("Sforce-Limit-Info")).isPresent();
            assertThat(response.body()).isEqualTo("[{\"message\":\"Server too busy\",\"errorCode\":\"SERVER_UNAVAILABLE\"}]");
        }
        assertThat(client.get(LIMITS, token).statusCode()).isEqualTo(200);
        assertThat(sim.faults().pending(FaultTarget.API)).isZero();
    }

    @Test
    void serviceUnavailableHtml() throws Exception {
        sim.faults().api(FaultKind.SERVICE_UNAVAILABLE_HTML, 1);
        HttpResponse<String> response = client.get(LIMITS, token);
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        assertThat(response.body()).contains("<html>");
    }

    @Test
    void requestTimeoutIsA408InPlainText() throws Exception {
        sim.faults().api(FaultKind.REQUEST_TIMEOUT, 1);
        HttpResponse<String> response = client.get(LIMITS, token);
        assertThat(response.statusCode()).isEqualTo(408);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
        assertThat(response.body()).isEqualTo("Request Timeout");
        assertThat(client.get(LIMITS, token).statusCode()).isEqualTo(200);
    }

    @Test
    void statusFaults() throws Exception {
        sim.faults().api(FaultKind.TOO_MANY_REQUESTS, 1).api(FaultKind.REQUEST_LIMIT_EXCEEDED, 1)
                .api(FaultKind.CONCURRENT_REQUEST_LIMIT, 1).api(FaultKind.SERVER_ERROR, 1).api(FaultKind.INVALID_SESSION, 1);
        // armed faults are played in order
        HttpResponse<String> r429 = client.get(LIMITS, token);
        assertThat(r429.statusCode()).isEqualTo(429);
        HttpResponse<String> total = client.get(LIMITS, token);
        assertThat(total.statusCode()).isEqualTo(403);
        assertThat(total.body()).isEqualTo("[{\"message\":\"TotalRequests Limit exceeded.\",\"errorCode\":\"REQUEST_LIMIT_EXCEEDED\"}]");
        HttpResponse<String> concurrent = client.get(LIMITS, token);
        assertThat(concurrent.statusCode()).isEqualTo(403);
        assertThat(SimClient.json(concurrent).get(0).get("message").asText()).startsWith("ConcurrentRequests");
        HttpResponse<String> r500 = client.get(LIMITS, token);
        assertThat(r500.statusCode()).isEqualTo(500);
        assertThat(SimClient.errorCode(r500)).isEqualTo("UNKNOWN_EXCEPTION");
        HttpResponse<String> r401 = client.get(LIMITS, token);
        assertThat(r401.statusCode()).isEqualTo(401);
        assertThat(SimClient.errorCode(r401)).isEqualTo("INVALID_SESSION_ID");
        assertThat(client.get(LIMITS, token).statusCode()).isEqualTo(200);
    }

    @Test
    void connectionResetIsAnIOException() throws Exception {
        sim.faults().api(FaultKind.CONNECTION_RESET, 1);
        // POST is not retried by the JDK client, so the reset reaches the caller.
        assertThatThrownBy(() -> client.send("POST", "/services/data/v66.0/sobjects/Account", token, "{\"Name\":\"A\"}"))
                .isInstanceOf(IOException.class);
        assertThat(client.get(LIMITS, token).statusCode()).isEqualTo(200);
        assertThat(sim.store().count("Account")).isZero();
    }

    @Test
    void connectionResetIsATcpReset() throws Exception {
        sim.faults().api(FaultKind.CONNECTION_RESET, 1);
        try (Socket socket = new Socket("127.0.0.1", sim.port())) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(("GET " + LIMITS + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            // An RST, not a clean end of stream (read() == -1).
            assertThatThrownBy(() -> socket.getInputStream().read()).isInstanceOf(SocketException.class)
                    .hasMessageContaining("reset");
        }
    }

    @Test
    void hangIsAClientTimeout() throws Exception {
        sim.faults().api(FaultKind.HANG, 1);
        assertThatThrownBy(() -> client.http().send(client.request("GET", LIMITS, token, null)
                .timeout(Duration.ofMillis(300)).build(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);
        assertThat(client.get(LIMITS, token).statusCode()).isEqualTo(200);
        Eventually.until("hung call dropped", () -> sim.counters().inFlight() == 0);
    }

    @Test
    void delayAnswersLaterWithoutBlockingOtherCalls() throws Exception {
        sim.faults().apiDelay(Duration.ofMillis(500), 1);
        long start = System.nanoTime();
        CompletableFuture<HttpResponse<String>> delayed = client.http().sendAsync(
                client.request("GET", LIMITS, token, null).build(), HttpResponse.BodyHandlers.ofString());
        Eventually.until("delayed call received", () -> sim.faults().pending(FaultTarget.API) == 0);

        assertThat(client.get(LIMITS, token).statusCode()).isEqualTo(200);
        assertThat(delayed).isNotDone();

        assertThat(delayed.get().statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(500));
    }

    @Test
    void aHeldCallIsAnsweredWhenReleasedAndNotBefore() throws Exception {
        CompletableFuture<Void> release = new CompletableFuture<>();
        sim.faults().apiHeld(release, 1);
        CompletableFuture<HttpResponse<String>> held = client.http().sendAsync(
                client.request("GET", LIMITS, token, null).build(), HttpResponse.BodyHandlers.ofString());
        Eventually.until("held call received", () -> sim.faults().pending(FaultTarget.API) == 0);

        assertThat(client.get(LIMITS, token).statusCode()).as("other calls go on").isEqualTo(200);
        assertThat(held).isNotDone();
        assertThat(sim.counters().inFlight()).isEqualTo(1);

        release.complete(null);
        assertThat(held.get().statusCode()).isEqualTo(200);
    }

    @Test
    void aHoldCannotBeArmedWithoutItsRelease() throws Exception {
        assertThatThrownBy(() -> sim.faults().api(FaultKind.HOLD, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(client.send("POST", "/__admin/faults", null, "{\"fault\":\"HOLD\"}").statusCode())
                .as("over HTTP there is nothing to release it with").isEqualTo(400);
        assertThat(sim.faults().pending(FaultTarget.API)).isZero();
    }

    @Test
    void concurrentCallsConsumeExactlyNFaults() throws Exception {
        sim.faults().api(FaultKind.SERVICE_UNAVAILABLE_JSON, 10);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            calls.add(http.sendAsync(client.request("GET", LIMITS, token, null).build(), HttpResponse.BodyHandlers.ofString()));
        }
        long unavailable = 0;
        for (CompletableFuture<HttpResponse<String>> call : calls) {
            int status = call.get().statusCode();
            assertThat(status).isIn(200, 503);
            unavailable += status == 503 ? 1 : 0;
        }
        assertThat(unavailable).isEqualTo(10);
    }

    @Test
    void clearingDisarms() throws Exception {
        sim.faults().api(FaultKind.SERVER_ERROR, 5).login(FaultKind.INVALID_GRANT, 5);
        assertThat(sim.faults().pending(FaultTarget.API)).isEqualTo(5);
        sim.faults().clear();
        assertThat(client.get(LIMITS, token).statusCode()).isEqualTo(200);
        assertThat(client.login(TestAssertions.valid()).statusCode()).isEqualTo(200);
    }

    @Test
    void faultsMustSuitTheirTarget() {
        assertThatThrownBy(() -> sim.faults().api(FaultKind.INVALID_GRANT, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sim.faults().login(FaultKind.REQUEST_LIMIT_EXCEEDED, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sim.faults().api(FaultKind.HANG, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void loginFaults() throws Exception {
        sim.faults().login(FaultKind.SERVICE_UNAVAILABLE_JSON, 1).login(FaultKind.SERVICE_UNAVAILABLE_HTML, 1)
                .login(FaultKind.INVALID_GRANT, 2);
        HttpResponse<String> json = client.login(TestAssertions.valid());
        assertThat(json.statusCode()).isEqualTo(503);
        assertThat(SimClient.json(json).get("error").asText()).isEqualTo("temporarily_unavailable");
        HttpResponse<String> html = client.login(TestAssertions.valid());
        assertThat(html.statusCode()).isEqualTo(503);
        assertThat(html.body()).contains("<html>");
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> denied = client.login(TestAssertions.valid());
            assertThat(denied.statusCode()).isEqualTo(400);
            assertThat(SimClient.json(denied).get("error").asText()).isEqualTo("invalid_grant");
        }
        assertThat(client.login(TestAssertions.valid()).statusCode()).isEqualTo(200);
        // login faults leave API calls alone
        assertThat(client.get(LIMITS, token).statusCode()).isEqualTo(200);
    }

    @Test
    void loginResetAndDelay() throws Exception {
        sim.faults().login(FaultKind.CONNECTION_RESET, 1).loginDelay(Duration.ofMillis(200), 1);
        assertThatThrownBy(() -> client.login(TestAssertions.valid())).isInstanceOf(IOException.class);
        long start = System.nanoTime();
        HttpResponse<String> slow = client.login(TestAssertions.valid());
        assertThat(slow.statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        JsonNode counters = SimClient.MAPPER.valueToTree(sim.counters());
        assertThat(counters.get("failedLogins").asLong()).isEqualTo(1);
        assertThat(counters.get("successfulLogins").asLong()).isEqualTo(1);
    }
}
