package io.salesforcetarget.reply;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.salesforcetarget.events.InboundEvent;
import io.salesforcetarget.salesforce.ApiCallRequest;
import io.salesforcetarget.salesforce.ApiCallRequestParser;
import io.salesforcetarget.salesforce.SalesforceExchange;
import io.salesforcetarget.salesforce.SalesforceRetryPolicy;

/** One concise line per event outcome: event id, action, resource, Salesforce status, reply status, duration. */
final class EventOutcomeLog {

    private static final Logger LOG = LoggerFactory.getLogger("io.salesforcetarget.events");

    private EventOutcomeLog() {
    }

    static void info(Exchange exchange, int replyStatus, String outcome) {
        if (LOG.isInfoEnabled()) {
            LOG.info(line(exchange, replyStatus, outcome));
        }
    }

    static void warn(Exchange exchange, int replyStatus, String outcome) {
        LOG.warn(line(exchange, replyStatus, outcome));
    }

    private static String attempts(Exchange exchange) {
        Integer failed = exchange.getProperty(SalesforceRetryPolicy.FAILED_ATTEMPTS, Integer.class);
        return failed == null ? "" : " failed-attempts=" + failed;
    }

    /** The event's id, its resource path and the outcome are the sender's (or Salesforce's) text: escaped. */
    private static String line(Exchange exchange, int replyStatus, String outcome) {
        InboundEvent inbound = exchange.getProperty(InboundEvent.PROPERTY, InboundEvent.class);
        ApiCallRequest request = exchange.getProperty(SalesforceExchange.REQUEST, ApiCallRequest.class);
        Integer salesforceStatus = exchange.getProperty(SalesforceExchange.LAST_STATUS, Integer.class);
        String line = "event id=" + (inbound == null ? "-" : inbound.event().getId())
                + " action=" + (request == null ? "-" : request.method())
                + " resource=" + (request == null ? "-" : request.resourcePath())
                + " salesforce=" + (salesforceStatus == null ? "-" : salesforceStatus)
                + " reply=" + replyStatus
                + attempts(exchange)
                + " " + outcome
                + " " + exchange.getClock().elapsed() + " ms";
        return ApiCallRequestParser.withoutControlCharacters(line);
    }
}
