package io.salesforcetarget.simulator;

import io.salesforcetarget.simulator.SoqlLexer.Kind;
import io.salesforcetarget.simulator.SoqlLexer.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The parts of the grammar SOQL and SOSL share (SOSL's {@code RETURNING Object(fields WHERE ... ORDER BY ...)} is
 * SOQL's), read from a {@link TokenCursor}; see {@link SoqlParser} for the grammar. Errors carry the cursor's code.
 */
final class SoqlClauses {

    private static final Set<String> BARE_DATES = Set.of("TODAY", "YESTERDAY", "TOMORROW");
    private static final Set<String> N_DATES = Set.of("LAST_N_DAYS", "NEXT_N_DAYS");

    private final TokenCursor in;

    SoqlClauses(TokenCursor in) {
        this.in = in;
    }

    /** path { "," path } */
    List<SoqlQuery.Name> fieldList() {
        List<SoqlQuery.Name> fields = new ArrayList<>();
        do {
            fields.add(name());
        } while (in.acceptSymbol(","));
        return List.copyOf(fields);
    }

    /** The keys after "ORDER" "BY": orderKey { "," orderKey } */
    List<SoqlQuery.OrderKey> orderBy() {
        in.keyword("BY");
        List<SoqlQuery.OrderKey> keys = new ArrayList<>();
        do {
            keys.add(orderKey());
        } while (in.acceptSymbol(","));
        return List.copyOf(keys);
    }

    SoqlCondition condition() {
        SoqlCondition first = unary();
        String joiner = in.peek().is("AND") ? "AND" : in.peek().is("OR") ? "OR" : null;
        if (joiner == null) {
            return first;
        }
        String other = joiner.equals("AND") ? "OR" : "AND";
        List<SoqlCondition> parts = new ArrayList<>(List.of(first));
        while (in.acceptKeyword(joiner)) {
            parts.add(unary());
        }
        if (in.peek().is(other)) {
            throw in.unexpected(in.peek());
        }
        return joiner.equals("AND") ? new SoqlCondition.And(List.copyOf(parts))
                : new SoqlCondition.Or(List.copyOf(parts));
    }

    private SoqlCondition unary() {
        if (in.acceptKeyword("NOT")) {
            return new SoqlCondition.Not(unary());
        }
        if (in.acceptSymbol("(")) {
            SoqlCondition inner = condition();
            in.symbol(")");
            return inner;
        }
        return predicate();
    }

    private SoqlCondition predicate() {
        SoqlQuery.Name field = name();
        Token op = in.peek();
        if (op.is("LIKE")) {
            in.take();
            Token pattern = in.take();
            if (pattern.kind() != Kind.STRING) {
                throw in.unexpected(pattern);
            }
            return new SoqlCondition.Like(field, value(pattern));
        }
        boolean negated = op.is("NOT") && in.peekAfter().is("IN");
        if (negated || op.is("IN")) {
            in.take();
            if (negated) {
                in.take();
            }
            in.symbol("(");
            List<SoqlValue> values = new ArrayList<>();
            do {
                values.add(value(in.take()));
            } while (in.acceptSymbol(","));
            in.symbol(")");
            return new SoqlCondition.In(field, negated, List.copyOf(values));
        }
        if (op.kind() != Kind.SYMBOL || op.isSymbol(",") || op.isSymbol("(") || op.isSymbol(")") || op.isSymbol(":")) {
            throw in.unexpected(op);
        }
        in.take();
        String operator = op.text().equals("<>") ? "!=" : op.text();
        return new SoqlCondition.Compare(field, operator, value(in.take()));
    }

    private SoqlValue value(Token t) {
        return switch (t.kind()) {
            case STRING -> new SoqlValue(SoqlValue.Kind.STRING, t.text(), t.raw(), 0, t.position());
            case NUMBER -> new SoqlValue(SoqlValue.Kind.NUMBER, t.text(), t.raw(), 0, t.position());
            case DATE -> new SoqlValue(SoqlValue.Kind.DATE, t.text(), t.raw(), 0, t.position());
            case DATETIME -> new SoqlValue(SoqlValue.Kind.DATETIME, t.text(), t.raw(), 0, t.position());
            case WORD -> word(t);
            default -> throw in.unexpected(t);
        };
    }

    private SoqlValue word(Token t) {
        String upper = t.text().toUpperCase(Locale.ROOT);
        if (upper.equals("NULL")) {
            return new SoqlValue(SoqlValue.Kind.NULL, null, null, 0, t.position());
        }
        if (upper.equals("TRUE") || upper.equals("FALSE")) {
            return new SoqlValue(SoqlValue.Kind.BOOLEAN, upper.toLowerCase(Locale.ROOT), t.raw(), 0, t.position());
        }
        if (BARE_DATES.contains(upper)) {
            return new SoqlValue(SoqlValue.Kind.DATE_LITERAL, upper, t.raw(), 0, t.position());
        }
        if (N_DATES.contains(upper)) {
            in.symbol(":");
            return new SoqlValue(SoqlValue.Kind.DATE_LITERAL, upper, t.raw(), in.integer(), t.position());
        }
        throw in.unexpected(t);
    }

    private SoqlQuery.OrderKey orderKey() {
        SoqlQuery.Name field = name();
        boolean descending = false;
        if (in.acceptKeyword("DESC")) {
            descending = true;
        } else {
            in.acceptKeyword("ASC");
        }
        boolean nullsFirst = !descending;
        if (in.acceptKeyword("NULLS")) {
            if (in.acceptKeyword("FIRST")) {
                nullsFirst = true;
            } else {
                in.keyword("LAST");
                nullsFirst = false;
            }
        }
        return new SoqlQuery.OrderKey(field, descending, nullsFirst);
    }

    /** A name or dotted path; an empty part ("Account..Name", "Name.") does not fit. */
    SoqlQuery.Name name() {
        Token t = in.name();
        if (t.text().startsWith(".") || t.text().endsWith(".") || t.text().contains("..")) {
            throw in.unexpected(t);
        }
        return new SoqlQuery.Name(t.text(), t.position());
    }
}
