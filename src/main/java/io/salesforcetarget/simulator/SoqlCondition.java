package io.salesforcetarget.simulator;

import java.util.List;

/** A WHERE condition of a {@link SoqlQuery}: a tree of AND, OR and NOT over field comparisons. */
sealed interface SoqlCondition {

    record And(List<SoqlCondition> parts) implements SoqlCondition {
    }

    record Or(List<SoqlCondition> parts) implements SoqlCondition {
    }

    record Not(SoqlCondition inner) implements SoqlCondition {
    }

    /** {@code field op value}; op is one of = != < > <= >= ({@code <>} is read as !=). */
    record Compare(SoqlQuery.Name field, String op, SoqlValue value) implements SoqlCondition {
    }

    /** {@code field [NOT] IN (v1, v2, ...)}. */
    record In(SoqlQuery.Name field, boolean negated, List<SoqlValue> values) implements SoqlCondition {
    }

    /** {@code field LIKE 'pattern'}: % any run of characters, _ one; \% and \_ themselves. */
    record Like(SoqlQuery.Name field, SoqlValue pattern) implements SoqlCondition {
    }
}
