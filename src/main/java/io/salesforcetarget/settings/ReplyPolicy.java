package io.salesforcetarget.settings;

import java.util.Locale;

/** {@code EVENTS_PAYLOAD_POLICY}: which outcomes produce a reply event. */
public enum ReplyPolicy {
    /** Success and error replies. The default, as in the original adapter. */
    ALWAYS,
    /** Only error replies; a success is acknowledged with 204. */
    ERROR,
    /** No reply events; every acknowledged event gets 204. */
    NEVER;

    public static ReplyPolicy parse(String text) {
        return text == null || text.isBlank() ? ALWAYS : valueOf(text.trim().toUpperCase(Locale.ROOT));
    }

    public boolean repliesOnSuccess() {
        return this == ALWAYS;
    }

    public boolean repliesOnError() {
        return this != NEVER;
    }
}
