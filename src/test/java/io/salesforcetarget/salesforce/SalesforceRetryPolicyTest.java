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

    private static Exchange call(String method, long startedMillisAgo) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.setProperty(ApiCallRequest.PROPERTY, new ApiCallRequest(method, List.of("limits"), Map.of(), null));
        exchange.setProperty(SalesforceRetryPolicy.CALL_STARTED, System.currentTimeMillis() - startedMillisAgo);
        return exchange;
    }

    @Test
    void retriesUntilTheMaximumNumberOfAttempts() {
        Exchange exchange = call("GET", 0);
        Exception unavailable = new SalesforceUnavailableException(503, "SERVER_UNAVAILABLE");
        assertThat(policy.retries(exchange, unavailable)).as("after attempt 1").isTrue();
        assertThat(policy.retries(exchange, unavailable)).as("after attempt 2").isTrue();
        assertThat(policy.retries(exchange, unavailable)).as("after attempt 3 of 3").isFalse();
        assertThat(exchange.getProperty(SalesforceRetryPolicy.FAILED_ATTEMPTS, Integer.class)).isEqualTo(3);
    }

    @Test
    void noRetryStartsWhenItWouldEndAfterTheBudget() {
        assertThat(policy.retries(call("GET", 1_850), new SocketException("reset"))).isTrue();
        assertThat(policy.retries(call("GET", 1_950), new SocketException("reset"))).isFalse();
    }

    @Test
    void aFailureThatMustNotBeRepeatedIsNotRetried() {
        assertThat(policy.retries(call("POST", 0), new SalesforceUnavailableException(503, null))).isFalse();
    }

    @Test
    void backoffDoublesFromTheInitialDelayUpToTheMaximum() {
        assertThat(policy.nextDelayMillis(1)).isEqualTo(100);
        assertThat(policy.nextDelayMillis(2)).isEqualTo(200);
        assertThat(policy.nextDelayMillis(3)).isEqualTo(250);
        assertThat(policy.nextDelayMillis(40)).isEqualTo(250);
    }
}
