package bench.driver;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/** The last created record IDs: retrieve and update pick from them (the simulator forgets the oldest). */
final class Ids {
    static final int SIZE = 1024;
    private final AtomicReferenceArray<String> ring = new AtomicReferenceArray<>(SIZE);
    private final AtomicLong written = new AtomicLong();

    void add(String id) {
        ring.set((int) (written.getAndIncrement() % SIZE), id);
    }

    /** One of the created IDs, spread over the ring by {@code n}; null before the first create. */
    String pick(long n) {
        long have = Math.min(written.get(), SIZE);
        if (have == 0) {
            return null;
        }
        return ring.get((int) Math.floorMod(n * 7919L, have));
    }
}
