package io.salesforcetarget.replay;

import java.time.Duration;
import java.util.function.LongSupplier;

import org.apache.camel.spi.IdempotentRepository;

/**
 * The claims and answers of one process ({@code EVENTS_STORE=memory}): keys in a Camel {@link IdempotentRepository}
 * (the in-memory one by default, or one bound by hand), answers in a bounded {@link ReplyStore} (answers, bytes and
 * TTL). An answer that leaves the store releases its key with it, or the event could never be delivered again.
 * Claims never expire: the process that holds them is the one that would finish them.
 */
public final class MemoryEventStore implements EventStore {

    private final IdempotentRepository claims;
    private final ReplyStore replies;

    public MemoryEventStore(IdempotentRepository claims, int maxAnswers, int maxBytes, Duration ttl) {
        this(claims, maxAnswers, maxBytes, ttl, System::nanoTime);
    }

    MemoryEventStore(IdempotentRepository claims, int maxAnswers, int maxBytes, Duration ttl,
            LongSupplier nanoClock) {
        this.claims = claims;
        this.replies = new ReplyStore(maxAnswers, maxBytes, ttl.toNanos(), nanoClock, claims::remove);
    }

    @Override
    public Claim claim(String key) {
        byte[] stored = replies.get(key);
        if (stored == null && claims.add(key)) {
            return new Claimed(key, key);
        }
        stored = stored != null ? stored : replies.get(key); // it may have been answered meanwhile
        return stored == null ? new InFlight() : new Answered(StoredReply.decode(stored));
    }

    @Override
    public boolean answer(Claimed claim, byte[] encodedReply) {
        if (replies.put(claim.key(), encodedReply)) {
            claims.confirm(claim.key());
            return true;
        }
        claims.remove(claim.key());
        return false;
    }

    @Override
    public void release(Claimed claim) {
        claims.remove(claim.key());
    }

    int storedReplies() {
        return replies.size();
    }
}
