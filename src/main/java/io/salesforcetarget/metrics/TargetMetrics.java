package io.salesforcetarget.metrics;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The target's own meters, exported at {@code /observe/metrics} on the management port with Camel's:
 * events by outcome and action, Salesforce call latency by action and status, Salesforce calls by kind (an event's
 * own or an sObject Collections call) and the events each carried, writes waiting to be coalesced, logins and login
 * failures, retries, in-flight calls, and the org's API usage as Salesforce reports it in {@code Sforce-Limit-Info}.
 */
public class TargetMetrics {

    /** Salesforce's {@code api-usage=18/5000} (the regex simple-salesforce uses). */
    private static final Pattern API_USAGE = Pattern.compile("(?:^|[^-])api-usage=(\\d+)/(\\d+)");

    private final MeterRegistry registry;
    // Meters by their tags: building and registering a meter sorts its tags and looks it up on every call, which
    // was a measurable part of an event's cost; the tag values come from small fixed sets (outcomes, HTTP
    // methods, statuses).
    private final Map<String, Counter> eventCounters = new ConcurrentHashMap<>();
    private final Map<String, Timer> eventTimers = new ConcurrentHashMap<>();
    private final Map<String, Timer> callTimers = new ConcurrentHashMap<>();
    private final Counter singleCalls;
    private final Counter collectionCalls;
    private final DistributionSummary eventsPerCall;
    private final AtomicLong apiUsed = new AtomicLong(-1);
    private final AtomicLong apiMax = new AtomicLong(-1);

    public TargetMetrics(MeterRegistry registry, Supplier<Number> callsInFlight) {
        this.registry = registry;
        Gauge.builder("salesforce_target_api_usage_used", apiUsed, AtomicLong::get)
                .description("API requests used in the org's rolling 24 h allocation (Sforce-Limit-Info)")
                .register(registry);
        Gauge.builder("salesforce_target_api_usage_max", apiMax, AtomicLong::get)
                .description("The org's 24 h API request allocation (Sforce-Limit-Info)").register(registry);
        Gauge.builder("salesforce_target_salesforce_calls_in_flight", callsInFlight)
                .description("Salesforce calls under way").strongReference(true).register(registry);
        singleCalls = calls(registry, "single");
        collectionCalls = calls(registry, "collection");
        eventsPerCall = DistributionSummary.builder("salesforce_target_events_per_call")
                .description("Events carried by each Salesforce call: 1 for an event's own, up to 200 for an sObject"
                        + " Collections call")
                .serviceLevelObjectives(1, 2, 5, 10, 20, 50, 100, 150, 200).register(registry);
    }

    private static Counter calls(MeterRegistry registry, String kind) {
        return Counter.builder("salesforce_target_salesforce_calls_total")
                .description("Salesforce calls made for events (each attempt, as Salesforce counts them), by kind:"
                        + " an event's own call, or an sObject Collections call for several")
                .tag("kind", kind).register(registry);
    }

    /** Writes waiting to go out in a collection call ({@code SALESFORCE_COALESCE}), read at each scrape. */
    public void waitingWrites(Supplier<Number> waiting) {
        Gauge.builder("salesforce_target_coalescing_waiting_writes", waiting)
                .description("Writes of events waiting for a call slot, to share one sObject Collections call")
                .strongReference(true).register(registry);
    }

    /** For tests and embedding without an exporter. */
    public static TargetMetrics none() {
        return new TargetMetrics(new SimpleMeterRegistry(), () -> 0);
    }

    /**
     * One event answered: outcome is success, an error code, retry-later, replayed, ...; {@code took} is its time
     * in the target, from the request read to the answer ready (whole milliseconds: Camel's exchange clock).
     */
    public void event(String outcome, String action, Duration took) {
        String tagAction = action == null ? "none" : action;
        eventCounters.computeIfAbsent(outcome + ' ' + tagAction, key -> Counter.builder("salesforce_target_events_total")
                .description("Events answered, by outcome and action")
                .tag("outcome", outcome).tag("action", tagAction)
                .register(registry)).increment();
        eventTimers.computeIfAbsent(outcome, key -> Timer.builder("salesforce_target_event_seconds")
                .description("Time of an event in the target, request read to answer ready, by outcome")
                .tag("outcome", outcome)
                .publishPercentileHistogram()
                .register(registry)).record(took);
    }

    public void salesforceCall(String action, int status, Duration took) {
        String tagAction = action == null ? "none" : action;
        callTimers.computeIfAbsent(tagAction + ' ' + status, key -> Timer.builder("salesforce_target_salesforce_call_seconds")
                .description("Salesforce REST call latency, by action and HTTP status")
                .tag("action", tagAction).tag("status", String.valueOf(status))
                .publishPercentileHistogram()
                .register(registry)).record(took);
    }

    /**
     * One Salesforce call made for events: an event's own ({@code collectionRecords} null) or an sObject Collections
     * call of that many records, one event each.
     */
    public void eventsCall(Integer collectionRecords) {
        (collectionRecords == null ? singleCalls : collectionCalls).increment();
        eventsPerCall.record(collectionRecords == null ? 1 : collectionRecords);
    }

    public void login(boolean succeeded) {
        Counter.builder("salesforce_target_logins_total").description("Token requests, by result")
                .tag("result", succeeded ? "success" : "failure").register(registry).increment();
    }

    public void retry() {
        Counter.builder("salesforce_target_retries_total")
                .description("Salesforce calls repeated inside the target").register(registry).increment();
    }

    /** Reads {@code Sforce-Limit-Info: api-usage=N/M} into the API usage gauges. */
    public void apiUsage(String limitInfo) {
        if (limitInfo == null) {
            return;
        }
        Matcher matcher = API_USAGE.matcher(limitInfo);
        if (matcher.find()) {
            apiUsed.set(Long.parseLong(matcher.group(1)));
            apiMax.set(Long.parseLong(matcher.group(2)));
        }
    }
}
