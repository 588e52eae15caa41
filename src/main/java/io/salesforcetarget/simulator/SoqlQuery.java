package io.salesforcetarget.simulator;

import java.util.List;

/**
 * A parsed SOQL query (see {@link SoqlParser} for the grammar). Names keep where they stood in the text, so
 * the checks against the org's objects (INVALID_TYPE, INVALID_FIELD) can point at them as Salesforce does.
 */
record SoqlQuery(String text, List<Name> fields, boolean count, Name object, SoqlCondition where,
                 List<OrderKey> orderBy, Integer limit, Integer offset) {

    /** A name or dotted path as written ({@code Name}, {@code Account.Name}), with its position. */
    record Name(String text, int position) {
        List<String> parts() {
            return List.of(text.split("\\.", -1));
        }
    }

    /** One ORDER BY key; nulls first unless said otherwise for ASC, last for DESC, as in SOQL. */
    record OrderKey(Name field, boolean descending, boolean nullsFirst) {
    }

    static SoqlQuery parse(String soql) {
        return SoqlParser.parse(soql);
    }

    boolean isCount() {
        return count;
    }

    /** An error pointing at a position of this query. */
    ApiError error(String errorCode, int position, String reason) {
        return QueryErrors.at(text, errorCode, position, reason);
    }
}
