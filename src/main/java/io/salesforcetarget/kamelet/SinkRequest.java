package io.salesforcetarget.kamelet;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.Exchange;
import org.apache.camel.StreamCache;

import io.salesforcetarget.failure.ErrorCode;
import io.salesforcetarget.failure.EventFaultException;

/**
 * The step of the {@code salesforce-apicall-sink} Kamelet that turns a message into the request JSON of
 * {@code direct:salesforce-apicall}: action, resource, object and record come from the Kamelet's properties (set as
 * exchange properties {@value #ACTION}, ...), the payload is the message body.
 * <p>
 * The body may be JSON text ({@code String}, {@code byte[]}, a stream), a Jackson {@link JsonNode}, or any object
 * Jackson can write (a {@code Map}, a {@code List}, a POJO). No body, or an empty one, means no payload (a GET or a
 * DELETE). Text that is not JSON is the message's fault: {@link EventFaultException} with code
 * {@code request-parsing}. The request itself is validated by the call route, as for events.
 */
public class SinkRequest {

    public static final String ACTION = "salesforceSinkAction";
    public static final String RESOURCE = "salesforceSinkResource";
    public static final String OBJECT = "salesforceSinkObject";
    public static final String RECORD = "salesforceSinkRecord";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** Replaces the body with the request JSON and removes the Kamelet's exchange properties. */
    public void build(Exchange exchange) {
        ObjectNode request = MAPPER.createObjectNode();
        putIfSet(request, "action", exchange.removeProperty(ACTION));
        putIfSet(request, "resource", exchange.removeProperty(RESOURCE));
        putIfSet(request, "object", exchange.removeProperty(OBJECT));
        putIfSet(request, "record", exchange.removeProperty(RECORD));
        JsonNode payload = payload(exchange);
        if (payload != null) {
            request.set("payload", payload);
        }
        try {
            exchange.getMessage().setBody(MAPPER.writeValueAsBytes(request));
        } catch (IOException e) {
            throw new EventFaultException(ErrorCode.REQUEST_PARSING, "the message could not be written as JSON");
        }
    }

    private static void putIfSet(ObjectNode request, String field, Object value) {
        if (value != null && !value.toString().isEmpty()) {
            request.put(field, value.toString());
        }
    }

    private static JsonNode payload(Exchange exchange) {
        Object body = exchange.getMessage().getBody();
        if (body == null) {
            return null;
        }
        if (body instanceof JsonNode node) {
            return node.isMissingNode() ? null : node;
        }
        if (body instanceof String || body instanceof byte[] || body instanceof InputStream
                || body instanceof StreamCache || body instanceof ByteBuffer) {
            byte[] text = exchange.getMessage().getBody(byte[].class);
            if (text == null || new String(text, StandardCharsets.UTF_8).isBlank()) {
                return null;
            }
            try {
                return MAPPER.readTree(text);
            } catch (IOException e) {
                throw new EventFaultException(ErrorCode.REQUEST_PARSING,
                        "the message body is not JSON; the Kamelet sends it as the Salesforce payload");
            }
        }
        try {
            return MAPPER.valueToTree(body);
        } catch (IllegalArgumentException e) {
            throw new EventFaultException(ErrorCode.REQUEST_PARSING,
                    "the message body (" + body.getClass().getName() + ") cannot be written as JSON");
        }
    }
}
