package io.salesforcetarget.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.salesforcetarget.StandardError;
import io.salesforcetarget.simulator.Eventually;

/** The PostgreSQL event store against a real PostgreSQL server, with two stores as two replicas would be. */
class PostgresEventStoreTest {

    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final Duration TTL = Duration.ofMinutes(10);
    private static RealPostgres postgres;

    private final List<PostgresEventStore> stores = new ArrayList<>();

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = RealPostgres.start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    @AfterEach
    void closeStores() {
        stores.forEach(PostgresEventStore::close);
    }

    private PostgresEventStore store(String replica, Duration lease, Duration ttl, int maxBytes) {
        PostgresEventStore store = PostgresEventStore.start(postgres.url(), RealPostgres.USER, postgres.password(),
                replica, lease, ttl, maxBytes);
        stores.add(store);
        return store;
    }

    private PostgresEventStore store(String replica) {
        return store(replica, LEASE, TTL, 1_000_000);
    }

    private static String key() {
        return "broker " + UUID.randomUUID();
    }

    private static byte[] reply(String id) {
        return new StoredReply(200, Map.of("ce-id", id), ("{\"id\":\"" + id + "\"}").getBytes()).encode();
    }

    private static EventStore.Claimed claimed(EventStore store, String key) {
        EventStore.Claim claim = store.claim(key);
        assertThat(claim).isInstanceOf(EventStore.Claimed.class);
        return (EventStore.Claimed) claim;
    }

    @Test
    void theFirstDeliveryClaimsTheEventAndARedeliveryGetsItsAnswerFromAnyReplica() {
        PostgresEventStore a = store("replica-a");
        PostgresEventStore b = store("replica-b");
        String key = key();

        EventStore.Claimed claim = claimed(a, key);
        assertThat(b.claim(key)).as("while the first is in flight").isInstanceOf(EventStore.InFlight.class);
        assertThat(a.claim(key)).as("on the same replica too").isInstanceOf(EventStore.InFlight.class);
        assertThat(a.answer(claim, reply("reply-1"))).isTrue();

        EventStore.Claim again = b.claim(key);
        assertThat(again).isInstanceOf(EventStore.Answered.class);
        StoredReply stored = ((EventStore.Answered) again).reply();
        assertThat(stored.status()).isEqualTo(200);
        assertThat(stored.headers()).containsEntry("ce-id", "reply-1");
        assertThat(new String(stored.body())).isEqualTo("{\"id\":\"reply-1\"}");
    }

    @Test
    void aClaimNamesItsReplica() throws Exception {
        String key = key();
        claimed(store("replica-a"), key);
        try (Connection connection = postgres.connect();
                ResultSet row = connection.createStatement().executeQuery(
                        "SELECT claimed_by FROM salesforce_target_events WHERE event_key = '" + key + "'")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getString(1)).isEqualTo("replica-a");
        }
    }

    @Test
    void twoReplicasClaimingOneEventAtTheSameMomentMakeExactlyOneClaim() throws Exception {
        PostgresEventStore a = store("replica-a");
        PostgresEventStore b = store("replica-b");
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < 200; i++) {
                String key = key();
                CyclicBarrier together = new CyclicBarrier(2);
                Future<EventStore.Claim> first = threads.submit(() -> {
                    together.await(5, TimeUnit.SECONDS);
                    return a.claim(key);
                });
                Future<EventStore.Claim> second = threads.submit(() -> {
                    together.await(5, TimeUnit.SECONDS);
                    return b.claim(key);
                });
                List<EventStore.Claim> claims = List.of(first.get(10, TimeUnit.SECONDS),
                        second.get(10, TimeUnit.SECONDS));
                assertThat(claims).as("event " + i).filteredOn(EventStore.Claimed.class::isInstance).hasSize(1);
                assertThat(claims).as("event " + i).filteredOn(EventStore.InFlight.class::isInstance).hasSize(1);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aRestartedReplicaReplaysWhatItAnsweredBefore() {
        String key = key();
        PostgresEventStore before = store("replica-a");
        before.answer(claimed(before, key), reply("reply-2"));
        before.close();

        EventStore.Claim afterRestart = store("replica-a").claim(key);

        assertThat(afterRestart).isInstanceOf(EventStore.Answered.class);
        assertThat(((EventStore.Answered) afterRestart).reply().headers()).containsEntry("ce-id", "reply-2");
    }

    @Test
    void aClaimWhoseLeaseEndedIsClaimedAgainAndItsAnswerNoLongerReplacesTheNewClaim() {
        String key = key();
        PostgresEventStore dying = store("replica-a", Duration.ZERO, TTL, 1_000_000); // its leases end at once
        PostgresEventStore other = store("replica-b");
        EventStore.Claimed lapsed = claimed(dying, key);

        EventStore.Claimed taken = claimed(other, key);

        String warning = StandardError.of(() -> dying.answer(lapsed, reply("late")));
        assertThat(warning).contains("had ended (EVENTS_CLAIM_LEASE_SECONDS) and was taken by another delivery");
        assertThat(other.claim(key)).as("still the new claim's").isInstanceOf(EventStore.InFlight.class);
        other.answer(taken, reply("reply-3"));
        assertThat(((EventStore.Answered) other.claim(key)).reply().headers()).containsEntry("ce-id", "reply-3");
    }

    @Test
    void aReleasedClaimIsClaimedAgainAndReleasingALapsedClaimLeavesTheNewOne() {
        String key = key();
        PostgresEventStore a = store("replica-a", Duration.ZERO, TTL, 1_000_000);
        PostgresEventStore b = store("replica-b");
        EventStore.Claimed lapsed = claimed(a, key);
        EventStore.Claimed current = claimed(b, key);

        a.release(lapsed);
        assertThat(b.claim(key)).as("not released by another claim's owner").isInstanceOf(EventStore.InFlight.class);

        b.release(current);
        claimed(b, key);
    }

    @Test
    void anAnswerPastItsReplayWindowIsProcessedAgain() {
        String key = key();
        PostgresEventStore store = store("replica-a", LEASE, Duration.ZERO, 1_000_000);
        store.answer(claimed(store, key), reply("reply-4"));

        claimed(store, key);
    }

    @Test
    void anAnswerLargerThanTheStoreKeepsIsNotKeptAndItsClaimIsReleased() {
        String key = key();
        PostgresEventStore store = store("replica-a", LEASE, TTL, 40);

        assertThat(store.answer(claimed(store, key), reply("x".repeat(100)))).isFalse();
        claimed(store, key);
    }

    @Test
    void theCleanerDeletesExpiredRowsInBatchesAndKeepsTheLiveOnes() {
        PostgresEventStore expiring = store("replica-a", Duration.ZERO, Duration.ZERO, 1_000_000);
        PostgresEventStore live = store("replica-b");
        List<String> kept = List.of(key(), key());
        kept.forEach(key -> claimed(live, key));
        int before = ExpiredEventsCleaner.BATCH * 2 + 7; // more than two batches
        for (int i = 0; i < before; i++) {
            claimed(expiring, key());
        }
        try (ExpiredEventsCleaner cleaner = new ExpiredEventsCleaner(expiring, Duration.ofHours(1))) {
            assertThat(cleaner.clean()).as("every expired row, of this and earlier tests").isGreaterThanOrEqualTo(before);
            assertThat(cleaner.clean()).isZero();
        }
        kept.forEach(key -> assertThat(live.claim(key)).isInstanceOf(EventStore.InFlight.class));
    }

    @Test
    void whileTheDatabaseIsDownNothingIsClaimedAndTheStoreRecoversByItself() throws Exception {
        PostgresEventStore store = store("replica-a");
        assertThat(store.reachable()).isTrue();
        postgres.stopServer();
        try {
            assertThatThrownBy(() -> store.claim(key())).isInstanceOf(StoreUnavailableException.class)
                    .hasMessageStartingWith("the event store (PostgreSQL) failed: ")
                    .extracting(e -> ((StoreUnavailableException) e).reason()).isEqualTo("event-store-unavailable");
            assertThat(store.reachable()).isFalse();
        } finally {
            postgres.startServer();
        }
        // by itself, but not at once: a connection attempt of the pool may be on its way (its timeout is short)
        Eventually.until("the store is reachable again", store::reachable);
        claimed(store, key());
    }

    @Test
    void wrongCredentialsAtStartAreAClearErrorWithoutThePassword() {
        assertThatThrownBy(() -> PostgresEventStore.start(postgres.url(), RealPostgres.USER, "wrong-password-42",
                "replica-a", LEASE, TTL, 1_000))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("password authentication failed for user \"postgres\"")
                .hasMessageNotContaining("wrong-password-42")
                .hasMessageNotContaining(postgres.password());
    }

    @Test
    void theStoreSaysWhereItIsButNotThePassword() {
        PostgresEventStore store = store("replica-a");
        assertThat(store.toString()).contains(postgres.url()).doesNotContain(postgres.password());
    }
}
