package io.salesforcetarget.simulator;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One REST call being answered, a top-level call or a composite subrequest alike: the effective method
 * (after {@code _HttpMethod}), the decoded path segments after {@code /services/data/vNN.0}, the query
 * parameters, headers and body, and the {@link Reply} the resource gives. The first reply stands.
 */
final class ApiExchange {

    private final String method;
    private final List<String> segments;
    private final MultiMap params;
    private final MultiMap headers;
    private final Buffer body;
    private final int version;
    private Reply answer;

    ApiExchange(String method, List<String> segments, MultiMap params, MultiMap headers, Buffer body, int version) {
        this.method = method;
        this.segments = segments;
        this.params = params;
        this.headers = headers;
        this.body = body;
        this.version = version;
    }

    /** A top-level call. */
    static ApiExchange of(HttpServerRequest request, List<String> segments, Buffer body, int version) {
        String override = request.getParam("_HttpMethod");
        String sent = request.method().name();
        // Documented override for clients that cannot send PATCH: POST ...?_HttpMethod=PATCH
        String method = "POST".equals(sent) && override != null ? override.toUpperCase(Locale.ROOT) : sent;
        return new ApiExchange(method, segments, request.params(), request.headers(), body, version);
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

    /** "/services/data/v66.0" for building attribute URLs. */
    String versionPath() {
        return "/services/data/v" + version + ".0";
    }

    String param(String name) {
        return params.get(name);
    }

    /** Every value of a repeated query parameter, in order. */
    List<String> params(String name) {
        return params.getAll(name);
    }

    String header(String name) {
        return headers.get(name);
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
        answer(Reply.json(status, json));
    }

    void reply(int status, JsonNode json, Map<String, String> headers) {
        answer(new Reply(status, json, headers));
    }

    void noContent() {
        answer(Reply.noContent());
    }

    void fail(ApiError error) {
        answer(Reply.error(error));
    }

    void answer(Reply reply) {
        if (answer == null) {
            answer = reply;
        }
    }

    /** The reply given, or null if the resource gave none. */
    Reply answer() {
        return answer;
    }

    static String limitInfo(CounterState counters, long dailyLimit) {
        return "api-usage=" + counters.apiUsage() + "/" + dailyLimit;
    }
}
