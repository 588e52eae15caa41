package io.salesforcetarget.replay;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The encoded answers of acknowledged events, for replay: the most recent ones, at most {@code maxAnswers} of them
 * and {@code maxBytes} in all, each for {@code ttl} after it was stored. An answer that leaves (pushed out or
 * expired) is handed to {@code onLeave}, outside the lock.
 * <p>
 * The bytes live in one ring allocated up front, written in order of storing, so that the eldest answers are the
 * ones at the ring's old end:
 * <ul>
 * <li>memory is bounded in bytes, whatever Salesforce answers: a count alone let a few thousand large query
 * results fill the heap;</li>
 * <li>the ring is one old object: young collections no longer copy thousands of answers (about 1 KB and a dozen
 * objects each) from survivor space to survivor space, which was most of every young pause under load.</li>
 * </ul>
 * Why not Caffeine: its admission policy (W-TinyLFU) favours old entries over new ones when every key is seen once,
 * which is exactly the replay store's traffic: filled with 200,000 unique keys, a 10,000-entry Caffeine cache kept
 * only 81 of the last 1,000, so a prompt redelivery would be processed again. Replay needs "the last N", in order
 * of storing: an insertion-ordered {@link LinkedHashMap}, whose eldest entry is also the first to expire.
 */
final class ReplyStore {

    /** Where an answer is: {@code start} is a position that only grows; its index in the ring is modulo the size. */
    private record Entry(long start, int length, long expiresAtNanos) {
    }

    private final int maxAnswers;
    private final byte[] ring;
    private final long ttlNanos;
    private final LongSupplier nanoClock;
    private final Consumer<String> onLeave;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();
    /** Position after the youngest answer. */
    private long head;
    /** Position of the eldest answer, {@code head} when there is none: {@code head - tail} bytes are taken. */
    private long tail;

    ReplyStore(int maxAnswers, int maxBytes, long ttlNanos, LongSupplier nanoClock, Consumer<String> onLeave) {
        if (maxAnswers < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("the replay store must hold at least one answer and one byte");
        }
        this.maxAnswers = maxAnswers;
        this.ring = new byte[maxBytes];
        this.ttlNanos = ttlNanos;
        this.nanoClock = nanoClock;
        this.onLeave = onLeave;
    }

    /** A copy of the stored answer, or null when there is none (or it has expired). */
    byte[] get(String key) {
        List<String> left = new ArrayList<>(0);
        byte[] found = null;
        synchronized (this) {
            expire(left);
            Entry entry = entries.get(key);
            if (entry != null) {
                found = read(entry);
            }
        }
        left.forEach(onLeave);
        return found;
    }

    /**
     * Stores the answer as the youngest, pushing out the eldest ones as needed; false, and nothing stored, when the
     * answer alone is larger than the store.
     */
    boolean put(String key, byte[] answer) {
        if (answer.length > ring.length) {
            return false;
        }
        List<String> left = new ArrayList<>(0);
        synchronized (this) {
            // A stored-again key moves to the young end; its old bytes stay taken until the eldest pass them.
            if (entries.remove(key) != null) {
                moveTail();
            }
            expire(left);
            while (entries.size() >= maxAnswers || ring.length - (head - tail) < answer.length) {
                Iterator<String> eldest = entries.keySet().iterator();
                left.add(eldest.next());
                eldest.remove();
                moveTail();
            }
            write(head, answer);
            entries.put(key, new Entry(head, answer.length, nanoClock.getAsLong() + ttlNanos));
            head += answer.length;
        }
        left.forEach(onLeave);
        return true;
    }

    synchronized int size() {
        return entries.size();
    }

    /** Bytes taken in the ring (answers, and the gaps left by keys stored again). */
    synchronized long bytes() {
        return head - tail;
    }

    /** Removes the expired answers, all at the old end since every entry lives as long. */
    private void expire(List<String> left) {
        long now = nanoClock.getAsLong();
        Iterator<Map.Entry<String, Entry>> eldest = entries.entrySet().iterator();
        boolean removed = false;
        while (eldest.hasNext()) {
            Map.Entry<String, Entry> entry = eldest.next();
            if (entry.getValue().expiresAtNanos() - now > 0) {
                break;
            }
            left.add(entry.getKey());
            eldest.remove();
            removed = true;
        }
        if (removed) {
            moveTail();
        }
    }

    private void moveTail() {
        tail = entries.isEmpty() ? head : entries.values().iterator().next().start();
    }

    private void write(long position, byte[] bytes) {
        int at = (int) (position % ring.length);
        int first = Math.min(bytes.length, ring.length - at);
        System.arraycopy(bytes, 0, ring, at, first);
        System.arraycopy(bytes, first, ring, 0, bytes.length - first);
    }

    private byte[] read(Entry entry) {
        byte[] bytes = new byte[entry.length()];
        int at = (int) (entry.start() % ring.length);
        int first = Math.min(bytes.length, ring.length - at);
        System.arraycopy(ring, at, bytes, 0, first);
        System.arraycopy(ring, 0, bytes, first, bytes.length - first);
        return bytes;
    }
}
