package io.salesforcetarget.salesforce;

import java.net.SocketException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import io.salesforcetarget.apicall.ApiCallRequest;

import static org.assertj.core.api.Assertions.assertThat;

class SalesforceRetryPolicyTest {

    private final SalesforceRetryPolicy policy = new SalesforceRetryPolicy(3, Duration.ofMillis(100),
            Duration.ofMillis(250), Duration.ofSeconds(2));

    private static Exchange failed(String method, Exception failure, long startedMillisAgo) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.setProperty(ApiCallRequest.PROPERTY, new ApiCallRequest(method, List.of("limits"), Map.of(), null));
        exchange.setProperty(SalesforceRetryPolicy.CALL_STARTED, System.currentTimeMillis() - startedMillisAgo);
        exchange.setException(failure);
        return exchange;
    }

    @Test
    void retriesUntilTheMaximumNumberOfAttempts() {
        Exchange exchange = failed("GET", new SalesforceUnavailableException(503, "SERVER_UNAVAILABLE"), 0);
        assertThat(policy.matches(exchange)).as("after attempt 1").isTrue();
        assertThat(policy.matches(exchange)).as("after attempt 2").isTrue();
        assertThat(policy.matches(exchange)).as("after attempt 3 of 3").isFalse();
        assertThat(exchange.getProperty(SalesforceRetryPolicy.FAILED_ATTEMPTS, Integer.class)).isEqualTo(3);
    }

    @Test
    void noRetryStartsWhenItWouldEndAfterTheBudget() {
        assertThat(policy.matches(failed("GET", new SocketException("reset"), 1_850))).isTrue();
        assertThat(policy.matches(failed("GET", new SocketException("reset"), 1_950))).isFalse();
    }

    @Test
    void aFailureThatMustNotBeRepeatedIsNotRetried() {
        assertThat(policy.matches(failed("POST", new SalesforceUnavailableException(503, null), 0))).isFalse();
    }

    @Test
    void backoffDoublesFromTheInitialDelayUpToTheMaximum() {
        assertThat(policy.nextDelayMillis(1)).isEqualTo(100);
        assertThat(policy.nextDelayMillis(2)).isEqualTo(200);
        assertThat(policy.nextDelayMillis(3)).isEqualTo(250);
        assertThat(policy.nextDelayMillis(40)).isEqualTo(250);
    }
}
