package io.salesforcetarget.settings;

import java.time.Duration;

/**
 * How the target protects events when Salesforce or the network misbehave: timeouts, the concurrency bound,
 * bounded retries, the login rate limit, the replay store and the shutdown drain.
 */
public record Reliability(Duration connectTimeout, int maxConcurrentCalls, Duration poolWait, int retryMaxAttempts,
        Duration retryInitialDelay, Duration retryMaxDelay, Duration retryBudget, Duration loginMinInterval,
        int replayStoreSize, int replayStoreBytes, Duration replayTtl, Duration drainTimeout) {

    public static Reliability defaults() {
        return new Reliability(Duration.ofSeconds(5), 10, Duration.ofSeconds(1), 3, Duration.ofMillis(200),
                Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofSeconds(2), 10_000, 16 * 1024 * 1024,
                Duration.ofMinutes(10), Duration.ofSeconds(25));
    }
}
