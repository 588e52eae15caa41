package io.salesforcetarget.events;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** The HTTP answer an acknowledged event got: status, the headers written to the sender, and the body. */
record StoredReply(int status, Map<String, String> headers, byte[] body) {

    static StoredReply of(Message message) {
        Map<String, String> headers = new LinkedHashMap<>();
        message.getHeaders().forEach((name, value) -> {
            if (value instanceof String text && !name.startsWith("Camel")) {
                headers.put(name, text);
            }
        });
        // No body (a 204, a reply event without data): getBody(byte[].class) would make Camel try to convert the
        // message itself, a costly miss on every such event.
        Object body = message.getBody();
        return new StoredReply(message.getHeader(Exchange.HTTP_RESPONSE_CODE, 200, Integer.class), headers,
                body == null || body instanceof byte[] ? (byte[]) body : message.getBody(byte[].class));
    }

    void writeTo(Message message) {
        message.getHeaders().clear();
        message.getHeaders().putAll(headers);
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        message.setBody(body);
    }
}
