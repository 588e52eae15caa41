package io.salesforcetarget.replay;

/**
 * Where the claims of events and their stored answers live: in this process ({@link MemoryEventStore}) or in a
 * database every replica shares ({@link PostgresEventStore}). Keys are the event's {@code source} and {@code id}.
 * Every method may throw {@link StoreUnavailableException}: then nothing is known, and the event must not be sent.
 */
public interface EventStore extends AutoCloseable {

    /** What a claim found. */
    sealed interface Claim permits Claimed, Answered, InFlight {
    }

    /** The event is this delivery's to process; {@code token} tells this claim from a later one of the same key. */
    record Claimed(String key, String token) implements Claim {
    }

    /** The event was acknowledged already: its answer, to replay. */
    record Answered(StoredReply reply) implements Claim {
    }

    /** Another delivery of the event holds a live claim. */
    record InFlight() implements Claim {
    }

    Claim claim(String key);

    /**
     * Keeps the answer of the claimed event until the replay window ends; false, and the claim released, when the
     * answer is larger than the store keeps.
     */
    boolean answer(Claimed claim, byte[] encodedReply);

    /** Gives the claim up: the event was not acknowledged and its next delivery must be processed. */
    void release(Claimed claim);

    /** Whether the store can be used now (readiness). */
    default boolean reachable() {
        return true;
    }

    @Override
    default void close() {
    }
}
