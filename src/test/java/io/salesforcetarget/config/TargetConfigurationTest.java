package io.salesforcetarget.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.Test;

import io.salesforcetarget.server.EventWorkers;
import io.salesforcetarget.settings.Coalescing;
import io.salesforcetarget.settings.Reliability;

class TargetConfigurationTest {

    private static final Reliability RELIABILITY = new Reliability(Duration.ofMillis(700), 12, Duration.ofMillis(300),
            3, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(1), 100,
            1_000_000, Duration.ofMinutes(1), Duration.ofSeconds(5));

    @Test
    void theDefaultClaimStoreIsBoundedByTheReplayStoreSize() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            IdempotentRepository claims = TargetConfiguration.idempotentRepository(context, RELIABILITY);

            assertThat(claims.add("source 1")).isTrue();
            assertThat(claims.add("source 1")).as("a claimed key is refused").isFalse();
            for (int i = 2; i <= 1000; i++) {
                claims.add("source " + i);
            }
            assertThat(((MemoryIdempotentRepository) claims).getCacheSize()).as("the replay store size (100)")
                    .isLessThanOrEqualTo(100);
            assertThat(claims.contains("source 900")).as("the oldest keys go first").isFalse();
            assertThat(java.util.stream.IntStream.rangeClosed(901, 1000).allMatch(i -> claims.contains("source " + i)))
                    .as("the 100 most recent keys are all kept").isTrue();
            assertThat(claims.add("source 1000")).as("a recent key is still claimed").isFalse();
            assertThat(claims.remove("source 1000")).isTrue();
            assertThat(claims.add("source 1000")).as("a released key can be claimed again").isTrue();
        }
    }

    @Test
    void withCoalescingOnAFullCollectionCallOfWaitingEventsHasPlatformThreadsBeyondTheEventsInCalls() {
        assertThat(TargetConfiguration.platformWorkers(Coalescing.off())).isEqualTo(EventWorkers.PLATFORM_WORKERS);
        assertThat(TargetConfiguration.platformWorkers(Coalescing.defaults()))
                .isEqualTo(EventWorkers.PLATFORM_WORKERS + 200);
        assertThat(TargetConfiguration.platformWorkers(new Coalescing(true, 50)))
                .isEqualTo(EventWorkers.PLATFORM_WORKERS + 50);
    }

    @Test
    void aBoundRepositoryReplacesTheDefaultClaimStore() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            IdempotentRepository shared = MemoryIdempotentRepository.memoryIdempotentRepository(5);
            context.getRegistry().bind(TargetConfiguration.IDEMPOTENT_REPOSITORY, shared);

            assertThat(TargetConfiguration.idempotentRepository(context, RELIABILITY)).isSameAs(shared);
        }
    }
}
