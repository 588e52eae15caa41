package io.salesforcetarget.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class ReplyStoreTest {

    private static final long TTL = TimeUnit.SECONDS.toNanos(600);

    private long now = 1_000;
    private final List<String> left = new ArrayList<>();
    private final ReplyStore store = new ReplyStore(3, TTL, () -> now, left::add);

    private static StoredReply reply(String body) {
        return new StoredReply(200, new String[] { "ce-id", "reply-" + body }, body.getBytes());
    }

    @Test
    void keepsTheMostRecentAnswersAndHandsOverTheOnesPushedOut() {
        for (String key : new String[] { "a", "b", "c", "d", "e" }) {
            store.put(key, reply(key));
        }

        assertThat(store.size()).isEqualTo(3);
        assertThat(left).containsExactly("a", "b");
        assertThat(new String(store.get("e").body())).isEqualTo("e");
        assertThat(store.get("c")).isNotNull();
        assertThat(store.get("a")).isNull();
    }

    @Test
    void underAStreamOfUniqueKeysTheLastOnesAreAllKept() {
        ReplyStore large = new ReplyStore(10_000, TTL, () -> now, key -> { });
        IntStream.range(0, 200_000).forEach(i -> large.put("k" + i, reply("x")));

        assertThat(IntStream.range(190_000, 200_000).allMatch(i -> large.get("k" + i) != null))
                .as("every one of the last 10,000 answers").isTrue();
        assertThat(large.get("k189999")).isNull();
    }

    @Test
    void anAnswerExpiresAfterItsTtlAndIsHandedOver() {
        store.put("a", reply("a"));
        now += TTL / 2;
        store.put("b", reply("b"));

        now += TTL / 2 - 1;
        assertThat(store.get("a")).as("one nanosecond before its TTL").isNotNull();
        now += 1;
        assertThat(store.get("a")).isNull();
        assertThat(left).containsExactly("a");
        assertThat(store.get("b")).as("stored later, expires later").isNotNull();
    }

    @Test
    void storingAKeyAgainRenewsItsPlaceAndItsTtl() {
        store.put("a", reply("first"));
        store.put("b", reply("b"));
        now += TTL - 1;
        store.put("a", reply("second"));
        store.put("c", reply("c"));
        store.put("d", reply("d"));

        assertThat(left).as("b is the eldest once a is stored again").containsExactly("b");
        now += 1;
        assertThat(new String(store.get("a").body())).isEqualTo("second");
    }
}
