package io.salesforcetarget.simulator;

import io.netty.channel.ChannelOption;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.net.impl.ConnectionBase;

/**
 * Acts out an injected fault on a request. Never blocks the event loop: delays use a timer, a held call answers on
 * its event loop when released.
 */
final class FaultPlayer {

    private static final String HTML_503 = "<!DOCTYPE html>\n<html><head><title>Service Unavailable</title></head>"
            + "<body><h1>Service Unavailable</h1><p>The server is temporarily unable to service your request due "
            + "to maintenance downtime or capacity problems. Please try again later.</p></body></html>\n";

    private final Vertx vertx;

    FaultPlayer(Vertx vertx) {
        this.vertx = vertx;
    }

    /** A REST call: errors are JSON arrays with Sforce-Limit-Info, as real API errors are. */
    void api(Fault fault, HttpServerRequest request, String limitInfo, Runnable proceed) {
        HttpServerResponse response = request.response();
        switch (fault.kind()) {
            case SERVICE_UNAVAILABLE_JSON -> apiError(response, limitInfo, 503, "SERVER_UNAVAILABLE", "Server too busy");
            case TOO_MANY_REQUESTS -> apiError(response, limitInfo, 429, "TOO_MANY_REQUESTS", "Too Many Requests");
            case REQUEST_LIMIT_EXCEEDED ->
                    apiError(response, limitInfo, 403, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.");
            case CONCURRENT_REQUEST_LIMIT -> apiError(response, limitInfo, 403, "REQUEST_LIMIT_EXCEEDED",
                    "ConcurrentRequests (Concurrent API Requests) Limit exceeded.");
            case SERVER_ERROR -> apiError(response, limitInfo, 500, "UNKNOWN_EXCEPTION",
                    "An unexpected error occurred. Please include this ErrorId if you contact support: "
                            + "1234567890-12345 (-1234567890)");
            case INVALID_SESSION -> apiError(response, limitInfo, 401, "INVALID_SESSION_ID", "Session expired or invalid");
            default -> common(fault, request, proceed);
        }
    }

    /** A token request: errors in the OAuth {"error","error_description"} shape the token endpoint uses. */
    void login(Fault fault, HttpServerRequest request, Runnable proceed) {
        HttpServerResponse response = request.response();
        switch (fault.kind()) {
            case SERVICE_UNAVAILABLE_JSON ->
                    Responses.oauthError(response, 503, "temporarily_unavailable", "Server too busy");
            case TOO_MANY_REQUESTS -> Responses.oauthError(response, 429, "rate_limit_exceeded", "Too Many Requests");
            case SERVER_ERROR -> Responses.oauthError(response, 500, "unknown_error", "retry your request");
            case INVALID_GRANT -> Responses.oauthError(response, 400, "invalid_grant", "user hasn't approved this consumer");
            default -> common(fault, request, proceed);
        }
    }

    private void common(Fault fault, HttpServerRequest request, Runnable proceed) {
        switch (fault.kind()) {
            case SERVICE_UNAVAILABLE_HTML -> Responses.send(request.response(), 503, "text/html;charset=UTF-8", HTML_503);
            case REQUEST_TIMEOUT -> Responses.send(request.response(), 408, "text/plain;charset=UTF-8",
                    "Request Timeout");
            case CONNECTION_RESET -> reset(request.connection());
            case DELAY -> later(fault.delay().toMillis(), request, proceed);
            case HANG -> {
                // Deliberately nothing: the client waits until it times out or the simulator closes.
            }
            case HOLD -> {
                Context context = vertx.getOrCreateContext(); // the request's event loop
                fault.release().whenComplete((done, failed) -> context.runOnContext(run -> answerIfWritable(request,
                        proceed)));
            }
            default -> throw new IllegalStateException("unhandled fault " + fault.kind());
        }
    }

    /** Runs {@code proceed} after {@code millis} on a timer, unless the client has gone meanwhile. */
    void later(long millis, HttpServerRequest request, Runnable proceed) {
        vertx.setTimer(Math.max(1, millis), id -> answerIfWritable(request, proceed));
    }

    private static void answerIfWritable(HttpServerRequest request, Runnable proceed) {
        if (Responses.writable(request.response())) {
            try {
                proceed.run();
            } catch (Throwable e) {
                Responses.internalError(request, e);
            }
        }
    }

    private static void apiError(HttpServerResponse response, String limitInfo, int status, String code, String message) {
        if (Responses.writable(response)) {
            response.putHeader("Sforce-Limit-Info", limitInfo);
            Responses.json(response, status, new ApiError(status, code, message).toJson());
        }
    }

    /** Closes with SO_LINGER=0 so the client sees a TCP RST ("Connection reset"), not a clean FIN. */
    private static void reset(HttpConnection connection) {
        if (connection instanceof ConnectionBase base) {
            base.channel().config().setOption(ChannelOption.SO_LINGER, 0);
        }
        connection.close();
    }
}
