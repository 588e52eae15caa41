package io.salesforcetarget.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TokenCacheTest {

    private static final int THREADS = 50;

    private final AtomicInteger logins = new AtomicInteger();
    private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);

    @AfterEach
    void stopPool() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    /** A login that counts its calls and answers session "token-N". */
    private Supplier<SalesforceSession> countingLogin() {
        return () -> session(logins.incrementAndGet());
    }

    private static SalesforceSession session(int n) {
        return new SalesforceSession("token-" + n, "https://example.my.salesforce.com");
    }

    /**
     * Runs {@code call} on {@value #THREADS} threads released together by a barrier. {@code arrived} is counted down by
     * each thread just before it calls, so a login can wait until every caller is in flight.
     */
    private List<SalesforceSession> concurrently(CountDownLatch arrived, Function<Integer, SalesforceSession> call)
            throws Exception {
        CyclicBarrier start = new CyclicBarrier(THREADS);
        List<Future<SalesforceSession>> results = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            int index = i;
            results.add(pool.submit(() -> {
                start.await(10, TimeUnit.SECONDS);
                arrived.countDown();
                return call.apply(index);
            }));
        }
        List<SalesforceSession> sessions = new ArrayList<>();
        for (Future<SalesforceSession> result : results) {
            sessions.add(result.get(20, TimeUnit.SECONDS));
        }
        return sessions;
    }

    /** A login that, before answering, waits until all callers have arrived: they all find no session yet. */
    private Supplier<SalesforceSession> loginWaitingFor(CountDownLatch arrived) {
        return () -> {
            try {
                assertThat(arrived.await(10, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return session(logins.incrementAndGet());
        };
    }

    @Test
    void firstCallLogsInLaterCallsReuseTheSession() {
        TokenCache cache = new TokenCache(countingLogin());
        assertThat(cache.hasSession()).isFalse();

        SalesforceSession first = cache.current();
        SalesforceSession second = cache.current();

        assertThat(first).isEqualTo(session(1)).isSameAs(second);
        assertThat(cache.hasSession()).isTrue();
        assertThat(logins).hasValue(1);
    }

    @Test
    void manyConcurrentCallersShareOneLogin() throws Exception {
        CountDownLatch arrived = new CountDownLatch(THREADS);
        TokenCache cache = new TokenCache(loginWaitingFor(arrived));

        List<SalesforceSession> sessions = concurrently(arrived, i -> cache.current());

        assertThat(logins).hasValue(1);
        assertThat(sessions).hasSize(THREADS).allSatisfy(s -> assertThat(s).isEqualTo(session(1)));
    }

    @Test
    void renewByManyThreadsAtOnceMakesExactlyOneExtraLogin() throws Exception {
        CountDownLatch arrived = new CountDownLatch(THREADS);
        AtomicInteger calls = new AtomicInteger();
        TokenCache cache = new TokenCache(() -> calls.incrementAndGet() == 1
                ? session(logins.incrementAndGet())
                : loginWaitingFor(arrived).get());
        SalesforceSession rejected = cache.current();

        List<SalesforceSession> renewed = concurrently(arrived, i -> cache.renew(rejected));

        assertThat(logins).as("the first login plus exactly one renewal").hasValue(2);
        assertThat(renewed).hasSize(THREADS).allSatisfy(s -> assertThat(s).isEqualTo(session(2)));
        assertThat(cache.current()).isEqualTo(session(2));
    }

    @Test
    void renewOfAnAlreadyReplacedSessionDoesNotLogIn() {
        TokenCache cache = new TokenCache(countingLogin());
        SalesforceSession first = cache.current();
        SalesforceSession second = cache.renew(first);

        assertThat(cache.renew(first)).as("stale rejection: another event already renewed").isSameAs(second);
        assertThat(logins).hasValue(2);
        assertThat(cache.renew(second)).isEqualTo(session(3));
        assertThat(logins).hasValue(3);
    }

    @Test
    void failedLoginIsNotCachedAndTheNextCallRetries() {
        AtomicInteger attempts = new AtomicInteger();
        TokenCache cache = new TokenCache(() -> {
            if (attempts.incrementAndGet() == 1) {
                throw new LoginFailedException("invalid_grant", "400 invalid_grant: user hasn't approved this consumer");
            }
            return session(attempts.get());
        });

        assertThatThrownBy(cache::current).isInstanceOf(LoginFailedException.class)
                .hasMessageContaining("invalid_grant");
        assertThat(cache.hasSession()).isFalse();
        assertThat(cache.current()).isEqualTo(session(2));
        assertThat(attempts).hasValue(2);
    }

    @Test
    void failedRenewalDropsTheRejectedSessionAndTheNextCallLogsIn() {
        AtomicInteger attempts = new AtomicInteger();
        TokenCache cache = new TokenCache(() -> {
            if (attempts.incrementAndGet() == 2) {
                throw new LoginFailedException("login unreachable", new java.net.ConnectException("refused"));
            }
            return session(attempts.get());
        });
        SalesforceSession rejected = cache.current();

        assertThatThrownBy(() -> cache.renew(rejected)).isInstanceOf(LoginFailedException.class);
        assertThat(cache.hasSession()).as("the rejected session is not kept").isFalse();
        assertThat(cache.current()).isEqualTo(session(3));
        assertThat(attempts).hasValue(3);
    }

    /** A clock the test moves by hand. */
    private static final class ManualClock extends java.time.Clock {
        private java.time.Instant now = java.time.Instant.parse("2026-11-28T12:00:00Z");

        void advance(java.time.Duration by) {
            now = now.plus(by);
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public java.time.Instant instant() {
            return now;
        }
    }

    @Test
    void afterAFailedLoginNoOtherAttemptIsMadeWithinTheMinimumInterval() {
        ManualClock clock = new ManualClock();
        java.util.concurrent.atomic.AtomicInteger attempts = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean loginServerUp = new java.util.concurrent.atomic.AtomicBoolean();
        TokenCache cache = new TokenCache(() -> {
            attempts.incrementAndGet();
            if (!loginServerUp.get()) {
                throw new LoginFailedException("invalid_grant", "400 invalid_grant: user hasn't approved this consumer");
            }
            return session(attempts.get());
        }, java.time.Duration.ofSeconds(2), clock);

        assertThatThrownBy(cache::current).isInstanceOf(LoginFailedException.class);
        loginServerUp.set(true);
        clock.advance(java.time.Duration.ofMillis(1999));
        assertThatThrownBy(cache::current).isInstanceOf(LoginFailedException.class)
                .hasMessageContaining("the next one is allowed after 2000 ms")
                .satisfies(e -> assertThat(((LoginFailedException) e).oauthError()).isEqualTo("invalid_grant"));
        assertThat(attempts).as("no second token request inside the interval").hasValue(1);

        clock.advance(java.time.Duration.ofMillis(1));
        assertThat(cache.current().accessToken()).isEqualTo("token-2");
        assertThat(attempts).hasValue(2);
    }
}
