package io.salesforcetarget.metrics;

import java.time.Duration;

import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeRedeliveryEvent;
import org.apache.camel.spi.CamelEvent.ExchangeSentEvent;
import org.apache.camel.support.EventNotifierSupport;

import io.salesforcetarget.apicall.ApiCallRequest;
import io.salesforcetarget.salesforce.SalesforceExchange;

/**
 * Feeds {@link TargetMetrics} from Camel's own events, without touching the routes: every completed send to the
 * Salesforce instance (latency, status, API usage, the kind of call and the events it carried) or to the login
 * server (login result), and every redelivery.
 */
public class SalesforceCallNotifier extends EventNotifierSupport {

    private final TargetMetrics metrics;
    private final String instanceEndpoint;
    private final String loginEndpoint;

    public SalesforceCallNotifier(TargetMetrics metrics, String instanceEndpoint, String loginEndpoint) {
        this.metrics = metrics;
        this.instanceEndpoint = instanceEndpoint;
        this.loginEndpoint = loginEndpoint;
        setIgnoreCamelContextEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreStepEvents(true);
        setIgnoreExchangeCreatedEvent(true);
        setIgnoreExchangeCompletedEvent(true);
        // Failed events stay on: Camel delivers the redelivery event only to a notifier that takes them.
        // Sending events stay on: Camel emits the sent event (with the time taken) only for a send whose sending
        // event some notifier took.
        setIgnoreExchangeAsyncProcessingStartedEvents(true);
    }

    @Override
    public void notify(CamelEvent event) {
        if (event instanceof ExchangeSentEvent sent) {
            String uri = sent.getEndpoint().getEndpointUri();
            Exchange exchange = sent.getExchange();
            Integer status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
            if (uri.startsWith(instanceEndpoint)) {
                ApiCallRequest request = exchange.getProperty(ApiCallRequest.PROPERTY, ApiCallRequest.class);
                metrics.salesforceCall(request == null ? "GET" : request.method(), status == null ? 0 : status,
                        Duration.ofMillis(sent.getTimeTaken()));
                metrics.apiUsage(exchange.getMessage().getHeader("Sforce-Limit-Info", String.class));
                if (request != null) { // not the version list, which carries no event
                    metrics.eventsCall(exchange.getProperty(SalesforceExchange.COLLECTION_RECORDS, Integer.class));
                }
            } else if (uri.startsWith(loginEndpoint)) {
                metrics.login(exchange.getException() == null && status != null && status == 200);
            }
        } else if (event instanceof ExchangeRedeliveryEvent) {
            metrics.retry();
        }
    }
}
