package io.salesforcetarget.simulator;

import java.util.ArrayList;
import java.util.List;

/**
 * A recursive-descent parser for the search term of a SOSL {@code FIND {...}}. Operators are case-insensitive;
 * {@code "and"} and {@code "or"} in quotes are words. A backslash makes the next character literal (so {@code \*} is
 * no wildcard, {@code \}} no end of the term).
 * <pre>
 * term    = orTerm EOF
 * orTerm  = andTerm { "OR" andTerm }
 * andTerm = unary { [ "AND" [ "NOT" ] ] unary }     (side by side means AND; "AND NOT" excludes)
 * unary   = "(" orTerm ")" | phrase | word
 * phrase  = '"' { character } '"'
 * word    = character { character }                  (no space, quote or parenthesis; * and ? are wildcards)
 * </pre>
 * Words and phrases split into tokens at anything but letters, digits and wildcards, as the search index splits
 * the text it holds. A term with fewer than two letters or digits is 400 INVALID_SEARCH "search term must be
 * longer than one character", what it cannot parse 400 MALFORMED_SEARCH pointing at the place.
 */
final class SearchTermParser {

    private enum Kind { WORD, PHRASE, OPEN, CLOSE, END }

    private record Item(Kind kind, String text, String raw, int position) {
        boolean isOperator(String name) {
            return kind == Kind.WORD && raw.equalsIgnoreCase(name);
        }
    }

    private final String text;
    private final List<Item> items = new ArrayList<>();
    private int next;
    private int significant;

    private SearchTermParser(String text, int from, int to) {
        this.text = text;
        scan(from, to);
    }

    /** The term between {@code from} (after the opening brace) and {@code to} (the closing brace) of {@code text}. */
    static SearchTerm parse(String text, int from, int to) {
        SearchTermParser parser = new SearchTermParser(text, from, to);
        SearchTerm term = parser.orTerm();
        if (parser.peek().kind() != Kind.END) {
            throw parser.unexpected(parser.peek());
        }
        if (parser.significant < 2) {
            throw new ApiError(400, "INVALID_SEARCH", "search term must be longer than one character: "
                    + text.substring(from, to));
        }
        return term;
    }

    private SearchTerm orTerm() {
        List<SearchTerm> parts = new ArrayList<>(List.of(andTerm()));
        while (peek().isOperator("OR")) {
            next++;
            parts.add(andTerm());
        }
        return parts.size() == 1 ? parts.get(0) : new SearchTerm.Any(List.copyOf(parts));
    }

    private SearchTerm andTerm() {
        SearchTerm result = unary();
        while (true) {
            Item item = peek();
            if (item.isOperator("AND")) {
                next++;
                if (peek().isOperator("NOT")) {
                    next++;
                    result = new SearchTerm.Without(result, unary());
                } else {
                    result = new SearchTerm.All(List.of(result, unary()));
                }
            } else if (item.kind() == Kind.END || item.kind() == Kind.CLOSE || item.isOperator("OR")) {
                return result;
            } else {
                result = new SearchTerm.All(List.of(result, unary()));
            }
        }
    }

    private SearchTerm unary() {
        Item item = take();
        if (item.kind() == Kind.OPEN) {
            SearchTerm inner = orTerm();
            Item close = take();
            if (close.kind() != Kind.CLOSE) {
                throw unexpected(close);
            }
            return inner;
        }
        boolean operator = item.isOperator("AND") || item.isOperator("OR") || item.isOperator("NOT");
        if (item.kind() == Kind.PHRASE || item.kind() == Kind.WORD && !operator) {
            List<String> tokens = SearchMatcher.tokens(item.text(), true);
            tokens.forEach(t -> significant += (int) t.chars().filter(Character::isLetterOrDigit).count());
            return new SearchTerm.Words(tokens, item.raw());
        }
        throw unexpected(item);
    }

    private void scan(int from, int to) {
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')') {
                items.add(new Item(c == '(' ? Kind.OPEN : Kind.CLOSE, String.valueOf(c), String.valueOf(c), i));
                i++;
            } else if (c == '"') {
                i = phrase(i, to);
            } else {
                i = word(i, to);
            }
        }
        items.add(new Item(Kind.END, "", "", to));
    }

    private int phrase(int begin, int to) {
        StringBuilder value = new StringBuilder();
        int i = begin + 1;
        while (i < to && text.charAt(i) != '"') {
            i = append(value, i);
        }
        if (i >= to) {
            throw QueryErrors.at(text, SoslParser.MALFORMED, begin, "unterminated phrase: " + text.substring(begin, to));
        }
        items.add(new Item(Kind.PHRASE, value.toString(), text.substring(begin, i + 1), begin));
        return i + 1;
    }

    private int word(int begin, int to) {
        StringBuilder value = new StringBuilder();
        int i = begin;
        while (i < to && !Character.isWhitespace(text.charAt(i)) && "()\"".indexOf(text.charAt(i)) < 0) {
            i = append(value, i);
        }
        items.add(new Item(Kind.WORD, value.toString(), text.substring(begin, i), begin));
        return i;
    }

    /** One character of a word or phrase at {@code i} (an escaped one literally, a wildcard as its marker). */
    private int append(StringBuilder value, int i) {
        char c = text.charAt(i);
        if (c == '\\' && i + 1 < text.length()) {
            value.append(text.charAt(i + 1));
            return i + 2;
        }
        value.append(c == '*' ? SearchTerm.ANY_RUN : c == '?' ? SearchTerm.ANY_ONE : c);
        return i + 1;
    }

    private Item peek() {
        return items.get(next);
    }

    private Item take() {
        Item item = items.get(next);
        if (item.kind() != Kind.END) {
            next++;
        }
        return item;
    }

    private ApiError unexpected(Item item) {
        return QueryErrors.at(text, SoslParser.MALFORMED, item.position(),
                "unexpected token: " + (item.kind() == Kind.END ? "}" : item.raw()));
    }
}
