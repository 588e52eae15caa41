package io.salesforcetarget.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * POST /composite: up to 25 subrequests run in order through the REST API's own dispatch, each later one able to
 * use earlier results through {@code @{referenceId.path}} ({@link CompositeReferences}). The whole request is one
 * API call and always answers 200 {"compositeResponse":[{"body","httpHeaders","httpStatusCode","referenceId"}]}.
 *
 * <ul>
 * <li>allOrNone false: a subrequest whose reference cannot be resolved (it names a failed one) is not run and
 * answers 400 PROCESSING_HALTED "Invalid reference specified. ..."; the others run.</li>
 * <li>allOrNone true: at the first failure (a 4xx/5xx, or an sObject Collections result with a failed record, as
 * the guide's "allOrNone Parameters in Composite and Collections Requests" shows) nothing more runs, every write is
 * rolled back, and every other subrequest answers 400 PROCESSING_HALTED "The transaction was rolled back since
 * another operation in the same transaction failed."</li>
 * <li>collateSubrequests is accepted; subrequests always run in the order sent, one outcome collation allows.</li>
 * </ul>
 */
final class CompositeResource {

    static final String HALTED = "PROCESSING_HALTED";
    static final String ROLLED_BACK_MESSAGE =
            "The transaction was rolled back since another operation in the same transaction failed.";

    private final SObjectStore store;
    private final Subrequests subrequests;

    CompositeResource(SObjectStore store, Subrequests subrequests) {
        this.store = store;
        this.subrequests = subrequests;
    }

    /** POST only; {@link CompositeResources} sends other methods to the directory. */
    void handle(ApiExchange ex) {
        CompositeRequest request = CompositeRequest.parse(ex.jsonBody());
        List<Reply> replies = new ArrayList<>();
        store.atomically(() -> run(request, replies));
        ArrayNode results = Json.array();
        for (int i = 0; i < replies.size(); i++) {
            results.add(result(replies.get(i), request.subrequests().get(i).referenceId()));
        }
        ObjectNode out = Json.object();
        out.set("compositeResponse", results);
        ex.reply(200, out);
    }

    /** Runs the subrequests into {@code replies}; false (roll back) when allOrNone met a failure. */
    private boolean run(CompositeRequest request, List<Reply> replies) {
        Map<String, JsonNode> bodies = new HashMap<>();
        CompositeReferences references = new CompositeReferences(bodies);
        int failed = -1;
        for (CompositeRequest.Sub sub : request.subrequests()) {
            if (failed >= 0) {
                replies.add(halted(ROLLED_BACK_MESSAGE));
                continue;
            }
            Reply reply;
            try {
                reply = subrequests.run(sub.method(), references.text(sub.url()), references.body(sub.body()),
                        sub.headers());
            } catch (CompositeReferences.Unresolved e) {
                reply = halted(e.getMessage());
            }
            replies.add(reply);
            bodies.put(sub.referenceId(), reply.body() == null ? Json.object().nullNode() : reply.body());
            if (request.allOrNone() && (reply.failed() || sub.collection() && anyRecordFailed(reply))) {
                failed = replies.size() - 1;
            }
        }
        if (failed < 0) {
            return true;
        }
        for (int i = 0; i < replies.size(); i++) {
            if (i != failed) {
                replies.set(i, halted(ROLLED_BACK_MESSAGE));
            }
        }
        return false;
    }

    private static boolean anyRecordFailed(Reply reply) {
        if (reply.body() != null && reply.body().isArray()) {
            for (JsonNode result : reply.body()) {
                if (result.isObject() && !result.path("success").asBoolean(true)) {
                    return true;
                }
            }
        }
        return false;
    }

    static Reply halted(String message) {
        ArrayNode body = Json.array();
        body.addObject().put("errorCode", HALTED).put("message", message);
        return Reply.json(400, body);
    }

    private static ObjectNode result(Reply reply, String referenceId) {
        ObjectNode out = Json.object();
        out.set("body", reply.body() == null ? Json.object().nullNode() : reply.body());
        ObjectNode headers = out.putObject("httpHeaders");
        reply.headers().forEach(headers::put);
        out.put("httpStatusCode", reply.status());
        out.put("referenceId", referenceId);
        return out;
    }
}
