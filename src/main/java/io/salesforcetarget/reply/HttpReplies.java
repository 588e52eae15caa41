package io.salesforcetarget.reply;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.http.HttpMessageFactory;
import io.cloudevents.jackson.JsonFormat;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.salesforcetarget.cloudevents.InboundEvent;
import io.salesforcetarget.failure.EventFaultException;
import io.salesforcetarget.failure.RetryLaterException;
import io.salesforcetarget.failure.UnauthenticatedException;
import io.salesforcetarget.metrics.TargetMetrics;

/**
 * Writes the HTTP answer to the sender, one method per outcome (each used as a named processor of the receiver
 * route): a reply event in the mode of the request, a bare 204, a 400, or a 503 that makes the broker redeliver.
 * Every answer starts from empty headers, so nothing of the request or of Salesforce's answer is echoed back.
 */
public class HttpReplies {

    private static final Logger LOG = LoggerFactory.getLogger(HttpReplies.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ReplyEvents events;
    private final int retryAfterSeconds;
    private final EventOutcomeLog outcomes;

    public HttpReplies(ReplyEvents events, int retryAfterSeconds) {
        this(events, retryAfterSeconds, new EventOutcomeLog(TargetMetrics.none(), false));
    }

    public HttpReplies(ReplyEvents events, int retryAfterSeconds, EventOutcomeLog outcomes) {
        this.events = events;
        this.retryAfterSeconds = retryAfterSeconds;
        this.outcomes = outcomes;
    }

    /** Salesforce succeeded and the policy wants a reply: 200 with a {@code success} event. */
    public void successReply(Exchange exchange) {
        writeEvent(exchange, events.success(exchange.getMessage().getBody(byte[].class)));
        outcomes.info(exchange, 200, "success", "success", null);
    }

    /** Success or event fault, but the policy wants no reply: 204. */
    public void acknowledge(Exchange exchange) {
        EventFaultException fault = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, EventFaultException.class);
        answer(exchange, 204, null, null);
        if (fault == null) {
            outcomes.info(exchange, 204, "success", "success", null);
        } else {
            outcomes.warn(exchange, 204, fault.code().wireName(), "error", fault.description());
        }
    }

    /** The event is at fault and the policy wants a reply: 200 with an {@code error} event. */
    public void errorReply(Exchange exchange) {
        EventFaultException fault = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, EventFaultException.class);
        writeEvent(exchange, events.error(json(errorBody(fault.code().wireName(), fault.description(),
                fault.details()))));
        outcomes.warn(exchange, 200, fault.code().wireName(), "error", fault.description());
    }

    /** Not a CloudEvent at all: 400 with a JSON error, no event to reply with. */
    public void badRequest(Exchange exchange) {
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        answer(exchange, 400, "application/json", json(errorBody("invalid-cloudevent", failure.getMessage(), null)));
        outcomes.warn(exchange, 400, "invalid-cloudevent", null, failure.getMessage());
    }

    /** Not the event's fault (Salesforce or the network): 503 + Retry-After, so the broker delivers it again. */
    public void retryLater(Exchange exchange) {
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String reason = failure instanceof RetryLaterException retry ? retry.reason() : "salesforce-unreachable";
        String description = failure instanceof RetryLaterException
                ? failure.getMessage()
                : "Salesforce could not be reached: " + failure.getClass().getSimpleName();
        answer(exchange, 503, "application/json",
                json(errorBody("retry-later", description, Map.of("reason", reason))));
        exchange.getMessage().setHeader("Retry-After", String.valueOf(retryAfterSeconds));
        outcomes.warn(exchange, 503, "retry-later", null, reason + ": " + description);
    }

    /** Inbound authentication failed: 401 with the challenge and no detail of what was wrong. */
    public void unauthorized(Exchange exchange) {
        UnauthenticatedException failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT,
                UnauthenticatedException.class);
        answer(exchange, 401, "application/json",
                json(errorBody("unauthorized", "authentication required", null)));
        exchange.getMessage().setHeader("WWW-Authenticate", failure.challenge());
        outcomes.warn(exchange, 401, "unauthorized", null, null);
    }

    /** The same event is being processed right now: 409 + Retry-After; the broker redelivers it later. */
    public void duplicateInFlight(Exchange exchange) {
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        answer(exchange, 409, "application/json",
                json(errorBody("duplicate-in-flight", failure.getMessage(), null)));
        exchange.getMessage().setHeader("Retry-After", String.valueOf(retryAfterSeconds));
        outcomes.warn(exchange, 409, "duplicate-in-flight", null, null);
    }

    /** A redelivery answered from the replay store, without calling Salesforce. */
    public void logReplay(Exchange exchange) {
        outcomes.info(exchange, exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class),
                "replayed", null, null);
    }

    /** A defect of ours: 500 (the broker retries), and the one place a stack trace is logged. */
    public void internalError(Exchange exchange) {
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        LOG.error("Unexpected failure while handling an event", failure);
        answer(exchange, 500, "application/json",
                json(errorBody("internal-error", "unexpected failure in the target", null)));
        outcomes.warn(exchange, 500, "internal-error", null, failure.getClass().getSimpleName());
    }

    private void writeEvent(Exchange exchange, CloudEvent event) {
        Message message = exchange.getMessage();
        message.getHeaders().clear();
        InboundEvent inbound = exchange.getProperty(InboundEvent.PROPERTY, InboundEvent.class);
        var writer = HttpMessageFactory.createWriter(message::setHeader, body -> ResponseBody.set(message, body));
        if (inbound != null && inbound.structured()) {
            writer.writeStructured(event, JsonFormat.CONTENT_TYPE);
        } else {
            writer.writeBinary(event);
        }
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
    }

    private static void answer(Exchange exchange, int status, String contentType, byte[] body) {
        Message message = exchange.getMessage();
        message.getHeaders().clear();
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        if (contentType != null) {
            message.setHeader(Exchange.CONTENT_TYPE, contentType);
        }
        ResponseBody.set(message, body);
    }

    static Map<String, Object> errorBody(String code, String description, Object details) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("description", description);
        if (details != null) {
            body.put("details", details);
        }
        return body;
    }

    private static byte[] json(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("error body not serialisable", e);
        }
    }
}
