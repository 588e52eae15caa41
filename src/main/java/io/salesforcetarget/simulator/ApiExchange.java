package io.salesforcetarget.simulator;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * One REST call being answered: the effective method (after {@code _HttpMethod}), the decoded path
 * segments after {@code /services/data/vNN.0}, the body, and the ways to answer it. Every answer carries
 * {@code Sforce-Limit-Info}.
 */
final class ApiExchange {

    private final HttpServerRequest request;
    private final String method;
    private final List<String> segments;
    private final Buffer body;
    private final CounterState counters;
    private final long dailyLimit;
    private int version;

    ApiExchange(HttpServerRequest request, List<String> segments, Buffer body, CounterState counters,
                long dailyLimit) {
        this.request = request;
        this.segments = segments;
        this.body = body;
        this.counters = counters;
        this.dailyLimit = dailyLimit;
        String override = request.getParam("_HttpMethod");
        String sent = request.method().name();
        // Documented override for clients that cannot send PATCH: POST ...?_HttpMethod=PATCH
        this.method = "POST".equals(sent) && override != null ? override.toUpperCase(Locale.ROOT) : sent;
    }

    String method() {
        return method;
    }

    /** Decoded segments after the version, e.g. ["sobjects", "Account", "001..."]. */
    List<String> segments() {
        return segments;
    }

    int version() {
        return version;
    }

    void version(int major) {
        this.version = major;
    }

    /** "/services/data/v66.0" for building attribute URLs. */
    String versionPath() {
        return "/services/data/v" + version + ".0";
    }

    String param(String name) {
        return request.getParam(name);
    }

    /** The body as JSON; Salesforce answers unparsable JSON with JSON_PARSER_ERROR and Jackson's wording. */
    JsonNode jsonBody() {
        try {
            JsonNode node = body == null || body.length() == 0 ? null : Json.MAPPER.readTree(body.getBytes());
            if (node == null || node.isMissingNode()) {
                throw new ApiError(400, "JSON_PARSER_ERROR", "No content to map due to end-of-input at [line:1, column:0]");
            }
            return node;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at [line:" + at.getLineNr() + ", column:" + at.getColumnNr() + "]";
            throw new ApiError(400, "JSON_PARSER_ERROR", e.getOriginalMessage() + where);
        } catch (IOException e) {
            throw new ApiError(400, "JSON_PARSER_ERROR", e.getMessage());
        }
    }

    void reply(int status, JsonNode json) {
        Responses.json(withLimitInfo(), status, json);
    }

    void noContent() {
        Responses.noContent(withLimitInfo(), 204);
    }

    void fail(ApiError error) {
        Responses.json(withLimitInfo(), error.status(), error.toJson());
    }

    private HttpServerResponse withLimitInfo() {
        HttpServerResponse response = request.response();
        if (Responses.writable(response)) {
            response.putHeader("Sforce-Limit-Info", limitInfo(counters, dailyLimit));
        }
        return response;
    }

    static String limitInfo(CounterState counters, long dailyLimit) {
        return "api-usage=" + counters.apiUsage() + "/" + dailyLimit;
    }
}
