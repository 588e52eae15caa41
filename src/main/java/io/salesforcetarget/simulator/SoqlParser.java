package io.salesforcetarget.simulator;

import io.salesforcetarget.simulator.SoqlLexer.Kind;
import io.salesforcetarget.simulator.SoqlLexer.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A recursive-descent parser for the SOQL subset the simulated org answers. Keywords are case-insensitive.
 * <pre>
 * query      = "SELECT" selection "FROM" name [ "WHERE" condition ]
 *              [ "ORDER" "BY" orderKey { "," orderKey } ] [ "LIMIT" integer ] [ "OFFSET" integer ] EOF
 * selection  = "COUNT" "(" ")" | path { "," path }
 * path       = name { "." name }                      (Account.Name: a parent relationship field)
 * condition  = unary { "AND" unary } | unary { "OR" unary }   (AND and OR mixed need parentheses, as in SOQL)
 * unary      = "NOT" unary | "(" condition ")" | predicate
 * predicate  = path ( "=" | "!=" | "&lt;&gt;" | "&lt;" | "&gt;" | "&lt;=" | "&gt;=" ) value
 *            | path [ "NOT" ] "IN" "(" value { "," value } ")"
 *            | path "LIKE" string
 * value      = string | number | "TRUE" | "FALSE" | "NULL" | date | datetime | dateLiteral
 * dateLiteral = "TODAY" | "YESTERDAY" | "TOMORROW" | ( "LAST_N_DAYS" | "NEXT_N_DAYS" ) ":" integer
 * orderKey   = path [ "ASC" | "DESC" ] [ "NULLS" ( "FIRST" | "LAST" ) ]
 * </pre>
 * A text it cannot parse is 400 MALFORMED_QUERY pointing at the first token that does not fit.
 */
final class SoqlParser {

    static final String MALFORMED = "MALFORMED_QUERY";
    private static final Set<String> BARE_DATES = Set.of("TODAY", "YESTERDAY", "TOMORROW");
    private static final Set<String> N_DATES = Set.of("LAST_N_DAYS", "NEXT_N_DAYS");

    private final String text;
    private final TokenCursor in;

    private SoqlParser(String text) {
        this.text = text;
        this.in = new TokenCursor(text, MALFORMED, SoqlLexer.tokens(text, 0, MALFORMED));
    }

    static SoqlQuery parse(String soql) {
        if (soql == null || soql.isBlank()) {
            throw new ApiError(400, MALFORMED, "A query string has to be specified");
        }
        return new SoqlParser(soql).query();
    }

    private SoqlQuery query() {
        in.keyword("SELECT");
        List<SoqlQuery.Name> fields = new ArrayList<>();
        boolean count = false;
        if (in.peek().is("COUNT") && in.peekAfter().isSymbol("(")) {
            in.take();
            in.symbol("(");
            in.symbol(")");
            count = true;
        } else {
            do {
                fields.add(name());
            } while (in.acceptSymbol(","));
        }
        in.keyword("FROM");
        SoqlQuery.Name object = name();
        SoqlCondition where = in.acceptKeyword("WHERE") ? condition() : null;
        List<SoqlQuery.OrderKey> orderBy = new ArrayList<>();
        if (in.acceptKeyword("ORDER")) {
            in.keyword("BY");
            do {
                orderBy.add(orderKey());
            } while (in.acceptSymbol(","));
        }
        Integer limit = in.acceptKeyword("LIMIT") ? in.integer() : null;
        Integer offset = in.acceptKeyword("OFFSET") ? in.integer() : null;
        in.end();
        return new SoqlQuery(text, List.copyOf(fields), count, object, where, List.copyOf(orderBy), limit, offset);
    }

    private SoqlCondition condition() {
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
    private SoqlQuery.Name name() {
        Token t = in.name();
        if (t.text().startsWith(".") || t.text().endsWith(".") || t.text().contains("..")) {
            throw in.unexpected(t);
        }
        return new SoqlQuery.Name(t.text(), t.position());
    }
}
