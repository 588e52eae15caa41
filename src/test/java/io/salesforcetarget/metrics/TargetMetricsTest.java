package io.salesforcetarget.metrics;

import java.time.Duration;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TargetMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final TargetMetrics metrics = new TargetMetrics(registry, () -> 3);

    private double gauge(String name) {
        return registry.get(name).gauge().value();
    }

    @Test
    void apiUsageIsReadFromSforceLimitInfoInEveryDocumentedSpelling() {
        assertThat(gauge("salesforce_target_api_usage_used")).as("unknown before any answer").isEqualTo(-1);
        metrics.apiUsage("api-usage=18/5000");
        assertThat(gauge("salesforce_target_api_usage_used")).isEqualTo(18);
        assertThat(gauge("salesforce_target_api_usage_max")).isEqualTo(5000);
        metrics.apiUsage("api-usage=25/5000; per-app-api-usage=17/250(appName=sample-connected-app)");
        assertThat(gauge("salesforce_target_api_usage_used")).isEqualTo(25);
        metrics.apiUsage("per-app-api-usage=17/250(appName=x)");
        assertThat(gauge("salesforce_target_api_usage_used")).as("per-app usage is not the org's").isEqualTo(25);
        metrics.apiUsage("api-usage=10018/100000; api-bursts=1/750");
        assertThat(gauge("salesforce_target_api_usage_max")).isEqualTo(100000);
    }

    @Test
    void eventsCallsLoginsAndRetriesAreCountedWithTheirTags() {
        metrics.event("success", "POST", Duration.ofMillis(3));
        metrics.event("success", "POST", Duration.ofMillis(5));
        metrics.event("request-validation", null, Duration.ZERO);
        metrics.salesforceCall("PATCH", 204, Duration.ofMillis(12));
        metrics.login(true);
        metrics.login(false);
        metrics.retry();

        assertThat(registry.get("salesforce_target_events_total").tags("outcome", "success", "action", "POST")
                .counter().count()).isEqualTo(2);
        assertThat(registry.get("salesforce_target_events_total").tags("action", "none").counter().count())
                .isEqualTo(1);
        assertThat(registry.get("salesforce_target_event_seconds").tags("outcome", "success").timer()
                .totalTime(java.util.concurrent.TimeUnit.MILLISECONDS)).isEqualTo(8);
        assertThat(registry.get("salesforce_target_salesforce_call_seconds").tags("action", "PATCH", "status", "204")
                .timer().count()).isEqualTo(1);
        assertThat(registry.get("salesforce_target_logins_total").tags("result", "failure").counter().count())
                .isEqualTo(1);
        assertThat(registry.get("salesforce_target_retries_total").counter().count()).isEqualTo(1);
        assertThat(gauge("salesforce_target_salesforce_calls_in_flight")).isEqualTo(3);
    }

    @Test
    void callsAreCountedByKindWithTheEventsEachCarried() {
        metrics.eventsCall(null);
        metrics.eventsCall(null);
        metrics.eventsCall(200);
        metrics.eventsCall(17);

        assertThat(registry.get("salesforce_target_salesforce_calls_total").tags("kind", "single").counter().count())
                .isEqualTo(2);
        assertThat(registry.get("salesforce_target_salesforce_calls_total").tags("kind", "collection").counter()
                .count()).isEqualTo(2);
        var eventsPerCall = registry.get("salesforce_target_events_per_call").summary();
        assertThat(eventsPerCall.count()).as("calls").isEqualTo(4);
        assertThat(eventsPerCall.totalAmount()).as("events: 219 in 4 calls, 215 calls saved").isEqualTo(219);
        assertThat(eventsPerCall.max()).isEqualTo(200);
    }

    @Test
    void waitingWritesAreReadAtEachScrape() {
        java.util.concurrent.atomic.AtomicInteger waiting = new java.util.concurrent.atomic.AtomicInteger();
        metrics.waitingWrites(waiting::get);
        assertThat(gauge("salesforce_target_coalescing_waiting_writes")).isZero();
        waiting.set(42);
        assertThat(gauge("salesforce_target_coalescing_waiting_writes")).isEqualTo(42);
    }
}
