package io.salesforcetarget.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits SOQL (and the part of SOSL after the search term) into tokens: names (dotted paths such as
 * {@code Account.Name} are one token), quoted strings, numbers, date and datetime literals
 * ({@code 2026-01-31}, {@code 2026-01-31T10:00:00Z}) and symbols. A string keeps its raw text too, since
 * LIKE reads {@code \%} and {@code \_} differently from {@code %} and {@code _}.
 */
final class SoqlLexer {

    enum Kind { WORD, STRING, NUMBER, DATE, DATETIME, SYMBOL, END }

    /** One token; {@code text} is a string's decoded value, {@code raw} what stood between the quotes. */
    record Token(Kind kind, String text, String raw, int position) {
        boolean is(String keyword) {
            return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
        }

        boolean isSymbol(String symbol) {
            return kind == Kind.SYMBOL && text.equals(symbol);
        }

        /** As the error messages show it. */
        String shown() {
            return kind == Kind.END ? "<EOF>" : kind == Kind.STRING ? "'" + raw + "'" : text;
        }
    }

    private static final Pattern DATE_TIME = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,3})?(Z|[+-]\\d{2}:?\\d{2}))?");

    private SoqlLexer() {
    }

    /** Tokens of {@code text} from {@code start} on, ending with an END token; errors carry {@code errorCode}. */
    static List<Token> tokens(String text, int start, String errorCode) {
        List<Token> out = new ArrayList<>();
        int i = start;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (Character.isLetter(c) || c == '_') {
                int begin = i;
                while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_'
                        || text.charAt(i) == '.')) {
                    i++;
                }
                String word = text.substring(begin, i);
                out.add(new Token(Kind.WORD, word, word, begin));
            } else if (Character.isDigit(c) || (c == '-' && i + 1 < text.length()
                    && Character.isDigit(text.charAt(i + 1)))) {
                i = number(text, i, out);
            } else if (c == '\'') {
                i = string(text, i, out, errorCode);
            } else if (i + 1 < text.length() && isTwoCharSymbol(text.substring(i, i + 2))) {
                out.add(new Token(Kind.SYMBOL, text.substring(i, i + 2), text.substring(i, i + 2), i));
                i += 2;
            } else if (",()=<>:".indexOf(c) >= 0) {
                out.add(new Token(Kind.SYMBOL, String.valueOf(c), String.valueOf(c), i));
                i++;
            } else {
                throw QueryErrors.at(text, errorCode, i, "unexpected token: " + c);
            }
        }
        out.add(new Token(Kind.END, "", "", text.length()));
        return out;
    }

    private static boolean isTwoCharSymbol(String s) {
        return s.equals("!=") || s.equals("<>") || s.equals("<=") || s.equals(">=");
    }

    private static int number(String text, int begin, List<Token> out) {
        Matcher date = DATE_TIME.matcher(text).region(begin, text.length());
        if (text.charAt(begin) != '-' && date.lookingAt()) {
            Kind kind = date.group(1) == null ? Kind.DATE : Kind.DATETIME;
            out.add(new Token(kind, date.group(), date.group(), begin));
            return date.end();
        }
        int i = begin + 1;
        while (i < text.length() && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '.')) {
            i++;
        }
        String n = text.substring(begin, i);
        out.add(new Token(Kind.NUMBER, n, n, begin));
        return i;
    }

    private static int string(String text, int begin, List<Token> out, String errorCode) {
        int i = begin + 1;
        StringBuilder value = new StringBuilder();
        while (i < text.length()) {
            char d = text.charAt(i++);
            if (d == '\\' && i < text.length()) {
                char e = text.charAt(i++);
                value.append(switch (e) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    default -> e;
                });
            } else if (d == '\'') {
                out.add(new Token(Kind.STRING, value.toString(), text.substring(begin + 1, i - 1), begin));
                return i;
            } else {
                value.append(d);
            }
        }
        throw QueryErrors.at(text, errorCode, begin, "unexpected token: '" + text.substring(begin + 1) + "'");
    }
}
