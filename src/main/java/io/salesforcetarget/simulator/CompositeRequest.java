package io.salesforcetarget.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.MultiMap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Composite request body, {"allOrNone","collateSubrequests","compositeRequest":[{"method","url","referenceId",
 * "body","httpHeaders"}]}, checked as a whole before any subrequest runs; a bad one is a single 400.
 *
 * <p>Documented: at most 25 subrequests, at most 5 of them sObject Collections or query; methods POST, PUT, PATCH,
 * GET, DELETE (case-sensitive); urls under /services/data/vXX.X/ naming sObject resources, query, queryAll or (from
 * 43.0) sObject Collections; a referenceId starts with a letter or digit and holds only letters, digits and "_"
 * (API 52.0+: else 400 JSON_PARSER_ERROR with the guide's wording); httpHeaders may not set Accept, Authorization
 * or Content-Type. Chosen, the guide having no wording: LIMIT_EXCEEDED for the counts, INVALID_INPUT for the rest.
 */
record CompositeRequest(boolean allOrNone, List<Sub> subrequests) {

    static final int MAX_SUBREQUESTS = 25;
    static final int MAX_COLLECTIONS_OR_QUERIES = 5;

    private static final Set<String> METHODS = Set.of("POST", "PUT", "PATCH", "GET", "DELETE");
    private static final Set<String> INHERITED_HEADERS = Set.of("accept", "authorization", "content-type");
    private static final Pattern REFERENCE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_]*");
    private static final Pattern TARGET = Pattern.compile("/services/data/v(\\d+)\\.\\d+/([^/?]+)(?:/([^/?]+))?.*");

    record Sub(String method, String url, String referenceId, JsonNode body, MultiMap headers, boolean collection) {
    }

    static CompositeRequest parse(JsonNode body) {
        if (!body.isObject()) {
            throw JsonShape.cannotDeserialize("CompositeRequest", body);
        }
        JsonNode list = body.get("compositeRequest");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw invalid("compositeRequest must be a non-empty list of subrequests");
        }
        if (list.size() > MAX_SUBREQUESTS) {
            throw new ApiError(400, "LIMIT_EXCEEDED", "A composite request can have at most " + MAX_SUBREQUESTS
                    + " subrequests; this one has " + list.size() + ".");
        }
        List<Sub> subs = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int collectionsOrQueries = 0;
        for (JsonNode node : list) {
            Sub sub = sub(node);
            if (!ids.add(sub.referenceId())) {
                throw invalid("Duplicate referenceId provided in the request: " + sub.referenceId());
            }
            if (sub.collection() || queryLike(sub.url())) {
                collectionsOrQueries++;
            }
            subs.add(sub);
        }
        if (collectionsOrQueries > MAX_COLLECTIONS_OR_QUERIES) {
            throw new ApiError(400, "LIMIT_EXCEEDED", "A composite request can have at most "
                    + MAX_COLLECTIONS_OR_QUERIES + " sObject Collections or query subrequests.");
        }
        return new CompositeRequest(body.path("allOrNone").asBoolean(false), subs);
    }

    private static Sub sub(JsonNode node) {
        if (!node.isObject()) {
            throw JsonShape.cannotDeserialize("CompositeSubrequest", node);
        }
        String method = node.path("method").asText("");
        if (!METHODS.contains(method)) {
            throw invalid("Unsupported method in a subrequest: '" + method + "'. Use POST, PUT, PATCH, GET or DELETE.");
        }
        String referenceId = node.path("referenceId").asText("");
        if (!REFERENCE_ID.matcher(referenceId).matches()) {
            throw new ApiError(400, "JSON_PARSER_ERROR", "Provided referenceId ('" + referenceId + "') must start "
                    + "with a letter or a number, and it can contain only letters, numbers and underscores ('_').");
        }
        String url = node.path("url").asText("");
        Matcher target = TARGET.matcher(url);
        if (!target.matches()) {
            throw invalid("The url of subrequest " + referenceId + " must start with /services/data/vXX.X/");
        }
        boolean collection = target.group(2).equals("composite") && "sobjects".equals(target.group(3));
        boolean supported = Set.of("sobjects", "query", "queryAll").contains(target.group(2))
                || collection && Integer.parseInt(target.group(1)) >= 43;
        if (!supported) {
            throw invalid("The composite resource does not support the url of subrequest " + referenceId + ": " + url);
        }
        return new Sub(method, url, referenceId, node.get("body"), headers(node.get("httpHeaders"), referenceId),
                collection);
    }

    private static MultiMap headers(JsonNode node, String referenceId) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        if (node != null && node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if (INHERITED_HEADERS.contains(e.getKey().toLowerCase(Locale.ROOT))) {
                    throw invalid("Subrequest " + referenceId + " may not set the " + e.getKey()
                            + " header; subrequests inherit it from the composite request.");
                }
                headers.add(e.getKey(), e.getValue().asText());
            });
        }
        return headers;
    }

    private static boolean queryLike(String url) {
        Matcher target = TARGET.matcher(url);
        return target.matches() && (target.group(2).equals("query") || target.group(2).equals("queryAll"));
    }

    private static ApiError invalid(String message) {
        return new ApiError(400, "INVALID_INPUT", message);
    }
}
