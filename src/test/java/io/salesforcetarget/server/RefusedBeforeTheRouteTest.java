package io.salesforcetarget.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.salesforcetarget.StandardError;
import io.salesforcetarget.StandardError.Captured;
import io.salesforcetarget.security.RawHttp;
import io.salesforcetarget.security.RawHttp.Answer;

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
    void aRequestTargetThatCannotBeDecodedIsOneWarning() {
        Captured<Answer> answer = post("/%zz");

        assertThat(answer.result().status()).isEqualTo(400);
        assertThat(answer.text()).contains("WARN io.salesforcetarget.server.RefusedBeforeTheRoute - request refused "
                + "before the route: reply=400 invalid-request POST /%zz").doesNotContain("Unhandled", "\tat ");
    }

    @Test
    void aPathOrMethodThatNoRouteTakesIsOneWarningWithItsStatus() {
        Captured<Answer> noPath = request("POST", "/nowhere");
        Captured<Answer> noMethod = request("DELETE", "/");

        assertThat(noPath.result().status()).isEqualTo(404);
        assertThat(noPath.result().bodyText()).isEqualTo("Not Found");
        assertThat(noPath.text()).contains("request refused before the route: reply=404 invalid-request POST /nowhere");
        assertThat(noMethod.result().status()).isEqualTo(405);
        assertThat(noMethod.text()).contains("request refused before the route: reply=405 invalid-request DELETE /")
                .doesNotContain("Unhandled");
    }

    @Test
    void aSenderGoneIsOneWarningAndNothingHangs() {
        Captured<Answer> answer = post("/gone");

        assertThat(answer.result().status()).isEqualTo(400);
        assertThat(answer.text()).contains("WARN io.salesforcetarget.server.RefusedBeforeTheRoute - request "
                + "abandoned: the sender closed the connection before the request was read (POST /gone)")
                .doesNotContain("Unhandled");
    }

    @Test
    void anyOtherFailureIsAnErrorWithItsStackTrace() {
        Captured<Answer> answer = post("/defect");

        assertThat(answer.result().status()).isEqualTo(500);
        assertThat(answer.text()).contains("ERROR io.salesforcetarget.server.RefusedBeforeTheRoute - request failed "
                + "before the route: POST /defect", "IllegalStateException: a defect", "\tat ");
    }

    @Test
    void aGoodRequestIsUntouched() {
        Captured<Answer> answer = post("/");

        assertThat(answer.result().status()).isEqualTo(200);
        assertThat(answer.text()).isEmpty();
    }

    private Captured<Answer> post(String target) {
        return request("POST", target);
    }

    /** The answer to a raw request, and what was logged until it was complete: the handlers log before answering. */
    private Captured<Answer> request(String method, String target) {
        return StandardError.during(() -> RawHttp.send(server.actualPort(), method, target));
    }
}
