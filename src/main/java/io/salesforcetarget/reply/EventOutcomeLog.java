package io.salesforcetarget.reply;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.salesforcetarget.apicall.ApiCallRequest;
import io.salesforcetarget.cloudevents.InboundEvent;
import io.salesforcetarget.failure.LogText;
import io.salesforcetarget.metrics.TargetMetrics;
import io.salesforcetarget.salesforce.SalesforceExchange;
import io.salesforcetarget.salesforce.SalesforceRetryPolicy;

/**
 * One record per event outcome: a log line (event id, type, action, resource, Salesforce status, reply status,
 * outcome, category, failed attempts, the records of the collection call that carried the event, duration) as text
 * or JSON ({@code LOG_FORMAT=json}), and the outcome counter.
 * Never a secret: neither the event data nor any header is logged.
 */
public class EventOutcomeLog {

    private static final Logger LOG = LoggerFactory.getLogger("io.salesforcetarget.events");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final TargetMetrics metrics;
    private final boolean json;

    public EventOutcomeLog(TargetMetrics metrics, boolean json) {
        this.metrics = metrics;
        this.json = json;
    }

    /** An expected outcome: success, replay. */
    void info(Exchange exchange, int replyStatus, String outcome, String category, String detail) {
        record(exchange, replyStatus, outcome, category, detail, false);
    }

    /** A failure: the event's fault, or not. */
    void warn(Exchange exchange, int replyStatus, String outcome, String category, String detail) {
        record(exchange, replyStatus, outcome, category, detail, true);
    }

    private void record(Exchange exchange, int replyStatus, String outcome, String category, String detail,
            boolean warn) {
        ApiCallRequest request = exchange.getProperty(ApiCallRequest.PROPERTY, ApiCallRequest.class);
        long ms = exchange.getClock().elapsed(); // one figure for the metric and the log line
        metrics.event(outcome, request == null ? null : request.method(), Duration.ofMillis(ms));
        if (warn ? LOG.isWarnEnabled() : LOG.isInfoEnabled()) {
            String line = line(exchange, request, replyStatus, outcome, category, detail, ms);
            if (warn) {
                LOG.warn(line);
            } else {
                LOG.info(line);
            }
        }
    }

    /** The outcome's log line, as text or JSON. */
    String line(Exchange exchange, ApiCallRequest request, int replyStatus, String outcome, String category,
            String detail, long ms) {
        Map<String, Object> fields = fields(exchange, request, replyStatus, outcome, category, detail, ms);
        return json ? toJson(fields) : toText(fields);
    }

    private static Map<String, Object> fields(Exchange exchange, ApiCallRequest request, int replyStatus,
            String outcome, String category, String detail, long ms) {
        InboundEvent inbound = exchange.getProperty(InboundEvent.PROPERTY, InboundEvent.class);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("event", inbound == null ? null : inbound.event().getId());
        fields.put("type", inbound == null ? null : inbound.event().getType());
        fields.put("action", request == null ? null : request.method());
        fields.put("resource", request == null ? null : request.resourcePath());
        fields.put("salesforce", exchange.getProperty(SalesforceExchange.LAST_STATUS, Integer.class));
        fields.put("reply", replyStatus);
        fields.put("outcome", outcome);
        fields.put("category", category);
        fields.put("failedAttempts", exchange.getProperty(SalesforceRetryPolicy.FAILED_ATTEMPTS, Integer.class));
        fields.put("batch", exchange.getProperty(SalesforceExchange.COLLECTION_RECORDS, Integer.class));
        fields.put("ms", ms);
        fields.put("detail", detail);
        return fields;
    }

    private static String toText(Map<String, Object> fields) {
        StringBuilder line = new StringBuilder("event id=").append(orDash(fields.get("event")))
                .append(" type=").append(orDash(fields.get("type")))
                .append(" action=").append(orDash(fields.get("action")))
                .append(" resource=").append(orDash(fields.get("resource")))
                .append(" salesforce=").append(orDash(fields.get("salesforce")))
                .append(" reply=").append(fields.get("reply"))
                .append(' ').append(fields.get("outcome"));
        if (fields.get("category") != null) {
            line.append(" category=").append(fields.get("category"));
        }
        if (fields.get("failedAttempts") != null) {
            line.append(" failed-attempts=").append(fields.get("failedAttempts"));
        }
        if (fields.get("batch") != null) {
            line.append(" batch=").append(fields.get("batch"));
        }
        if (fields.get("detail") != null) {
            line.append(": ").append(fields.get("detail"));
        }
        // The event's id, its resource path and the detail are the sender's (or Salesforce's) text: escaped, so
        // that CR/LF cannot forge a log line. (The JSON form is escaped by Jackson.)
        return LogText.withoutControlCharacters(
                line.append(' ').append(fields.get("ms")).append(" ms").toString());
    }

    private static Object orDash(Object value) {
        return value == null ? "-" : value;
    }

    private static String toJson(Map<String, Object> fields) {
        fields.values().removeIf(java.util.Objects::isNull);
        try {
            return MAPPER.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            return fields.toString();
        }
    }
}
