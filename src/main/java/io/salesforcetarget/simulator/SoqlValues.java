package io.salesforcetarget.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How a stored value compares with a SOQL literal. Values are stored as sent, so the literal decides: text
 * compares ignoring case, numbers as numbers, booleans as booleans, and dates as instants: a date, datetime or
 * date literal ({@code TODAY}, {@code LAST_N_DAYS:n}) is a range [start, end), "=" means inside it, "&lt;" before
 * it, "&gt;" after it. The org's time zone is UTC. IDs compare in their 18-character form. A value that cannot be
 * compared with the literal (text against a number) matches only "!=".
 */
final class SoqlValues {

    private static final DateTimeFormatter DATETIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss[.SSS][.SS][.S][XXX][XX]", Locale.ROOT);

    private SoqlValues() {
    }

    /** {@code value op literal}; {@code ids}: the field holds record IDs. */
    static boolean test(String op, JsonNode value, SoqlValue literal, boolean ids, Clock clock) {
        boolean isNull = value == null || value.isNull();
        if (literal.isNull() || isNull) {
            boolean bothNull = literal.isNull() && isNull;
            return op.equals("=") ? bothNull : op.equals("!=") && !bothNull;
        }
        Integer cmp = compare(value, literal, ids, clock);
        if (cmp == null) {
            return op.equals("!=");
        }
        return switch (op) {
            case "=" -> cmp == 0;
            case "!=" -> cmp != 0;
            case "<" -> cmp < 0;
            case ">" -> cmp > 0;
            case "<=" -> cmp <= 0;
            case ">=" -> cmp >= 0;
            default -> throw new IllegalArgumentException(op);
        };
    }

    /** The sign of value minus literal, or null when they cannot be compared. */
    private static Integer compare(JsonNode value, SoqlValue literal, boolean ids, Clock clock) {
        switch (literal.kind()) {
            case NUMBER -> {
                BigDecimal n = number(value);
                return n == null ? null : Integer.signum(n.compareTo(new BigDecimal(literal.text())));
            }
            case BOOLEAN -> {
                String text = value.asText().toLowerCase(Locale.ROOT);
                if (!text.equals("true") && !text.equals("false")) {
                    return null;
                }
                return Boolean.compare(Boolean.parseBoolean(text), Boolean.parseBoolean(literal.text()));
            }
            case DATE, DATETIME, DATE_LITERAL -> {
                Instant at = instant(value.asText());
                if (at == null) {
                    return null;
                }
                Instant[] range = range(literal, clock);
                return at.isBefore(range[0]) ? -1 : at.isBefore(range[1]) ? 0 : 1;
            }
            default -> {
                if (!value.isValueNode()) {
                    return null;
                }
                String text = value.asText();
                String lit = literal.text();
                if (ids && SalesforceIds.isValid(text) && SalesforceIds.isValid(lit)) {
                    return Integer.signum(SalesforceIds.to18(text).compareTo(SalesforceIds.to18(lit)));
                }
                return Integer.signum(text.toLowerCase(Locale.ROOT).compareTo(lit.toLowerCase(Locale.ROOT)));
            }
        }
    }

    /** Ordering of two non-null values: numbers as numbers, booleans false first, anything else as text, any case. */
    static int order(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        if (a.isBoolean() && b.isBoolean()) {
            return Boolean.compare(a.booleanValue(), b.booleanValue());
        }
        return a.asText().toLowerCase(Locale.ROOT).compareTo(b.asText().toLowerCase(Locale.ROOT));
    }

    /** LIKE: % any run, _ one character, \% and \_ themselves; case-insensitive, as SOQL matches. */
    static Pattern likePattern(String raw) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 1 < raw.length()) {
                literal.append(raw.charAt(++i));
            } else if (c == '%' || c == '_') {
                regex.append(Pattern.quote(literal.toString())).append(c == '%' ? ".*" : ".");
                literal.setLength(0);
            } else {
                literal.append(c);
            }
        }
        regex.append(Pattern.quote(literal.toString()));
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
    }

    private static BigDecimal number(JsonNode value) {
        if (value.isNumber()) {
            return value.decimalValue();
        }
        try {
            return value.isTextual() ? new BigDecimal(value.asText().trim()) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A stored date ("2026-01-31", its start in UTC) or datetime; null when the text is neither. */
    static Instant instant(String text) {
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(text, DATETIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** [start, end) of a date, datetime or date literal, today being the clock's day in UTC. */
    static Instant[] range(SoqlValue literal, Clock clock) {
        if (literal.kind() == SoqlValue.Kind.DATETIME) {
            Instant at = instant(literal.text());
            return new Instant[] {at, at.plusMillis(1)};
        }
        if (literal.kind() == SoqlValue.Kind.DATE) {
            Instant day = instant(literal.text());
            return new Instant[] {day, day.plus(1, ChronoUnit.DAYS)};
        }
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate from;
        LocalDate to;
        switch (literal.text()) {
            case "TODAY" -> {
                from = today;
                to = today.plusDays(1);
            }
            case "YESTERDAY" -> {
                from = today.minusDays(1);
                to = today;
            }
            case "TOMORROW" -> {
                from = today.plusDays(1);
                to = today.plusDays(2);
            }
            case "LAST_N_DAYS" -> {
                from = today.minusDays(literal.n());
                to = today.plusDays(1);
            }
            case "NEXT_N_DAYS" -> {
                from = today.plusDays(1);
                to = today.plusDays(1L + literal.n());
            }
            default -> throw new IllegalArgumentException(literal.text());
        }
        return new Instant[] {from.atStartOfDay(ZoneOffset.UTC).toInstant(), to.atStartOfDay(ZoneOffset.UTC).toInstant()};
    }
}
