package io.salesforcetarget.settings;

import java.time.Duration;

/**
 * How the target protects events when Salesforce or the network misbehave: timeouts, the concurrency bound,
 * bounded retries, the login rate limit, the replay store and the shutdown drain.
 */
public record Reliability(Duration connectTimeout, int maxConcurrentCalls, Duration poolWait, int retryMaxAttempts,
        Duration retryInitialDelay, Duration retryMaxDelay, Duration retryBudget, Duration loginMinInterval,
        int replayStoreSize, int replayStoreBytes, Duration replayTtl, Duration drainTimeout) {

    /** The defaults, as {@link TargetSettings} has them. */
    public static Reliability defaults() {
        return TargetSettings.defaultReliability();
    }
}
