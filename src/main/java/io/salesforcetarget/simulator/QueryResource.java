package io.salesforcetarget.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * GET /query?q= and /queryAll?q= (which also reads the recycle bin), and GET /query/{locator} (or
 * /queryAll/{locator}) for the next batch. {@code totalSize} counts every row the query answers, over all
 * batches; a batch is {@code Sforce-Query-Options: batchSize=n} rows (200 to 2,000, 2,000 by default; a value
 * outside that range is taken as its nearest bound, one that is not a number is ignored).
 */
final class QueryResource {

    static final int DEFAULT_BATCH = 2000;
    static final int MIN_BATCH = 200;

    private final SObjectTypes types;
    private final SObjectStore store;
    private final Clock clock;
    private final QueryCursors cursors;

    QueryResource(SObjectTypes types, SObjectStore store, Clock clock) {
        this.types = types;
        this.store = store;
        this.clock = clock;
        this.cursors = new QueryCursors(clock);
    }

    /** segments: ["query" | "queryAll"] or [..., locator]. */
    void handle(ApiExchange ex) {
        OrgResources.requireGet(ex);
        List<String> s = ex.segments();
        String resource = s.get(0);
        if (s.size() == 2) {
            QueryCursors.Page page = cursors.next(s.get(1));
            ex.reply(200, answer(ex, resource, page));
            return;
        }
        SoqlPlan plan = SoqlPlan.of(SoqlQuery.parse(ex.param("q")), types);
        SoqlMatcher.Context context = new SoqlMatcher.Context(types, store::find, clock);
        List<SObjectRecord> source = resource.equals("queryAll") ? store.allWithDeleted(plan.type())
                : store.all(plan.type());
        List<SObjectRecord> rows = plan.select(source, context);
        if (plan.isCount()) {
            ex.reply(200, answer(ex, resource, new QueryCursors.Page(List.of(), null, rows.size())));
            return;
        }
        List<ObjectNode> rendered = new ArrayList<>(rows.size());
        rows.forEach(r -> rendered.add(plan.render(r, ex.versionPath(), context)));
        ex.reply(200, answer(ex, resource, cursors.first(rendered, batchSize(ex))));
    }

    void reset() {
        cursors.clear();
    }

    private static ObjectNode answer(ApiExchange ex, String resource, QueryCursors.Page page) {
        ObjectNode out = Json.object();
        out.put("totalSize", page.total());
        out.put("done", page.nextLocator() == null);
        if (page.nextLocator() != null) {
            out.put("nextRecordsUrl", ex.versionPath() + "/" + resource + "/" + page.nextLocator());
        }
        ArrayNode records = out.putArray("records");
        page.rows().forEach(records::add);
        return out;
    }

    static int batchSize(ApiExchange ex) {
        String header = ex.header("Sforce-Query-Options");
        if (header == null) {
            return DEFAULT_BATCH;
        }
        for (String option : header.split("[,;]")) {
            String[] kv = option.split("=", 2);
            if (kv.length == 2 && kv[0].trim().toLowerCase(Locale.ROOT).equals("batchsize")) {
                try {
                    int n = Integer.parseInt(kv[1].trim());
                    return Math.max(MIN_BATCH, Math.min(DEFAULT_BATCH, n));
                } catch (NumberFormatException e) {
                    return DEFAULT_BATCH;
                }
            }
        }
        return DEFAULT_BATCH;
    }
}
