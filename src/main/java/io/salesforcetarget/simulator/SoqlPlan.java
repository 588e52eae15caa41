package io.salesforcetarget.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A {@link SoqlQuery} checked against the org's objects and ready to run: the object (INVALID_TYPE if unknown),
 * the selected paths, the compiled WHERE, the ORDER BY keys, OFFSET (at most 2,000) and LIMIT.
 */
final class SoqlPlan {

    static final int MAX_OFFSET = 2000;

    private record Key(FieldPath path, boolean descending, boolean nullsFirst) {
    }

    private final SoqlQuery query;
    private final SObjectType type;
    private final List<FieldPath> columns = new ArrayList<>();
    private final SoqlMatcher.Match where;
    private final List<Key> order = new ArrayList<>();

    private SoqlPlan(SoqlQuery query, SObjectTypes types) {
        this.query = query;
        this.type = types.find(query.object().text());
        if (type == null) {
            throw query.error("INVALID_TYPE", query.object().position(), "sObject type '" + query.object().text()
                    + "' is not supported. If you are attempting to use a custom object, be sure to append the "
                    + "'__c' after the entity name. Please reference your WSDL or the describe call for the "
                    + "appropriate names.");
        }
        query.fields().forEach(f -> columns.add(FieldPath.resolve(query, types, type, f)));
        this.where = SoqlMatcher.compile(query, query.where(), n -> FieldPath.resolve(query, types, type, n));
        query.orderBy().forEach(k -> order.add(new Key(FieldPath.resolve(query, types, type, k.field()),
                k.descending(), k.nullsFirst())));
        if (query.offset() != null && query.offset() > MAX_OFFSET) {
            throw new ApiError(400, "NUMBER_OUTSIDE_VALID_RANGE", "Maximum SOQL offset allowed is " + MAX_OFFSET);
        }
    }

    static SoqlPlan of(SoqlQuery query, SObjectTypes types) {
        return new SoqlPlan(query, types);
    }

    SObjectType type() {
        return type;
    }

    boolean isCount() {
        return query.isCount();
    }

    /** The matching records, ordered, after OFFSET and LIMIT. */
    List<SObjectRecord> select(List<SObjectRecord> records, SoqlMatcher.Context context) {
        List<SObjectRecord> matches = new ArrayList<>();
        for (SObjectRecord r : records) {
            if (where.test(r, context)) {
                matches.add(r);
            }
        }
        if (!order.isEmpty()) {
            matches.sort(comparator(context));
        }
        int from = Math.min(query.offset() == null ? 0 : query.offset(), matches.size());
        int to = query.limit() == null ? matches.size() : (int) Math.min(matches.size(), (long) from + query.limit());
        return new ArrayList<>(matches.subList(from, to));
    }

    private Comparator<SObjectRecord> comparator(SoqlMatcher.Context c) {
        Comparator<SObjectRecord> all = (a, b) -> 0;
        for (Key key : order) {
            Comparator<SObjectRecord> one = (a, b) -> {
                JsonNode x = key.path().value(a, c.types(), c.lookup());
                JsonNode y = key.path().value(b, c.types(), c.lookup());
                boolean xNull = x == null || x.isNull();
                boolean yNull = y == null || y.isNull();
                if (xNull || yNull) {
                    return xNull == yNull ? 0 : (xNull == key.nullsFirst() ? -1 : 1);
                }
                int cmp = SoqlValues.order(x, y);
                return key.descending() ? -cmp : cmp;
            };
            all = all.thenComparing(one);
        }
        return all;
    }

    /** A record as the query answers it: attributes, then the selected fields; parents as nested records. */
    ObjectNode render(SObjectRecord record, String versionPath, SoqlMatcher.Context c) {
        ObjectNode out = attributes(versionPath, record);
        for (FieldPath column : columns) {
            ObjectNode at = out;
            boolean reached = true;
            for (int depth = 0; depth < column.hops().size() && reached; depth++) {
                String name = column.hops().get(depth).name();
                JsonNode existing = at.get(name);
                if (existing == null) {
                    SObjectRecord parent = column.parentRecord(record, depth + 1, c.types(), c.lookup());
                    if (parent == null) {
                        at.putNull(name);
                        reached = false;
                    } else {
                        ObjectNode nested = attributes(versionPath, parent);
                        at.set(name, nested);
                        at = nested;
                    }
                } else if (existing.isObject()) {
                    at = (ObjectNode) existing;
                } else {
                    reached = false;
                }
            }
            if (reached) {
                SObjectRecord owner = column.parentRecord(record, column.hops().size(), c.types(), c.lookup());
                JsonNode value = owner.node(column.field());
                at.set(column.field(), value == null ? Json.object().nullNode() : value);
            }
        }
        return out;
    }

    private static ObjectNode attributes(String versionPath, SObjectRecord record) {
        ObjectNode out = Json.object();
        out.putObject("attributes").put("type", record.type()).put("url", RecordJson.url(versionPath, record));
        return out;
    }
}
