package io.salesforcetarget.salesforce;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/**
 * Group commit of writes into sObject Collections calls, with no added delay when Salesforce keeps up:
 * <ul>
 * <li>a write that finds a free call slot goes alone, at once, as if there were no coalescing;</li>
 * <li>writes of one group ({@link CollectionWrite#groupKey()}) that find every slot busy wait together: the first
 * of them (the leader) waits for a slot, then takes up to {@code maxRecords} of the waiting writes, at most one
 * per record, into one collection call, and hands every one of them its own answer;</li>
 * <li>writes left waiting (beyond {@code maxRecords}, or a second write to a record already in the call) get a new
 * leader among them at once.</li>
 * </ul>
 * The caller's thread does the waiting and, for a leader, the call: nothing runs on threads of its own.
 */
public final class WriteCoalescer {

    /** What a write is to do once it leaves the coalescer. */
    public sealed interface Outcome permits GoAlone, Answered {
    }

    /**
     * Send the write on its own, as its own call; {@code slotTaken}: a call slot is already held for it (the
     * call must use it, and free it).
     */
    public record GoAlone(boolean slotTaken) implements Outcome {
    }

    /** The write's answer, from a collection call of {@code records} records. */
    public record Answered(CollectionCall.SingleAnswer answer, int records) implements Outcome {
    }

    /**
     * Makes one collection call for writes of one group, with a call slot held for it, and gives their outcomes in
     * order; throws when the call failed for all of them.
     */
    @FunctionalInterface
    public interface CollectionSender {
        List<Outcome> send(List<CollectionWrite> writes);
    }

    /** A waiting write: its outcome, or the word that it is to lead (after which it waits anew). */
    private static final class Waiting {
        final CollectionWrite write;
        volatile CompletableFuture<Object> next = new CompletableFuture<>();

        Waiting(CollectionWrite write) {
            this.write = write;
        }
    }

    private static final Object LEAD = new Object();

    private final CallSlots slots;
    private final int maxRecords;
    private final Object lock = new Object();
    /** The writes waiting, by group; a group is present while it has a leader. */
    private final Map<String, ArrayDeque<Waiting>> waiting = new HashMap<>();

    public WriteCoalescer(CallSlots slots, int maxRecords) {
        if (maxRecords < 1 || maxRecords > CollectionCall.MAX_RECORDS) {
            throw new IllegalArgumentException("maxRecords must be 1-" + CollectionCall.MAX_RECORDS);
        }
        this.slots = slots;
        this.maxRecords = maxRecords;
    }

    /** Where {@code write} goes: alone, or into a collection call that {@code sender} makes. */
    public Outcome submit(CollectionWrite write, CollectionSender sender) {
        Waiting me;
        boolean leads;
        synchronized (lock) {
            ArrayDeque<Waiting> group = waiting.get(write.groupKey());
            if (group == null && slots.tryTake()) {
                return new GoAlone(true);
            }
            me = new Waiting(write);
            leads = group == null;
            if (leads) {
                group = new ArrayDeque<>();
                waiting.put(write.groupKey(), group);
            }
            group.add(me);
        }
        if (leads) {
            lead(write.groupKey(), sender);
        }
        return await(me, sender);
    }

    /** Writes waiting now, for metrics and tests. */
    public int waitingWrites() {
        synchronized (lock) {
            return waiting.values().stream().mapToInt(ArrayDeque::size).sum();
        }
    }

    private Outcome await(Waiting me, CollectionSender sender) {
        while (true) {
            Object next = join(me.next);
            if (next != LEAD) {
                return (Outcome) next;
            }
            me.next = new CompletableFuture<>(); // only this leader settles it, after it took the group's writes
            lead(me.write.groupKey(), sender);
        }
    }

    /** Waits for a slot, takes the waiting writes of the group that fit in one call, and settles every one. */
    private void lead(String groupKey, CollectionSender sender) {
        RuntimeException noSlot = null;
        try {
            slots.take();
        } catch (RuntimeException e) {
            noSlot = e;
        }
        List<Waiting> batch = takeBatch(groupKey);
        if (noSlot != null) {
            for (Waiting member : batch) {
                member.next.completeExceptionally(noSlot);
            }
            return;
        }
        if (batch.size() == 1) {
            batch.get(0).next.complete(new GoAlone(true)); // a collection of one saves nothing
            return;
        }
        try {
            List<CollectionWrite> writes = new ArrayList<>(batch.size());
            batch.forEach(member -> writes.add(member.write));
            List<Outcome> outcomes = sender.send(writes);
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).next.complete(outcomes.get(i));
            }
        } catch (RuntimeException | Error e) {
            batch.forEach(member -> member.next.completeExceptionally(e)); // no write is left waiting
        }
    }

    /** Up to {@code maxRecords} of the group's waiting writes, one per record; the rest get a new leader. */
    private List<Waiting> takeBatch(String groupKey) {
        synchronized (lock) {
            ArrayDeque<Waiting> group = waiting.get(groupKey);
            List<Waiting> batch = new ArrayList<>(Math.min(group.size(), maxRecords));
            Set<String> records = new HashSet<>();
            for (Iterator<Waiting> it = group.iterator(); it.hasNext() && batch.size() < maxRecords;) {
                Waiting member = it.next();
                if (member.write.key() == null || records.add(member.write.key())) {
                    batch.add(member);
                    it.remove();
                }
            }
            if (group.isEmpty()) {
                waiting.remove(groupKey);
            } else {
                group.peek().next.complete(LEAD);
            }
            return batch;
        }
    }

    private static Object join(CompletableFuture<Object> next) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return next.get();
                } catch (InterruptedException e) {
                    interrupted = true; // a waiting write must still get its outcome: the leader settles it
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException failure) {
                        throw failure;
                    }
                    throw (Error) e.getCause();
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
