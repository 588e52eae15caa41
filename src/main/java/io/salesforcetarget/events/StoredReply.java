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
        return new StoredReply(message.getHeader(Exchange.HTTP_RESPONSE_CODE, 200, Integer.class), headers,
                ResponseBody.of(message));
    }

    void writeTo(Message message) {
        message.getHeaders().clear();
        message.getHeaders().putAll(headers);
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        ResponseBody.set(message, body);
    }
}
