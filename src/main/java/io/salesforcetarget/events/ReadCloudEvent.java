package io.salesforcetarget.events;

import java.util.Locale;
import java.util.Map;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.format.EventDeserializationException;
import io.cloudevents.http.HttpMessageFactory;
import io.cloudevents.rw.CloudEventRWException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * Reads the HTTP request as a CloudEvent, binary or structured mode, with the CloudEvents SDK; keeps it as
 * {@link InboundEvent#PROPERTY}, exposes its attributes as camel-cloudevents headers, and leaves its data as body.
 */
public class ReadCloudEvent implements Processor {

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        Map<String, Object> headers = message.getHeaders();
        byte[] body = message.getBody(byte[].class);
        CloudEvent event;
        try {
            event = HttpMessageFactory.createReader(forEach -> headers.forEach((name, value) -> {
                if (value instanceof String text) {
                    forEach.accept(name.toLowerCase(Locale.ROOT), text);
                }
            }), body == null ? new byte[0] : body).toEvent();
        } catch (CloudEventRWException | EventDeserializationException | IllegalStateException
                | IllegalArgumentException e) {
            // EventDeserializationException: a structured-mode envelope that is not a valid CloudEvent JSON object
            throw new NotACloudEventException("not a valid CloudEvent: " + e.getMessage());
        } catch (RuntimeException e) {
            // The SDK fails on some envelopes with other exceptions (the JSON literal null: NullPointerException);
            // whatever it cannot read is still the request's fault (400), never a defect of the target (500).
            throw new NotACloudEventException("not a valid CloudEvent (" + e.getClass().getSimpleName() + ")");
        }
        String contentType = message.getHeader(Exchange.CONTENT_TYPE, "", String.class);
        boolean structured = contentType.toLowerCase(Locale.ROOT).startsWith("application/cloudevents");
        exchange.setProperty(InboundEvent.PROPERTY, new InboundEvent(event, structured));
        CloudEventHeaders.set(message, event);
        message.setBody(event.getData() == null ? null : event.getData().toBytes());
    }
}
