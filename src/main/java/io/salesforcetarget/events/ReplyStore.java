package io.salesforcetarget.events;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The answers of acknowledged events, for replay: the most recent {@code size} ones, each for {@code ttl} after it
 * was stored. An answer that leaves (pushed out or expired) is handed to {@code onLeave}, outside the lock.
 * <p>
 * Why not Caffeine: its admission policy (W-TinyLFU) favours old entries over new ones when every key is seen once,
 * which is exactly the replay store's traffic: filled with 200,000 unique keys, a 10,000-entry Caffeine cache kept
 * only 81 of the last 1,000, so a prompt redelivery would be processed again. Replay needs "the last N", in order
 * of storing: an insertion-ordered {@link LinkedHashMap}, whose eldest entry is also the first to expire.
 */
final class ReplyStore {

    private record Entry(StoredReply reply, long expiresAtNanos) {
    }

    private final int size;
    private final long ttlNanos;
    private final LongSupplier nanoClock;
    private final Consumer<String> onLeave;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();

    ReplyStore(int size, long ttlNanos, LongSupplier nanoClock, Consumer<String> onLeave) {
        if (size < 1) {
            throw new IllegalArgumentException("the replay store size must be at least 1");
        }
        this.size = size;
        this.ttlNanos = ttlNanos;
        this.nanoClock = nanoClock;
        this.onLeave = onLeave;
    }

    /** The stored answer, or null when there is none (or it has expired). */
    StoredReply get(String key) {
        List<String> left;
        StoredReply found;
        synchronized (this) {
            left = expire();
            Entry entry = entries.get(key);
            found = entry == null ? null : entry.reply();
        }
        left.forEach(onLeave);
        return found;
    }

    void put(String key, StoredReply reply) {
        List<String> left;
        synchronized (this) {
            entries.remove(key); // a stored-again key moves to the young end
            entries.put(key, new Entry(reply, nanoClock.getAsLong() + ttlNanos));
            left = expire();
            Iterator<String> eldest = entries.keySet().iterator();
            while (entries.size() > size) {
                left.add(eldest.next());
                eldest.remove();
            }
        }
        left.forEach(onLeave);
    }

    synchronized int size() {
        return entries.size();
    }

    /** Removes the expired answers, all at the old end since every entry lives as long. */
    private List<String> expire() {
        List<String> left = new ArrayList<>(0);
        long now = nanoClock.getAsLong();
        Iterator<Map.Entry<String, Entry>> eldest = entries.entrySet().iterator();
        while (eldest.hasNext()) {
            Map.Entry<String, Entry> entry = eldest.next();
            if (entry.getValue().expiresAtNanos() - now > 0) {
                break;
            }
            left.add(entry.getKey());
            eldest.remove();
        }
        return left;
    }
}
