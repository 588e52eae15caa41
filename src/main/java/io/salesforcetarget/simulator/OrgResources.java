package io.salesforcetarget.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The read-only org resources: directory, limits, describe global, sObject basic info and describe. */
final class OrgResources {

    private final SObjectTypes types;
    private final CounterState counters;
    private final long dailyLimit;

    OrgResources(SObjectTypes types, CounterState counters, long dailyLimit) {
        this.types = types;
        this.counters = counters;
        this.dailyLimit = dailyLimit;
    }

    /** GET /services/data/vNN.0/ */
    void directory(ApiExchange ex) {
        requireGet(ex);
        String base = ex.versionPath();
        ex.reply(200, Json.object().put("limits", base + "/limits").put("query", base + "/query")
                .put("queryAll", base + "/queryAll").put("search", base + "/search").put("sobjects", base + "/sobjects"));
    }

    /** GET /limits: the daily allocation, this call included. */
    void limits(ApiExchange ex) {
        requireGet(ex);
        ObjectNode out = Json.object();
        out.putObject("DailyApiRequests").put("Max", dailyLimit)
                .put("Remaining", Math.max(0, dailyLimit - counters.apiUsage()));
        ex.reply(200, out);
    }

    /** GET /sobjects */
    void describeGlobal(ApiExchange ex) {
        requireGet(ex);
        ObjectNode out = Json.object().put("encoding", "UTF-8").put("maxBatchSize", 200);
        ArrayNode list = out.putArray("sobjects");
        types.all().forEach(type -> list.add(SObjectDescribe.summary(ex.versionPath(), type)));
        ex.reply(200, out);
    }

    /** GET /sobjects/{Type} */
    static void basicInfo(ApiExchange ex, SObjectType type) {
        ObjectNode out = Json.object();
        out.set("objectDescribe", SObjectDescribe.summary(ex.versionPath(), type));
        out.putArray("recentItems");
        ex.reply(200, out);
    }

    /** GET /sobjects/{Type}/describe */
    static void describe(ApiExchange ex, SObjectType type) {
        requireGet(ex);
        ex.reply(200, SObjectDescribe.full(ex.versionPath(), type));
    }

    static void requireGet(ApiExchange ex) {
        if (!ex.method().equals("GET") && !ex.method().equals("HEAD")) {
            throw ApiError.methodNotAllowed(ex.method(), "GET,HEAD");
        }
    }
}
