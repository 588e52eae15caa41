package io.salesforcetarget.simulator;

import java.util.List;

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

    private final String text;
    private final TokenCursor in;
    private final SoqlClauses clauses;

    private SoqlParser(String text) {
        this.text = text;
        this.in = new TokenCursor(text, MALFORMED, SoqlLexer.tokens(text, 0, MALFORMED));
        this.clauses = new SoqlClauses(in);
    }

    static SoqlQuery parse(String soql) {
        if (soql == null || soql.isBlank()) {
            throw new ApiError(400, MALFORMED, "A query string has to be specified");
        }
        return new SoqlParser(soql).query();
    }

    private SoqlQuery query() {
        in.keyword("SELECT");
        List<SoqlQuery.Name> fields = List.of();
        boolean count = false;
        if (in.peek().is("COUNT") && in.peekAfter().isSymbol("(")) {
            in.take();
            in.symbol("(");
            in.symbol(")");
            count = true;
        } else {
            fields = clauses.fieldList();
        }
        in.keyword("FROM");
        SoqlQuery.Name object = clauses.name();
        SoqlCondition where = in.acceptKeyword("WHERE") ? clauses.condition() : null;
        List<SoqlQuery.OrderKey> orderBy = in.acceptKeyword("ORDER") ? clauses.orderBy() : List.of();
        Integer limit = in.acceptKeyword("LIMIT") ? in.integer() : null;
        Integer offset = in.acceptKeyword("OFFSET") ? in.integer() : null;
        in.end();
        return new SoqlQuery(text, fields, count, object, where, orderBy, limit, offset);
    }
}
