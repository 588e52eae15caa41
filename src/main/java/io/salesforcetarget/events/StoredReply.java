package io.salesforcetarget.events;

import java.util.ArrayList;
import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The HTTP answer an acknowledged event got: status, the headers written to the sender (name, value, name, value,
 * ...) and the body. Compact on purpose: thousands of these live in the replay store, long enough to reach the old
 * generation, and a map per answer doubled their size.
 */
record StoredReply(int status, String[] headers, byte[] body) {

    static StoredReply of(Message message) {
        List<String> headers = new ArrayList<>(16);
        message.getHeaders().forEach((name, value) -> {
            if (value instanceof String text && !name.startsWith("Camel")) {
                // The names are the reply's own (ce-id, ce-type, ..., Content-Type: a fixed set), but the CloudEvents
                // writer makes new strings of them for every event: one shared copy each, instead of five strings
                // per stored answer for every young collection to copy.
                headers.add(name.intern());
                headers.add(text);
            }
        });
        return new StoredReply(message.getHeader(Exchange.HTTP_RESPONSE_CODE, 200, Integer.class),
                headers.toArray(String[]::new), ResponseBody.of(message));
    }

    void writeTo(Message message) {
        message.getHeaders().clear();
        for (int i = 0; i < headers.length; i += 2) {
            message.setHeader(headers[i], headers[i + 1]);
        }
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        ResponseBody.set(message, body);
    }
}
