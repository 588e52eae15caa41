package io.salesforcetarget.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.ChainElement;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.salesforcetarget.simulator.Eventually;

/**
 * The deadline bounds the whole call: an answer that never starts, or stops halfway through its body, fails as a
 * timeout once the deadline passes; a complete answer cancels it. A loopback server answers as each test says.
 * The answers that complete run under a deadline of a minute, so that the wheel emptying within seconds can only
 * be the deadline's cancellation (the wheel counts a cancelled deadline out at its next tick).
 */
class CallDeadlineTest {

    private static final Duration DEADLINE = Duration.ofMillis(400);
    private static final Duration LONG_DEADLINE = Duration.ofMinutes(1);

    private CallDeadline deadline;
    private CloseableHttpClient client;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();
    private ServerSocket server;
    private volatile String answer;

    @BeforeEach
    void startServer() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            try {
                while (true) {
                    Socket socket = server.accept();
                    accepted.add(socket);
                    socket.getInputStream().read(new byte[8192]); // the request (small, one read)
                    OutputStream out = socket.getOutputStream();
                    out.write(answer.getBytes(StandardCharsets.US_ASCII));
                    out.flush(); // and the socket stays open: whatever the answer lacks never comes
                }
            } catch (IOException closed) {
                // the server was closed by the test
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void deadlineOf(Duration timeout) {
        deadline = new CallDeadline(timeout);
        deadline.start();
        client = HttpClients.custom().addExecInterceptorBefore(ChainElement.MAIN_TRANSPORT.name(), CallDeadline.NAME,
                deadline).disableAutomaticRetries().build();
    }

    private void deadlineIsCancelled() {
        Eventually.until("the deadline cancelled", Duration.ofSeconds(10), () -> deadline.pending() == 0);
    }

    @AfterEach
    void stop() throws IOException {
        client.close();
        deadline.stop();
        server.close();
        for (Socket socket : accepted) {
            socket.close();
        }
    }

    private String get() throws IOException {
        return client.execute(new HttpGet("http://127.0.0.1:" + server.getLocalPort() + "/limits"),
                response -> EntityUtils.toString(response.getEntity()));
    }

    @Test
    void aCompleteAnswerIsReadAndItsDeadlineCancelled() throws IOException {
        deadlineOf(LONG_DEADLINE);
        answer = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Type: application/json\r\n\r\n{}";

        assertThat(get()).isEqualTo("{}");
        deadlineIsCancelled();
    }

    @Test
    void anAnswerWithoutBodyCancelsItsDeadline() throws IOException {
        deadlineOf(LONG_DEADLINE);
        answer = "HTTP/1.1 204 No Content\r\n\r\n";

        int status = client.execute(new HttpGet("http://127.0.0.1:" + server.getLocalPort() + "/x"),
                response -> response.getCode());
        assertThat(status).isEqualTo(204);
        deadlineIsCancelled();
    }

    @Test
    void anAnswerThatNeverStartsFailsAsATimeoutAtTheDeadline() {
        deadlineOf(DEADLINE);
        answer = "";
        long start = System.nanoTime();

        assertThatThrownBy(this::get).isInstanceOf(SocketTimeoutException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(DEADLINE)
                .isLessThan(DEADLINE.multipliedBy(10));
    }

    @Test
    void anAnswerThatStopsHalfwayThroughItsBodyFailsAsATimeoutAtTheDeadline() {
        deadlineOf(DEADLINE);
        answer = "HTTP/1.1 200 OK\r\nContent-Length: 100\r\nContent-Type: application/json\r\n\r\n{\"half\":";
        long start = System.nanoTime();

        assertThatThrownBy(this::get).isInstanceOf(SocketTimeoutException.class)
                .hasMessageContaining("within 400 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(DEADLINE)
                .isLessThan(DEADLINE.multipliedBy(10));
    }
}
