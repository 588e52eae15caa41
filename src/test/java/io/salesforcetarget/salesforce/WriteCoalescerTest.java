package io.salesforcetarget.salesforce;

import static io.salesforcetarget.salesforce.CollectionWriteTest.request;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.salesforcetarget.simulator.Eventually;
import io.salesforcetarget.failure.RetryLaterException;

class WriteCoalescerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<List<CollectionWrite>> calls = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    private static CollectionWrite create(String name) {
        return CollectionWrite.of(request("POST", "sobjects/Account", "{\"Name\":\"" + name + "\"}"), JSON)
                .orElseThrow();
    }

    private static CollectionWrite update(String id) {
        return CollectionWrite.of(request("PATCH", "sobjects/Account/" + id, "{}"), JSON).orElseThrow();
    }

    /** Answers each write with status 201 + its position in the call, freeing the call's slot. */
    private WriteCoalescer.CollectionSender sender(CallSlots slots) {
        return writes -> {
            calls.add(writes);
            slots.free();
            List<WriteCoalescer.Outcome> outcomes = new ArrayList<>();
            for (int i = 0; i < writes.size(); i++) {
                outcomes.add(new WriteCoalescer.Answered(new CollectionCall.SingleAnswer(201, new byte[] { (byte) i }),
                        writes.size()));
            }
            return outcomes;
        };
    }

    /** Submits each write on a thread of its own, once the previous one is waiting. */
    private List<Future<WriteCoalescer.Outcome>> submitWhileBusy(WriteCoalescer coalescer,
            WriteCoalescer.CollectionSender sender, List<CollectionWrite> writes) {
        List<Future<WriteCoalescer.Outcome>> outcomes = new ArrayList<>();
        for (CollectionWrite write : writes) {
            int before = coalescer.waitingWrites();
            outcomes.add(threads.submit(() -> coalescer.submit(write, sender)));
            Eventually.until("write " + write + " waits", () -> coalescer.waitingWrites() == before + 1);
        }
        return outcomes;
    }

    @Test
    void aWriteThatFindsAFreeSlotGoesAloneAtOnceWithTheSlot() {
        CallSlots slots = new CallSlots(1, Duration.ofSeconds(5));
        WriteCoalescer coalescer = new WriteCoalescer(slots, 200);
        assertThat(coalescer.submit(create("a"), sender(slots))).isEqualTo(new WriteCoalescer.GoAlone(true));
        assertThat(slots.available()).isZero();
        assertThat(calls).isEmpty();
    }

    @Test
    void writesThatFindEverySlotBusyGoOutAsOneCallWhenOneFrees() throws Exception {
        CallSlots slots = new CallSlots(1, Duration.ofSeconds(5));
        WriteCoalescer coalescer = new WriteCoalescer(slots, 200);
        assertThat(slots.tryTake()).isTrue(); // a call in flight
        List<Future<WriteCoalescer.Outcome>> outcomes = submitWhileBusy(coalescer, sender(slots),
                List.of(create("a"), create("b"), create("c")));
        slots.free();
        for (int i = 0; i < 3; i++) {
            WriteCoalescer.Outcome outcome = outcomes.get(i).get();
            assertThat(((WriteCoalescer.Answered) outcome).answer().body()).as("write %d's own answer", i)
                    .containsExactly((byte) i);
        }
        assertThat(calls).hasSize(1);
        assertThat(calls.get(0)).extracting(write -> write.record().get("Name").asText()).containsExactly("a", "b", "c");
        assertThat(coalescer.waitingWrites()).isZero();
        assertThat(slots.available()).isEqualTo(1);
    }

    @Test
    void aCallTakesAtMostMaxRecordsAndTheRestGetANewLeader() throws Exception {
        CallSlots slots = new CallSlots(1, Duration.ofSeconds(5));
        WriteCoalescer coalescer = new WriteCoalescer(slots, 2);
        slots.tryTake();
        List<Future<WriteCoalescer.Outcome>> outcomes = submitWhileBusy(coalescer, sender(slots),
                List.of(create("a"), create("b"), create("c"), create("d"), create("e")));
        slots.free();
        for (Future<WriteCoalescer.Outcome> outcome : outcomes) {
            assertThat(outcome.get()).isNotNull();
        }
        assertThat(calls).extracting(List::size).containsExactly(2, 2);
        assertThat(outcomes.get(4).get()).as("the last one alone: a collection of one saves nothing")
                .isEqualTo(new WriteCoalescer.GoAlone(true));
    }

    @Test
    void twoWritesToOneRecordNeverShareACall() throws Exception {
        CallSlots slots = new CallSlots(1, Duration.ofSeconds(5));
        WriteCoalescer coalescer = new WriteCoalescer(slots, 200);
        slots.tryTake();
        String id = "001000000000001AAA";
        List<Future<WriteCoalescer.Outcome>> outcomes = submitWhileBusy(coalescer, sender(slots),
                List.of(update(id), update(id.substring(0, 15)), update("001000000000002AAA")));
        slots.free();
        assertThat(outcomes.get(0).get()).isInstanceOf(WriteCoalescer.Answered.class);
        assertThat(outcomes.get(2).get()).isInstanceOf(WriteCoalescer.Answered.class);
        assertThat(outcomes.get(1).get()).as("the second write to the record, after the first")
                .isEqualTo(new WriteCoalescer.GoAlone(true));
        assertThat(calls).hasSize(1);
        assertThat(calls.get(0)).extracting(CollectionWrite::id).containsExactly(id, "001000000000002AAA");
    }

    @Test
    void whenTheCallFailsEveryWriteOfItGetsTheFailure() throws Exception {
        CallSlots slots = new CallSlots(1, Duration.ofSeconds(5));
        WriteCoalescer coalescer = new WriteCoalescer(slots, 200);
        slots.tryTake();
        RetryLaterException down = new RetryLaterException("Salesforce answered 503", "SERVER_UNAVAILABLE");
        WriteCoalescer.CollectionSender failing = writes -> {
            slots.free();
            throw down;
        };
        List<Future<WriteCoalescer.Outcome>> outcomes = submitWhileBusy(coalescer, failing,
                List.of(create("a"), create("b")));
        slots.free();
        for (Future<WriteCoalescer.Outcome> outcome : outcomes) {
            assertThat(outcome).failsWithin(Duration.ofSeconds(5)).withThrowableOfType(Exception.class)
                    .havingCause().isSameAs(down);
        }
    }

    @Test
    void whenNoSlotFreesWithinThePoolWaitTheWaitingWritesAreRefused() throws Exception {
        CallSlots slots = new CallSlots(1, Duration.ofMillis(50));
        WriteCoalescer coalescer = new WriteCoalescer(slots, 200);
        slots.tryTake(); // and never freed
        Future<WriteCoalescer.Outcome> outcome = threads.submit(() -> coalescer.submit(create("a"), sender(slots)));
        assertThat(outcome).failsWithin(Duration.ofSeconds(5)).withThrowableOfType(Exception.class)
                .havingCause().isInstanceOf(CallSlots.NoCallSlotException.class);
        assertThat(coalescer.waitingWrites()).isZero();
        assertThat(calls).isEmpty();
    }
}
