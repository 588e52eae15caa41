package io.salesforcetarget.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A WHERE condition compiled against the query's object: each field path resolved once (unknown names refused
 * before any record is read), then a test per record.
 */
final class SoqlMatcher {

    /** What a test needs besides the record: how to reach parents, and the clock for TODAY and its kin. */
    record Context(SObjectTypes types, FieldPath.ParentLookup lookup, Clock clock) {
    }

    /** A compiled condition. */
    interface Match {
        boolean test(SObjectRecord record, Context context);
    }

    private SoqlMatcher() {
    }

    /** {@code resolve} turns a name into its path (or throws Salesforce's error for it). */
    static Match compile(SoqlQuery query, SoqlCondition condition, Function<SoqlQuery.Name, FieldPath> resolve) {
        if (condition == null) {
            return (r, c) -> true;
        }
        if (condition instanceof SoqlCondition.And and) {
            List<Match> parts = compileAll(query, and.parts(), resolve);
            return (r, c) -> parts.stream().allMatch(m -> m.test(r, c));
        }
        if (condition instanceof SoqlCondition.Or or) {
            List<Match> parts = compileAll(query, or.parts(), resolve);
            return (r, c) -> parts.stream().anyMatch(m -> m.test(r, c));
        }
        if (condition instanceof SoqlCondition.Not not) {
            Match inner = compile(query, not.inner(), resolve);
            return (r, c) -> !inner.test(r, c);
        }
        if (condition instanceof SoqlCondition.Compare cmp) {
            FieldPath path = resolve.apply(cmp.field());
            checkLiteral(query, path, cmp.value());
            return (r, c) -> SoqlValues.test(cmp.op(), value(path, r, c), cmp.value(), path.holdsIds(), c.clock());
        }
        if (condition instanceof SoqlCondition.In in) {
            FieldPath path = resolve.apply(in.field());
            in.values().forEach(v -> checkLiteral(query, path, v));
            return (r, c) -> {
                JsonNode v = value(path, r, c);
                if (v == null || v.isNull()) {
                    return in.negated();
                }
                boolean found = in.values().stream()
                        .anyMatch(l -> SoqlValues.test("=", v, l, path.holdsIds(), c.clock()));
                return found != in.negated();
            };
        }
        SoqlCondition.Like like = (SoqlCondition.Like) condition;
        FieldPath path = resolve.apply(like.field());
        Pattern pattern = SoqlValues.likePattern(like.pattern().raw());
        return (r, c) -> {
            JsonNode v = value(path, r, c);
            return v != null && v.isValueNode() && !v.isNull() && pattern.matcher(v.asText()).matches();
        };
    }

    private static List<Match> compileAll(SoqlQuery query, List<SoqlCondition> parts,
                                          Function<SoqlQuery.Name, FieldPath> resolve) {
        List<Match> out = new ArrayList<>();
        parts.forEach(p -> out.add(compile(query, p, resolve)));
        return out;
    }

    private static JsonNode value(FieldPath path, SObjectRecord record, Context c) {
        return path.value(record, c.types(), c.lookup());
    }

    /** An ID field compared with text that is not an ID is refused, as Salesforce does. */
    private static void checkLiteral(SoqlQuery query, FieldPath path, SoqlValue literal) {
        if (path.holdsIds() && literal.kind() == SoqlValue.Kind.STRING && !literal.text().isEmpty()
                && !SalesforceIds.isValid(literal.text())) {
            throw query.error("INVALID_QUERY_FILTER_OPERATOR", literal.position(),
                    "invalid ID field: " + literal.text());
        }
    }
}
