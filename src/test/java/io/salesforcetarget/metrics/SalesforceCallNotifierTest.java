package io.salesforcetarget.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.EventHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.salesforcetarget.apicall.ApiCallRequest;
import io.salesforcetarget.salesforce.SalesforceExchange;

/**
 * The notifier turns Camel's own events into the metrics: each send to the instance endpoint (status, latency, API
 * usage, kind of call), each send to the login endpoint, each redelivery; and nothing else. Mock endpoints stand in
 * for the two HTTP endpoints, which the notifier tells apart by their URI's prefix.
 */
class SalesforceCallNotifierTest {

    private static final String INSTANCE = "mock://instance";
    private static final String LOGIN = "mock://login";

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final CamelContext context = new DefaultCamelContext();
    private final AtomicInteger attemptsLeft = new AtomicInteger();
    private ProducerTemplate template;

    @BeforeEach
    void startCamelWithTheNotifier() throws Exception {
        context.getManagementStrategy().addEventNotifier(
                new SalesforceCallNotifier(new TargetMetrics(registry, () -> 0), INSTANCE, LOGIN));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:instance").to(INSTANCE);
                from("direct:login").to(LOGIN);
                from("direct:elsewhere").to("mock:elsewhere");
                // As the call path's own attempt loop reports a retry.
                from("direct:retried").loopDoWhile(exchange -> attemptsLeft.getAndDecrement() > 0)
                        .process(exchange -> EventHelper.notifyExchangeRedelivery(context, exchange, 1))
                        .end().to("mock:elsewhere");
            }
        });
        context.start();
        template = context.createProducerTemplate();
        answer(INSTANCE, 201, "api-usage=18/5000");
        answer(LOGIN, 200, null);
        answer("mock:elsewhere", 200, "api-usage=99/100");
    }

    @AfterEach
    void stopCamel() {
        context.stop();
    }

    private void answer(String uri, int status, String limitInfo) {
        context.getEndpoint(uri, MockEndpoint.class).whenAnyExchangeReceived(exchange -> {
            exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
            exchange.getMessage().setHeader("Sforce-Limit-Info", limitInfo);
        });
    }

    private void send(String route, ApiCallRequest request, Integer collectionRecords) {
        template.send(route, exchange -> {
            if (request != null) {
                exchange.setProperty(ApiCallRequest.PROPERTY, request);
            }
            if (collectionRecords != null) {
                exchange.setProperty(SalesforceExchange.COLLECTION_RECORDS, collectionRecords);
            }
        });
    }

    private double count(String name, String... tags) {
        var counters = registry.find(name).tags(tags).counters();
        return counters.stream().mapToDouble(c -> c.count()).sum();
    }

    @Test
    void aSendToTheInstanceIsTimedWithItsActionAndStatusAndReadsTheApiUsage() {
        send("direct:instance", new ApiCallRequest("POST", List.of("sobjects", "Account"), Map.of(), null), null);

        assertThat(registry.get("salesforce_target_salesforce_call_seconds").tags("action", "POST", "status", "201")
                .timer().count()).isEqualTo(1);
        assertThat(registry.get("salesforce_target_api_usage_used").gauge().value()).isEqualTo(18);
        assertThat(count("salesforce_target_salesforce_calls_total", "kind", "single")).isEqualTo(1);
    }

    @Test
    void aCollectionCallCountsTheEventsItCarried() {
        send("direct:instance", new ApiCallRequest("POST", List.of("composite", "sobjects"), Map.of(), null), 37);

        assertThat(count("salesforce_target_salesforce_calls_total", "kind", "collection")).isEqualTo(1);
        assertThat(registry.get("salesforce_target_events_per_call").summary().totalAmount()).isEqualTo(37);
    }

    @Test
    void theVersionListIsACallToTheInstanceThatCarriesNoEvent() {
        send("direct:instance", null, null);

        assertThat(registry.get("salesforce_target_salesforce_call_seconds").tags("action", "GET").timer().count())
                .isEqualTo(1);
        assertThat(count("salesforce_target_salesforce_calls_total")).isZero();
    }

    @Test
    void aSendToTheLoginServerCountsALoginByItsResult() {
        send("direct:login", null, null);
        answer(LOGIN, 400, null);
        send("direct:login", null, null);

        assertThat(count("salesforce_target_logins_total", "result", "success")).isEqualTo(1);
        assertThat(count("salesforce_target_logins_total", "result", "failure")).isEqualTo(1);
        assertThat(registry.find("salesforce_target_salesforce_call_seconds").timers()).isEmpty();
    }

    @Test
    void everyRedeliveryIsCountedAndOtherSendsAreNot() {
        attemptsLeft.set(2);
        send("direct:retried", null, null);

        assertThat(registry.get("salesforce_target_retries_total").counter().count()).isEqualTo(2);
        assertThat(registry.find("salesforce_target_salesforce_call_seconds").timers()).isEmpty();
        assertThat(registry.get("salesforce_target_api_usage_used").gauge().value())
                .as("another endpoint's headers are not the org's").isEqualTo(-1);
        assertThat(count("salesforce_target_logins_total")).isZero();
    }
}
