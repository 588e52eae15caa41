package io.salesforcetarget.simulator;

import java.util.List;

/**
 * Everything under /composite: the directory (GET), Composite (POST), sObject Collections, Composite batch and
 * sObject tree. Composite graph is not implemented.
 */
final class CompositeResources {

    private final SObjectCollections collections;
    private final CompositeResource composite;
    private final CompositeBatchResource batch;
    private final SObjectTreeResource tree;

    CompositeResources(SObjectTypes types, SObjectStore store, Subrequests subrequests, CounterState counters,
                       long dailyLimit) {
        this.collections = new SObjectCollections(types, store);
        this.composite = new CompositeResource(store, subrequests);
        this.batch = new CompositeBatchResource(subrequests, counters, dailyLimit);
        this.tree = new SObjectTreeResource(types, store);
    }

    /** segments: ["composite", ...]. */
    void handle(ApiExchange ex) {
        List<String> s = ex.segments();
        if (s.size() == 1) {
            if (ex.method().equals("POST")) {
                composite.handle(ex);
            } else {
                directory(ex);
            }
            return;
        }
        switch (s.get(1)) {
            case "sobjects" -> collections.handle(ex);
            case "batch" -> only(s, 2, () -> batch.handle(ex));
            case "tree" -> only(s, 3, () -> tree.handle(ex));
            default -> throw ApiError.notFound();
        }
    }

    private static void only(List<String> segments, int size, Runnable action) {
        if (segments.size() != size) {
            throw ApiError.notFound();
        }
        action.run();
    }

    /** GET /composite lists the composite resources (graph left out: the simulated org lacks it). */
    private static void directory(ApiExchange ex) {
        if (!ex.method().equals("GET") && !ex.method().equals("HEAD")) {
            throw ApiError.methodNotAllowed(ex.method(), "GET,HEAD,POST");
        }
        String base = ex.versionPath() + "/composite";
        ex.reply(200, Json.object().put("tree", base + "/tree").put("batch", base + "/batch")
                .put("sobjects", base + "/sobjects"));
    }
}
