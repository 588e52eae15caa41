package io.salesforcetarget.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class ReplyStoreTest {

    private static final long TTL = TimeUnit.SECONDS.toNanos(600);

    private long now = 1_000;
    private final List<String> left = new ArrayList<>();
    private final ReplyStore store = new ReplyStore(3, 1_000, TTL, () -> now, left::add);

    private static byte[] answer(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] answer) {
        return answer == null ? null : new String(answer, StandardCharsets.UTF_8);
    }

    @Test
    void keepsTheMostRecentAnswersAndHandsOverTheOnesPushedOut() {
        for (String key : new String[] { "a", "b", "c", "d", "e" }) {
            assertThat(store.put(key, answer("answer " + key))).isTrue();
        }

        assertThat(store.size()).isEqualTo(3);
        assertThat(left).containsExactly("a", "b");
        assertThat(text(store.get("e"))).isEqualTo("answer e");
        assertThat(text(store.get("c"))).isEqualTo("answer c");
        assertThat(store.get("a")).isNull();
    }

    @Test
    void underAStreamOfUniqueKeysTheLastOnesAreAllKept() {
        ReplyStore large = new ReplyStore(10_000, 1 << 20, TTL, () -> now, key -> { });
        IntStream.range(0, 200_000).forEach(i -> large.put("k" + i, answer("x" + i)));

        assertThat(IntStream.range(190_000, 200_000).allMatch(i -> ("x" + i).equals(text(large.get("k" + i)))))
                .as("every one of the last 10,000 answers, each with its own bytes").isTrue();
        assertThat(large.get("k189999")).isNull();
    }

    @Test
    void theBytesAreBoundedTooLargeAnswersPushOutAsManyOfTheEldestAsTheyNeed() {
        ReplyStore bytesBound = new ReplyStore(1_000, 1_000, TTL, () -> now, left::add);
        for (int i = 0; i < 10; i++) {
            bytesBound.put("small" + i, new byte[100]);
        }
        assertThat(bytesBound.bytes()).isEqualTo(1_000);

        byte[] large = new byte[450];
        Arrays.fill(large, (byte) 7);
        assertThat(bytesBound.put("large", large)).isTrue();

        assertThat(left).as("the five eldest make room for 450 bytes").containsExactly("small0", "small1", "small2",
                "small3", "small4");
        assertThat(bytesBound.bytes()).isLessThanOrEqualTo(1_000);
        assertThat(bytesBound.get("large")).isEqualTo(large);
        assertThat(bytesBound.get("small5")).hasSize(100);
    }

    @Test
    void anAnswerLargerThanTheWholeStoreIsRefusedAndNothingLeaves() {
        store.put("a", answer("a"));

        assertThat(store.put("huge", new byte[1_001])).isFalse();

        assertThat(store.get("huge")).isNull();
        assertThat(text(store.get("a"))).isEqualTo("a");
        assertThat(left).isEmpty();
    }

    @Test
    void answersWrappingAroundTheRingsEndComeBackWhole() {
        ReplyStore ring = new ReplyStore(2, 10, TTL, () -> now, left::add);
        ring.put("a", answer("0123456"));
        ring.put("b", answer("789ab")); // does not fit after "a": a leaves, b is written across the end

        assertThat(left).containsExactly("a");
        assertThat(text(ring.get("b"))).isEqualTo("789ab");
        ring.put("c", answer("cdefg"));
        assertThat(text(ring.get("b"))).isEqualTo("789ab");
        assertThat(text(ring.get("c"))).isEqualTo("cdefg");
    }

    @Test
    void anAnswerExpiresAfterItsTtlAndIsHandedOver() {
        store.put("a", answer("a"));
        now += TTL / 2;
        store.put("b", answer("b"));

        now += TTL / 2 - 1;
        assertThat(store.get("a")).as("one nanosecond before its TTL").isNotNull();
        now += 1;
        assertThat(store.get("a")).isNull();
        assertThat(left).containsExactly("a");
        assertThat(store.get("b")).as("stored later, expires later").isNotNull();
    }

    @Test
    void storingAKeyAgainRenewsItsPlaceAndItsTtl() {
        store.put("a", answer("first"));
        store.put("b", answer("b"));
        now += TTL - 1;
        store.put("a", answer("second"));
        store.put("c", answer("c"));
        store.put("d", answer("d"));

        assertThat(left).as("b is the eldest once a is stored again").containsExactly("b");
        now += 1;
        assertThat(text(store.get("a"))).isEqualTo("second");
    }

    @Test
    void storingTheOnlyKeyAgainInAFullRingDoesNotWaitForItself() {
        ReplyStore one = new ReplyStore(5, 10, TTL, () -> now, left::add);
        one.put("a", new byte[10]);

        assertThat(one.put("a", new byte[10])).isTrue();
        assertThat(one.get("a")).hasSize(10);
        assertThat(left).isEmpty();
    }
}
