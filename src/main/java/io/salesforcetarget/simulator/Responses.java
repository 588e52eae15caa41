package io.salesforcetarget.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes answers; silently does nothing once the client is gone or the answer was already sent. */
final class Responses {

    static final String JSON_UTF8 = "application/json;charset=UTF-8";
    static final String JSON = "application/json";

    private static final Logger LOG = LoggerFactory.getLogger(Responses.class);

    private Responses() {
    }

    /** Reads the whole body, then runs {@code action}; a bug in it answers 500 instead of leaving the client hanging. */
    static void withBody(HttpServerRequest request, Consumer<Buffer> action) {
        Handler<Buffer> guarded = body -> {
            try {
                action.accept(body);
            } catch (Throwable e) {
                internalError(request, e);
            }
        };
        request.body().onSuccess(guarded);
    }

    static void internalError(HttpServerRequest request, Throwable e) {
        LOG.warn("simulator failed on {} {}", request.method(), request.uri(), e);
        json(request.response(), 500,
                new ApiError(500, "UNKNOWN_EXCEPTION", "An unexpected error occurred: " + e).toJson());
    }

    static void json(HttpServerResponse response, int status, JsonNode body) {
        send(response, status, JSON_UTF8, Json.write(body));
    }

    static void noContent(HttpServerResponse response, int status) {
        if (writable(response)) {
            response.setStatusCode(status).end();
        }
    }

    static void send(HttpServerResponse response, int status, String contentType, String body) {
        if (writable(response)) {
            response.setStatusCode(status).putHeader("Content-Type", contentType).end(body);
        }
    }

    /** Token-endpoint errors: 400-style OAuth JSON that must not be cached. */
    static void oauthError(HttpServerResponse response, int status, String error, String description) {
        if (writable(response)) {
            response.putHeader("Cache-Control", "no-store");
            send(response, status, JSON, Json.write(Json.object().put("error", error)
                    .put("error_description", description)));
        }
    }

    static boolean writable(HttpServerResponse response) {
        return !response.ended() && !response.closed();
    }
}
