package io.salesforcetarget.simulator;

/**
 * A literal in a condition. {@code text} is a string's value, a number or date as written, or for a date
 * literal its name ({@code TODAY}, {@code LAST_N_DAYS}) with {@code n} its number (0 when it has none);
 * {@code raw} is a string as written between the quotes.
 */
record SoqlValue(Kind kind, String text, String raw, int n, int position) {

    enum Kind { STRING, NUMBER, BOOLEAN, NULL, DATE, DATETIME, DATE_LITERAL }

    boolean isNull() {
        return kind == Kind.NULL;
    }
}
