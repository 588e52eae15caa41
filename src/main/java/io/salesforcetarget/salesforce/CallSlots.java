package io.salesforcetarget.salesforce;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.camel.Exchange;
import io.salesforcetarget.failure.RetryLaterException;

/**
 * The bound on Salesforce calls at once ({@code SALESFORCE_MAX_CONCURRENT_CALLS}): one slot per call in flight.
 * Slots are handed out in order of asking, so a call that waits is not overtaken by later ones; a call that finds
 * no slot within the pool wait fails, and its event is delivered again later.
 */
public final class CallSlots {

    /**
     * Exchange property: a {@link Taken} slot, taken ahead of the call, that the call's first attempt uses instead of
     * taking one; a retry takes a slot of its own.
     */
    public static final String TAKEN = "SalesforceTargetCallSlotTaken";

    /** A slot taken ahead of the call, used once. */
    public static final class Taken {
        private final AtomicBoolean unused = new AtomicBoolean(true);

        /** True the first time only. */
        boolean use() {
            return unused.compareAndSet(true, false);
        }
    }

    private final Semaphore slots;
    private final Duration wait;

    public CallSlots(int calls, Duration wait) {
        this.slots = new Semaphore(calls, true);
        this.wait = wait;
    }

    /** Takes a slot if one is free and nobody is waiting for one. */
    public boolean tryTake() {
        try {
            return slots.tryAcquire(0, TimeUnit.NANOSECONDS); // unlike tryAcquire(), it lets waiting calls go first
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Takes a slot, waiting at most the pool wait for one. */
    public void take() {
        try {
            if (!slots.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new NoCallSlotException(wait);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NoCallSlotException(wait);
        }
    }

    public void free() {
        slots.release();
    }

    /**
     * After a call with a slot taken ahead of it: frees that slot if no attempt used it (the call failed before its
     * first HTTP attempt, in the login for instance), so that no slot is ever lost.
     */
    public void freeUnused(Taken taken) {
        if (taken.use()) {
            free();
        }
    }

    /** Before an HTTP attempt: uses the exchange's taken slot, or takes one. */
    public void takeFor(Exchange exchange) {
        Taken taken = exchange.getProperty(TAKEN, Taken.class);
        if (taken == null || !taken.use()) {
            take();
        }
    }

    /** Slots free now, for metrics and tests. */
    public int available() {
        return slots.availablePermits();
    }

    /** No call slot freed up within the pool wait: Salesforce is slower than the events come. */
    public static final class NoCallSlotException extends RetryLaterException {
        NoCallSlotException(Duration wait) {
            super("no Salesforce call slot (SALESFORCE_MAX_CONCURRENT_CALLS) freed up within " + wait.toMillis()
                    + " ms", "no-call-slot");
        }
    }
}
