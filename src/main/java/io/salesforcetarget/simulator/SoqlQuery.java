package io.salesforcetarget.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A tiny SOQL subset: {@code SELECT f1, f2 | COUNT() FROM Object [WHERE f = 'v' [AND g != 3]...] [LIMIT n]}.
 * Keywords are case-insensitive. Errors read like Salesforce's: the query, a caret, "ERROR at Row:r:Column:c",
 * then the reason.
 */
final class SoqlQuery {

    /** A name as written, with where it was, so later checks (unknown field/type) can point at it. */
    record Name(String text, int position) {
    }

    /** {@code field = literal} or {@code field != literal}; literal null means SOQL null. */
    record Condition(Name field, boolean equal, String literal) {
    }

    private final String text;
    private final List<Name> fields;
    private final boolean count;
    private final Name object;
    private final List<Condition> conditions;
    private final Integer limit;

    private SoqlQuery(String text, List<Name> fields, boolean count, Name object, List<Condition> conditions,
                      Integer limit) {
        this.text = text;
        this.fields = fields;
        this.count = count;
        this.object = object;
        this.conditions = conditions;
        this.limit = limit;
    }

    List<Name> fields() {
        return fields;
    }

    boolean isCount() {
        return count;
    }

    Name object() {
        return object;
    }

    List<Condition> conditions() {
        return conditions;
    }

    Integer limit() {
        return limit;
    }

    /** An error pointing at a position of this query. */
    ApiError error(String errorCode, int position, String reason) {
        return error(text, errorCode, position, reason);
    }

    static SoqlQuery parse(String soql) {
        if (soql == null || soql.isBlank()) {
            throw new ApiError(400, "MALFORMED_QUERY", "A query string has to be specified");
        }
        return new Parser(soql).query();
    }

    private static ApiError error(String text, String errorCode, int position, String reason) {
        int row = 1;
        int lineStart = 0;
        for (int i = 0; i < position && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                row++;
                lineStart = i + 1;
            }
        }
        int column = position - lineStart + 1;
        int lineEnd = text.indexOf('\n', lineStart);
        String line = text.substring(lineStart, lineEnd < 0 ? text.length() : lineEnd);
        String message = "\n" + line + "\n" + " ".repeat(column - 1) + "^\nERROR at Row:" + row + ":Column:"
                + column + "\n" + reason;
        return new ApiError(400, errorCode, message);
    }

    private enum Kind { WORD, STRING, NUMBER, SYMBOL, END }

    private record Token(Kind kind, String text, int position) {
        boolean is(String keyword) {
            return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
        }

        boolean isSymbol(String symbol) {
            return kind == Kind.SYMBOL && text.equals(symbol);
        }
    }

    /** Recursive-descent parser over a token list. */
    private static final class Parser {
        private final String text;
        private final List<Token> tokens;
        private int next;

        Parser(String text) {
            this.text = text;
            this.tokens = tokenize(text);
        }

        SoqlQuery query() {
            keyword("SELECT");
            List<Name> fields = new ArrayList<>();
            boolean count = false;
            if (peek().is("COUNT") && tokens.get(next + 1).isSymbol("(")) {
                next++;
                symbol("(");
                symbol(")");
                count = true;
            } else {
                do {
                    fields.add(name());
                } while (acceptSymbol(","));
            }
            keyword("FROM");
            Name object = name();
            List<Condition> conditions = new ArrayList<>();
            if (peek().is("WHERE")) {
                next++;
                do {
                    conditions.add(condition());
                } while (acceptKeyword("AND"));
            }
            Integer limit = null;
            if (peek().is("LIMIT")) {
                next++;
                Token n = take();
                if (n.kind() != Kind.NUMBER || n.text().contains(".")) {
                    throw unexpected(n);
                }
                limit = Integer.valueOf(n.text());
            }
            Token end = peek();
            if (end.kind() != Kind.END) {
                throw unexpected(end);
            }
            return new SoqlQuery(text, List.copyOf(fields), count, object, List.copyOf(conditions), limit);
        }

        private Condition condition() {
            Name field = name();
            boolean equal;
            if (acceptSymbol("=")) {
                equal = true;
            } else if (acceptSymbol("!=")) {
                equal = false;
            } else {
                throw unexpected(peek());
            }
            Token value = take();
            return switch (value.kind()) {
                case STRING, NUMBER -> new Condition(field, equal, value.text());
                case WORD -> {
                    if (value.is("null")) {
                        yield new Condition(field, equal, null);
                    }
                    if (value.is("true") || value.is("false")) {
                        yield new Condition(field, equal, value.text().toLowerCase(Locale.ROOT));
                    }
                    throw unexpected(value);
                }
                default -> throw unexpected(value);
            };
        }

        private Name name() {
            Token t = take();
            if (t.kind() != Kind.WORD || isReserved(t)) {
                throw unexpected(t);
            }
            return new Name(t.text(), t.position());
        }

        private static boolean isReserved(Token t) {
            return t.is("SELECT") || t.is("FROM") || t.is("WHERE") || t.is("AND") || t.is("OR")
                    || t.is("LIMIT") || t.is("NOT");
        }

        private void keyword(String keyword) {
            Token t = take();
            if (!t.is(keyword)) {
                throw unexpected(t);
            }
        }

        private boolean acceptKeyword(String keyword) {
            if (peek().is(keyword)) {
                next++;
                return true;
            }
            return false;
        }

        private void symbol(String symbol) {
            Token t = take();
            if (!t.isSymbol(symbol)) {
                throw unexpected(t);
            }
        }

        private boolean acceptSymbol(String symbol) {
            if (peek().isSymbol(symbol)) {
                next++;
                return true;
            }
            return false;
        }

        private Token peek() {
            return tokens.get(next);
        }

        private Token take() {
            Token t = tokens.get(next);
            if (t.kind() != Kind.END) {
                next++;
            }
            return t;
        }

        private ApiError unexpected(Token t) {
            String shown = t.kind() == Kind.END ? "<EOF>" : t.kind() == Kind.STRING ? "'" + t.text() + "'" : t.text();
            return error(text, "MALFORMED_QUERY", t.position(), "unexpected token: " + shown);
        }

        private static List<Token> tokenize(String s) {
            List<Token> out = new ArrayList<>();
            int i = 0;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                } else if (Character.isLetter(c) || c == '_') {
                    int start = i;
                    while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_'
                            || s.charAt(i) == '.')) {
                        i++;
                    }
                    out.add(new Token(Kind.WORD, s.substring(start, i), start));
                } else if (Character.isDigit(c) || (c == '-' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1)))) {
                    int start = i++;
                    while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
                        i++;
                    }
                    out.add(new Token(Kind.NUMBER, s.substring(start, i), start));
                } else if (c == '\'') {
                    int start = i++;
                    StringBuilder value = new StringBuilder();
                    boolean closed = false;
                    while (i < s.length()) {
                        char d = s.charAt(i++);
                        if (d == '\\' && i < s.length()) {
                            value.append(s.charAt(i++));
                        } else if (d == '\'') {
                            closed = true;
                            break;
                        } else {
                            value.append(d);
                        }
                    }
                    if (!closed) {
                        throw error(s, "MALFORMED_QUERY", start, "unexpected token: '" + value + "'");
                    }
                    out.add(new Token(Kind.STRING, value.toString(), start));
                } else if (c == '!' && i + 1 < s.length() && s.charAt(i + 1) == '=') {
                    out.add(new Token(Kind.SYMBOL, "!=", i));
                    i += 2;
                } else if (c == ',' || c == '(' || c == ')' || c == '=') {
                    out.add(new Token(Kind.SYMBOL, String.valueOf(c), i));
                    i++;
                } else {
                    throw error(s, "MALFORMED_QUERY", i, "unexpected token: " + c);
                }
            }
            out.add(new Token(Kind.END, "", s.length()));
            return out;
        }
    }
}
