package io.salesforcetarget.failure;

/**
 * Text from outside (the sender's event, Salesforce's messages) made safe to write into log lines and error
 * descriptions: no control character, so CR/LF cannot forge a log line, and, for echoes, a bounded length.
 */
public final class LogText {

    private LogText() {
    }

    /** Echo user text in messages without control characters and without unbounded length. */
    public static String printable(String text) {
        return withoutControlCharacters(text.length() > 80 ? text.substring(0, 80) + "..." : text);
    }

    /** Control characters (CR, LF, NUL, ...) written as backslash-u escapes: outside text never starts a log line. */
    public static String withoutControlCharacters(String text) {
        if (text.chars().noneMatch(Character::isISOControl)) {
            return text; // the usual case, and once per event for the outcome log line: no copy
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
