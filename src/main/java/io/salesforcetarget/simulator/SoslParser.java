package io.salesforcetarget.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A recursive-descent parser for the SOSL subset the simulated org answers. Keywords are case-insensitive; the
 * search term is read by {@link SearchTermParser}, the clauses inside RETURNING's parentheses by the SOQL grammar's
 * {@link SoqlClauses}.
 * <pre>
 * search     = "FIND" "{" term "}" [ "IN" group "FIELDS" ] [ "RETURNING" object { "," object } ]
 *              [ "LIMIT" integer ] EOF
 * group      = "ALL" | "NAME" | "EMAIL" | "PHONE" | "SIDEBAR"
 * object     = name [ "(" path { "," path } [ "WHERE" condition ] [ "ORDER" "BY" orderKey { "," orderKey } ]
 *                     [ "LIMIT" integer ] [ "OFFSET" integer ] ")" ]
 * </pre>
 * An object without a field list returns its records' Id. A text without a term in braces is 400 MALFORMED_SEARCH
 * "No search term found. The search term must be enclosed in braces.", one that does not fit the grammar 400
 * MALFORMED_SEARCH pointing at the first token that does not fit.
 */
final class SoslParser {

    static final String MALFORMED = "MALFORMED_SEARCH";
    static final String NO_TERM = "No search term found. The search term must be enclosed in braces.";

    private final String text;
    private final SearchTerm term;
    private final TokenCursor in;
    private final SoqlClauses clauses;

    private SoslParser(String text) {
        this.text = text;
        int find = skipSpace(0);
        if (!text.regionMatches(true, find, "FIND", 0, 4)
                || find + 4 < text.length() && Character.isLetterOrDigit(text.charAt(find + 4))) {
            TokenCursor first = new TokenCursor(text, MALFORMED, SoqlLexer.tokens(text, 0, MALFORMED));
            throw first.unexpected(first.peek());
        }
        int open = skipSpace(find + 4);
        int close = open < text.length() && text.charAt(open) == '{' ? closingBrace(open + 1) : -1;
        if (close < 0) {
            throw new ApiError(400, MALFORMED, NO_TERM);
        }
        this.term = SearchTermParser.parse(text, open + 1, close);
        this.in = new TokenCursor(text, MALFORMED, SoqlLexer.tokens(text, close + 1, MALFORMED));
        this.clauses = new SoqlClauses(in);
    }

    static SoslQuery parse(String sosl) {
        if (sosl == null || sosl.isBlank()) {
            throw new ApiError(400, MALFORMED, NO_TERM);
        }
        return new SoslParser(sosl).search();
    }

    private SoslQuery search() {
        SearchGroup group = SearchGroup.ALL;
        if (in.acceptKeyword("IN")) {
            SoqlLexer.Token name = in.take();
            group = group(name);
            in.keyword("FIELDS");
        }
        List<SoqlQuery> returning = new ArrayList<>();
        if (in.acceptKeyword("RETURNING")) {
            do {
                returning.add(object());
            } while (in.acceptSymbol(","));
        }
        Integer limit = in.acceptKeyword("LIMIT") ? in.integer() : null;
        in.end();
        return new SoslQuery(text, term, group, List.copyOf(returning), limit);
    }

    private SearchGroup group(SoqlLexer.Token name) {
        if (name.kind() == SoqlLexer.Kind.WORD) {
            for (SearchGroup g : SearchGroup.values()) {
                if (g.name().equals(name.text().toUpperCase(Locale.ROOT))) {
                    return g;
                }
            }
        }
        throw in.unexpected(name);
    }

    private SoqlQuery object() {
        SoqlQuery.Name object = clauses.name();
        List<SoqlQuery.Name> fields = List.of(new SoqlQuery.Name("Id", object.position()));
        SoqlCondition where = null;
        List<SoqlQuery.OrderKey> orderBy = List.of();
        Integer limit = null;
        Integer offset = null;
        if (in.acceptSymbol("(")) {
            fields = clauses.fieldList();
            where = in.acceptKeyword("WHERE") ? clauses.condition() : null;
            orderBy = in.acceptKeyword("ORDER") ? clauses.orderBy() : List.of();
            limit = in.acceptKeyword("LIMIT") ? in.integer() : null;
            offset = in.acceptKeyword("OFFSET") ? in.integer() : null;
            in.symbol(")");
        }
        return new SoqlQuery(text, fields, false, object, where, orderBy, limit, offset);
    }

    private int skipSpace(int from) {
        int i = from;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The index of the brace that ends the term begun at {@code from}, past escaped characters; -1 if none. */
    private int closingBrace(int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '}') {
                return i;
            }
        }
        return -1;
    }
}
