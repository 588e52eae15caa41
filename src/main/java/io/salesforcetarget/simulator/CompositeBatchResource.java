package io.salesforcetarget.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.MultiMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * POST /composite/batch {"batchRequests":[{"method","url","richInput"}],"haltOnError":b}: up to 25 independent
 * subrequests run in order, each committed on its own (no rollback), answered 200
 * {"hasErrors":b,"results":[{"statusCode","result"}]}. Unlike Composite, every subrequest counts as an API call
 * (the batch request itself is the first). With haltOnError, the subrequests after the first 4xx/5xx answer 412
 * BATCH_PROCESSING_HALTED. A url is "vXX.X/..." (or "/services/data/vXX.X/..."), XX.X from 34.0 up to the batch's
 * own version; a bad method or url refuses the whole request with 400 before anything runs (INVALID_INPUT, LIMIT_EXCEEDED
 * beyond 25: codes chosen, the guide giving none). Composite resources cannot be batched.
 */
final class CompositeBatchResource {

    static final int MAX_SUBREQUESTS = 25;

    private static final Set<String> METHODS = Set.of("GET", "POST", "PATCH", "PUT", "DELETE", "HEAD");
    private static final Pattern URL = Pattern.compile("(?:/services/data/)?v(\\d+)\\.\\d+/([^/?]+).*");

    private final Subrequests subrequests;
    private final CounterState counters;
    private final long dailyLimit;

    private record Sub(String method, String url, JsonNode body) {
    }

    CompositeBatchResource(Subrequests subrequests, CounterState counters, long dailyLimit) {
        this.subrequests = subrequests;
        this.counters = counters;
        this.dailyLimit = dailyLimit;
    }

    void handle(ApiExchange ex) {
        if (!ex.method().equals("POST")) {
            throw ApiError.methodNotAllowed(ex.method(), "POST");
        }
        JsonNode body = ex.jsonBody();
        List<Sub> subs = parse(body, ex.version());
        boolean haltOnError = body.path("haltOnError").asBoolean(false);
        ArrayNode results = Json.array();
        boolean hasErrors = false;
        for (int i = 0; i < subs.size(); i++) {
            Reply reply;
            if (hasErrors && haltOnError) {
                reply = halted();
            } else if (i > 0 && !counters.tryUseApi(dailyLimit)) {
                reply = Reply.error(new ApiError(403, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded."));
            } else {
                Sub sub = subs.get(i);
                reply = subrequests.run(sub.method(), sub.url(), sub.body(), MultiMap.caseInsensitiveMultiMap());
            }
            hasErrors |= reply.failed();
            results.addObject().put("statusCode", reply.status())
                    .set("result", reply.body() == null ? Json.object().nullNode() : reply.body());
        }
        ObjectNode out = Json.object().put("hasErrors", hasErrors);
        out.set("results", results);
        ex.reply(200, out);
    }

    private static List<Sub> parse(JsonNode body, int batchVersion) {
        if (!body.isObject()) {
            throw JsonShape.cannotDeserialize("BatchRequest", body);
        }
        JsonNode list = body.get("batchRequests");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw invalid("batchRequests must be a non-empty list of subrequests");
        }
        if (list.size() > MAX_SUBREQUESTS) {
            throw new ApiError(400, "LIMIT_EXCEEDED", "A batch request can have at most " + MAX_SUBREQUESTS
                    + " subrequests; this one has " + list.size() + ".");
        }
        List<Sub> subs = new ArrayList<>();
        for (JsonNode node : list) {
            String method = node.path("method").asText("");
            String url = node.path("url").asText("");
            Matcher m = URL.matcher(url);
            if (!METHODS.contains(method)) {
                throw invalid("Unsupported method in a batch subrequest: '" + method + "'");
            }
            if (!m.matches()) {
                throw invalid("The url of a batch subrequest must look like vXX.X/resource: " + url);
            }
            int version = Integer.parseInt(m.group(1));
            if (version < 34 || version > batchVersion) {
                throw invalid("A batch subrequest must use an API version from 34.0 to " + batchVersion + ".0: " + url);
            }
            if (m.group(2).equals("composite")) {
                throw invalid("Composite resources cannot be batched: " + url);
            }
            subs.add(new Sub(method, url.startsWith("/") ? url : RestApi.PREFIX + "/" + url, node.get("richInput")));
        }
        return subs;
    }

    private static Reply halted() {
        ArrayNode body = Json.array();
        body.addObject().put("errorCode", "BATCH_PROCESSING_HALTED")
                .put("message", "Batch processing halted because an earlier subrequest failed and haltOnError is set.");
        return Reply.json(412, body);
    }

    private static ApiError invalid(String message) {
        return new ApiError(400, "INVALID_INPUT", message);
    }
}
