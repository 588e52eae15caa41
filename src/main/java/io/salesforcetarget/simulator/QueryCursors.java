package io.salesforcetarget.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Server-side cursors of queries whose answer is more than one batch. A query's rows are kept as they were when
 * it ran (a snapshot, as a Salesforce cursor is); its {@code nextRecordsUrl} names a locator
 * {@code 01g...-2000}: the cursor's ID and the position of the next batch. A cursor lasts until 15 minutes after
 * its last use; at most {@link #MAX_OPEN} are open, the least recently used is closed first. An unknown, expired
 * or out-of-range locator is 400 INVALID_QUERY_LOCATOR.
 */
final class QueryCursors {

    static final int MAX_OPEN = 100;
    static final Duration IDLE_TIMEOUT = Duration.ofMinutes(15);

    /** One page: the rows, the locator of the next page (null when this is the last), all rows of the query. */
    record Page(List<ObjectNode> rows, String nextLocator, int total) {
    }

    private static final class Cursor {
        final List<ObjectNode> rows;
        final int batchSize;
        Instant lastUsed;

        Cursor(List<ObjectNode> rows, int batchSize, Instant lastUsed) {
            this.rows = rows;
            this.batchSize = batchSize;
            this.lastUsed = lastUsed;
        }
    }

    private final Clock clock;
    private final Map<String, Cursor> open = new LinkedHashMap<>(16, 0.75f, true);
    private long counter;

    QueryCursors(Clock clock) {
        this.clock = clock;
    }

    /** The first page of {@code rows}; a cursor is opened only when more pages follow. */
    synchronized Page first(List<ObjectNode> rows, int batchSize) {
        if (rows.size() <= batchSize) {
            return new Page(rows, null, rows.size());
        }
        expire();
        String id = SalesforceIds.generate("01g", ++counter);
        open.put(id, new Cursor(List.copyOf(rows), batchSize, clock.instant()));
        while (open.size() > MAX_OPEN) {
            Iterator<String> eldest = open.keySet().iterator();
            eldest.next();
            eldest.remove();
        }
        return new Page(rows.subList(0, batchSize), id + "-" + batchSize, rows.size());
    }

    /** The page a locator names. */
    synchronized Page next(String locator) {
        expire();
        int dash = locator.lastIndexOf('-');
        Cursor cursor = dash < 0 ? null : open.get(locator.substring(0, dash));
        int from = cursor == null ? -1 : position(locator.substring(dash + 1));
        if (cursor == null || from <= 0 || from >= cursor.rows.size()) {
            throw new ApiError(400, "INVALID_QUERY_LOCATOR", "invalid query locator");
        }
        cursor.lastUsed = clock.instant();
        int to = Math.min(cursor.rows.size(), from + cursor.batchSize);
        String next = to < cursor.rows.size() ? locator.substring(0, dash) + "-" + to : null;
        return new Page(cursor.rows.subList(from, to), next, cursor.rows.size());
    }

    synchronized void clear() {
        open.clear();
    }

    synchronized int openCount() {
        expire();
        return open.size();
    }

    private void expire() {
        Instant oldest = clock.instant().minus(IDLE_TIMEOUT);
        open.values().removeIf(c -> c.lastUsed.isBefore(oldest));
    }

    private static int position(String text) {
        if (text.isEmpty() || text.length() > 9 || !text.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        return Integer.parseInt(text);
    }
}
