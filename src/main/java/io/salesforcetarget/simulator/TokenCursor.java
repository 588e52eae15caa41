package io.salesforcetarget.simulator;

import io.salesforcetarget.simulator.SoqlLexer.Kind;
import io.salesforcetarget.simulator.SoqlLexer.Token;
import java.util.List;
import java.util.Set;

/** A position in a token list, with the peek/accept/expect steps a recursive-descent parser takes. */
final class TokenCursor {

    /** Words that cannot name a field or an object. */
    private static final Set<String> RESERVED = Set.of("SELECT", "FROM", "WHERE", "AND", "OR", "NOT", "IN", "LIKE",
            "ORDER", "BY", "LIMIT", "OFFSET", "ASC", "DESC", "NULLS", "GROUP", "HAVING", "NULL", "TRUE", "FALSE",
            "INCLUDES", "EXCLUDES", "USING", "WITH", "FOR", "FIND", "RETURNING");

    private final String text;
    private final String errorCode;
    private final List<Token> tokens;
    private int next;

    TokenCursor(String text, String errorCode, List<Token> tokens) {
        this.text = text;
        this.errorCode = errorCode;
        this.tokens = tokens;
    }

    Token peek() {
        return tokens.get(next);
    }

    Token peekAfter() {
        return tokens.get(Math.min(next + 1, tokens.size() - 1));
    }

    Token take() {
        Token t = tokens.get(next);
        if (t.kind() != Kind.END) {
            next++;
        }
        return t;
    }

    boolean atEnd() {
        return peek().kind() == Kind.END;
    }

    boolean acceptKeyword(String keyword) {
        if (peek().is(keyword)) {
            next++;
            return true;
        }
        return false;
    }

    void keyword(String keyword) {
        Token t = take();
        if (!t.is(keyword)) {
            throw unexpected(t);
        }
    }

    boolean acceptSymbol(String symbol) {
        if (peek().isSymbol(symbol)) {
            next++;
            return true;
        }
        return false;
    }

    void symbol(String symbol) {
        Token t = take();
        if (!t.isSymbol(symbol)) {
            throw unexpected(t);
        }
    }

    /** A field, path or object name: a word that is not reserved. */
    Token name() {
        Token t = take();
        if (t.kind() != Kind.WORD || RESERVED.contains(t.text().toUpperCase(java.util.Locale.ROOT))) {
            throw unexpected(t);
        }
        return t;
    }

    /** A non-negative whole number. */
    int integer() {
        Token t = take();
        if (t.kind() != Kind.NUMBER || !t.text().chars().allMatch(Character::isDigit) || t.text().length() > 9) {
            throw unexpected(t);
        }
        return Integer.parseInt(t.text());
    }

    void end() {
        if (!atEnd()) {
            throw unexpected(peek());
        }
    }

    ApiError unexpected(Token t) {
        return error(t.position(), "unexpected token: " + t.shown());
    }

    ApiError error(int position, String reason) {
        return QueryErrors.at(text, errorCode, position, reason);
    }
}
