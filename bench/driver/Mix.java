package bench.driver;

import java.util.Arrays;

/**
 * The operations a client cycles through, one per event. Each client starts at its own place in the cycle, so that
 * at any moment the connections carry the operations in the mix's proportions.
 */
enum Mix {
    /** One create, one retrieve (a {@code fields} query) and one update of an Account per three events. */
    DEFAULT(Operation.CREATE, Operation.RETRIEVE, Operation.UPDATE),
    /**
     * Create and update bursts: {@code POST sobjects/Account} and {@code PATCH sobjects/Account/{id}} of an id created
     * before, alternately (what coalescing into sObject Collections is for).
     */
    WRITES(Operation.CREATE, Operation.UPDATE);

    enum Operation { CREATE, RETRIEVE, UPDATE }

    private final Operation[] cycle;

    Mix(Operation... cycle) {
        this.cycle = cycle;
    }

    /** The operation of a client's {@code step}-th event. */
    Operation operation(int client, long step) {
        return cycle[(int) ((client + step) % cycle.length)];
    }

    static Mix named(String name) {
        return Arrays.stream(values()).filter(m -> m.name().equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("--mix default|writes, not " + name));
    }
}
