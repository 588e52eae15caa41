package io.salesforcetarget.salesforce;

import java.time.Duration;

import org.apache.camel.Exchange;

import io.salesforcetarget.apicall.ApiCallRequest;

/**
 * When the Salesforce call is attempted again: after a {@link FailureClasses#isRetryable retryable} failure, while
 * attempts remain and the next attempt still fits in the time budget. {@link CallAttempts} applies it.
 */
public class SalesforceRetryPolicy {

    /** Exchange property: how many attempts of the Salesforce call failed so far. */
    public static final String FAILED_ATTEMPTS = "SalesforceTargetFailedAttempts";
    /** Exchange property: when the Salesforce call started (millis, monotonic clock of the exchange). */
    public static final String CALL_STARTED = "SalesforceTargetCallStarted";

    private final int maxAttempts;
    private final Duration initialDelay;
    private final Duration maxDelay;
    private final Duration budget;

    public SalesforceRetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay, Duration budget) {
        this.maxAttempts = maxAttempts;
        this.initialDelay = initialDelay;
        this.maxDelay = maxDelay;
        this.budget = budget;
    }

    /** Counts the failed attempt of this exchange's call, and says whether to attempt the call again. */
    public boolean retries(Exchange exchange, Throwable failure) {
        int failed = exchange.getProperty(FAILED_ATTEMPTS, 0, Integer.class) + 1;
        exchange.setProperty(FAILED_ATTEMPTS, failed);
        ApiCallRequest request = exchange.getProperty(ApiCallRequest.PROPERTY, ApiCallRequest.class);
        if (failed >= maxAttempts || request == null || !FailureClasses.isRetryable(request.method(), failure)) {
            return false;
        }
        long started = exchange.getProperty(CALL_STARTED, System.currentTimeMillis(), Long.class);
        long elapsed = System.currentTimeMillis() - started;
        return elapsed + nextDelayMillis(failed) <= budget.toMillis();
    }

    /** The delay before the next attempt, without jitter: initial × 2^(failed-1), capped. */
    long nextDelayMillis(int failedSoFar) {
        long delay = initialDelay.toMillis() << Math.min(20, failedSoFar - 1);
        return Math.min(delay, maxDelay.toMillis());
    }
}
