package io.salesforcetarget.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Failures before the route, on a real Vert.x router on 127.0.0.1 with the handlers installed: one warning line
 * each, no "Unhandled exception in router", and every request answered.
 */
class RefusedBeforeTheRouteTest {

    private Vertx vertx;
    private HttpServer server;

    @BeforeEach
    void startServer() throws Exception {
        vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        router.post("/gone").handler(request -> request.fail(new HttpClosedException("Connection was closed")));
        router.post("/defect").handler(request -> request.fail(new IllegalStateException("a defect")));
        router.post("/").handler(request -> request.response().end("ok"));
        RefusedBeforeTheRoute.install(router);
        server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stopServer() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void aRequestTargetThatCannotBeDecodedIsOneWarning() throws IOException {
        String[] answerAndLog = answerAndLogOf("/%zz");

        assertThat(answerAndLog[0]).startsWith("HTTP/1.1 400");
        assertThat(answerAndLog[1]).contains("WARN io.salesforcetarget.events.RefusedBeforeTheRoute - request refused "
                + "before the route: reply=400 invalid-request POST /%zz").doesNotContain("Unhandled", "\tat ");
    }

    @Test
    void aPathOrMethodThatNoRouteTakesIsOneWarningWithItsStatus() throws IOException {
        String[] noPath = answerAndLogOf("POST", "/nowhere");
        String[] noMethod = answerAndLogOf("DELETE", "/");

        assertThat(noPath[0]).startsWith("HTTP/1.1 404").endsWith("Not Found");
        assertThat(noPath[1]).contains("request refused before the route: reply=404 invalid-request POST /nowhere");
        assertThat(noMethod[0]).startsWith("HTTP/1.1 405");
        assertThat(noMethod[1]).contains("request refused before the route: reply=405 invalid-request DELETE /")
                .doesNotContain("Unhandled");
    }

    @Test
    void aSenderGoneIsOneWarningAndNothingHangs() throws IOException {
        String[] answerAndLog = answerAndLogOf("/gone");

        assertThat(answerAndLog[0]).startsWith("HTTP/1.1 400");
        assertThat(answerAndLog[1]).contains("WARN io.salesforcetarget.events.RefusedBeforeTheRoute - request "
                + "abandoned: the sender closed the connection before the request was read (POST /gone)")
                .doesNotContain("Unhandled");
    }

    @Test
    void anyOtherFailureIsAnErrorWithItsStackTrace() throws IOException {
        String[] answerAndLog = answerAndLogOf("/defect");

        assertThat(answerAndLog[0]).startsWith("HTTP/1.1 500");
        assertThat(answerAndLog[1]).contains("ERROR io.salesforcetarget.events.RefusedBeforeTheRoute - request failed "
                + "before the route: POST /defect", "IllegalStateException: a defect", "\tat ");
    }

    @Test
    void aGoodRequestIsUntouched() throws IOException {
        String[] answerAndLog = answerAndLogOf("/");

        assertThat(answerAndLog[0]).startsWith("HTTP/1.1 200");
        assertThat(answerAndLog[1]).isEmpty();
    }

    /**
     * The answer to a raw request for {@code target}, and what slf4j-simple (which writes to the
     * current System.err) printed until the answer was complete: the handlers log before the answer is written.
     */
    private String[] answerAndLogOf(String target) throws IOException {
        return answerAndLogOf("POST", target);
    }

    private String[] answerAndLogOf(String method, String target) throws IOException {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.actualPort())) {
            OutputStream out = socket.getOutputStream();
            out.write((method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 2\r\n"
                    + "Connection: close\r\n\r\n{}").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1); // until Vert.x closes
            return new String[] { answer, captured.toString(StandardCharsets.UTF_8) };
        } finally {
            System.setErr(original);
        }
    }
}
