package io.salesforcetarget.cloudevents;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.format.EventDeserializationException;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.http.HttpMessageFactory;
import io.cloudevents.jackson.JsonFormat;
import io.cloudevents.rw.CloudEventRWException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * Reads the HTTP request as a CloudEvent, binary or structured mode, with the CloudEvents SDK; keeps it as
 * {@link InboundEvent#PROPERTY}, exposes its attributes as camel-cloudevents headers, and leaves its data as body.
 */
public class ReadCloudEvent implements Processor {

    private static final ObjectMapper STRUCTURED_JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .addModule(JsonFormat.getCloudEventJacksonModule())
            .build();

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        Map<String, Object> headers = message.getHeaders();
        byte[] body = message.getBody(byte[].class);
        String contentType = message.getHeader(Exchange.CONTENT_TYPE, "", String.class);
        CloudEvent event;
        try {
            if (EventFormatProvider.getInstance().resolveFormat(contentType) instanceof JsonFormat) {
                event = readStructuredJson(body);
            } else {
                event = HttpMessageFactory.createReader(forEach -> headers.forEach((name, value) -> {
                    // only what the binary mode reads (ce-*, Content-Type), not Camel's and Vert.x's own headers:
                    // lower-casing every header name was a tenth of the allocation per event
                    if (value instanceof String text && (name.regionMatches(true, 0, "ce-", 0, 3)
                            || name.equalsIgnoreCase("content-type"))) {
                        forEach.accept(name.toLowerCase(Locale.ROOT), text);
                    }
                }), body == null ? new byte[0] : body).toEvent();
            }
        } catch (CloudEventRWException | EventDeserializationException | IllegalStateException
                | IllegalArgumentException e) {
            // EventDeserializationException: a structured-mode envelope that is not a valid CloudEvent JSON object
            throw new NotACloudEventException("not a valid CloudEvent: " + e.getMessage());
        } catch (RuntimeException e) {
            // The SDK fails on some envelopes with other exceptions (the JSON literal null: NullPointerException);
            // whatever it cannot read is still the request's fault (400), never a defect of the target (500).
            throw new NotACloudEventException("not a valid CloudEvent (" + e.getClass().getSimpleName() + ")");
        }
        boolean structured = contentType.toLowerCase(Locale.ROOT).startsWith("application/cloudevents");
        exchange.setProperty(InboundEvent.PROPERTY, new InboundEvent(event, structured));
        CloudEventHeaders.set(message, event);
        message.setBody(event.getData() == null ? null : event.getData().toBytes());
    }

    /**
     * Structured JSON mode, read as the SDK's JsonFormat reads it, but keeping every number of the data as sent
     * (the SDK's own mapper reads them as doubles: 1e400 became "Infinity", long decimals lost digits).
     */
    private static CloudEvent readStructuredJson(byte[] body) {
        CloudEvent event;
        try {
            event = STRUCTURED_JSON.readValue(body == null ? new byte[0] : body, CloudEvent.class);
        } catch (IOException e) {
            throw new EventDeserializationException(e);
        }
        if (event == null) {
            throw new IllegalArgumentException("the envelope is null");
        }
        return event;
    }
}
