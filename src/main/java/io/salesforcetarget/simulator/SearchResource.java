package io.salesforcetarget.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * GET /search?q= with a SOSL search ({@link SoslParser}). Every object of RETURNING (every object of the org when
 * there is none, returning Ids) is checked before a record is read (INVALID_TYPE, INVALID_FIELD, as a query's); then
 * each object's records that match the term (see {@link SearchMatcher}) go through its WHERE, ORDER BY (else the
 * order they were created in), OFFSET and LIMIT, object after object in RETURNING's order, up to the overall LIMIT
 * (2,000 at most, and by default). From v37.0 the answer is {@code {"searchRecords": [...]}}, before it the bare
 * array, as on Salesforce; each record is rendered as the query resource renders it.
 */
final class SearchResource {

    static final int MAX_ROWS = 2000;
    /** The first version whose search answer is an object with searchRecords rather than an array. */
    static final int SEARCH_RECORDS_SINCE = 37;

    private final SObjectTypes types;
    private final SObjectStore store;
    private final Clock clock;

    SearchResource(SObjectTypes types, SObjectStore store, Clock clock) {
        this.types = types;
        this.store = store;
        this.clock = clock;
    }

    void handle(ApiExchange ex) {
        OrgResources.requireGet(ex);
        reply(ex, SoslQuery.parse(ex.param("q")));
    }

    /** Answers the search with the records it finds. */
    void reply(ApiExchange ex, SoslQuery search) {
        ex.reply(200, answer(ex, search.returning().isEmpty() ? everyObject(search) : search.returning(),
                search.term(), search.group(), search.limit()));
    }

    /** The names of the org's objects, which a search without RETURNING reads. */
    List<String> objectNames() {
        List<String> out = new ArrayList<>();
        types.all().forEach(t -> out.add(t.name()));
        return out;
    }

    /** The records found, in the shape of the request's version. */
    private JsonNode answer(ApiExchange ex, List<SoqlQuery> returning, SearchTerm term, SearchGroup group,
                            Integer limit) {
        List<SoqlPlan> plans = new ArrayList<>();
        returning.forEach(q -> plans.add(SoqlPlan.of(q, types)));
        SoqlMatcher.Context context = new SoqlMatcher.Context(types, store::find, clock);
        int max = limit == null ? MAX_ROWS : Math.min(limit, MAX_ROWS);
        ArrayNode records = Json.array();
        for (SoqlPlan plan : plans) {
            SObjectType type = plan.type();
            List<SObjectRecord> found = new ArrayList<>();
            for (SObjectRecord r : store.all(type)) {
                if (SearchMatcher.matches(term, SearchMatcher.texts(r, type, group))) {
                    found.add(r);
                }
            }
            for (SObjectRecord r : plan.select(found, context)) {
                if (records.size() >= max) {
                    break;
                }
                records.add(plan.render(r, ex.versionPath(), context));
            }
        }
        if (ex.version() < SEARCH_RECORDS_SINCE) {
            return records;
        }
        return Json.object().set("searchRecords", records);
    }

    /** Without RETURNING: every object of the org, its records' Id. */
    private List<SoqlQuery> everyObject(SoslQuery search) {
        List<SoqlQuery> out = new ArrayList<>();
        for (SObjectType type : types.all()) {
            SoqlQuery.Name name = new SoqlQuery.Name(type.name(), 0);
            out.add(new SoqlQuery(search.text(), List.of(new SoqlQuery.Name("Id", 0)), false, name, null,
                    List.of(), null, null));
        }
        return out;
    }
}
