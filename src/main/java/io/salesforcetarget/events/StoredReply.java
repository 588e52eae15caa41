package io.salesforcetarget.events;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The HTTP answer an acknowledged event got: status, the headers written to the sender (name, value, name, value,
 * ...) and the body; kept in the replay store in its encoded form ({@link #encode()}), as bytes and not objects.
 */
record StoredReply(int status, String[] headers, byte[] body) {

    /** In the encoding, the body length of an answer without body. */
    private static final int NO_BODY = -1;

    static StoredReply of(Message message) {
        List<String> headers = new ArrayList<>(16);
        message.getHeaders().forEach((name, value) -> {
            if (value instanceof String text && !name.startsWith("Camel")) {
                headers.add(name);
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

    /** Status, header count, each header string (length, UTF-8), body length ({@value #NO_BODY}: none) and body. */
    byte[] encode() {
        byte[][] texts = new byte[headers.length][];
        int size = 4 + 4 + 4 + (body == null ? 0 : body.length);
        for (int i = 0; i < headers.length; i++) {
            texts[i] = headers[i].getBytes(StandardCharsets.UTF_8);
            size += 4 + texts[i].length;
        }
        ByteBuffer out = ByteBuffer.allocate(size).putInt(status).putInt(headers.length);
        for (byte[] text : texts) {
            out.putInt(text.length).put(text);
        }
        if (body == null) {
            out.putInt(NO_BODY);
        } else {
            out.putInt(body.length).put(body);
        }
        return out.array();
    }

    static StoredReply decode(byte[] encoded) {
        ByteBuffer in = ByteBuffer.wrap(encoded);
        int status = in.getInt();
        String[] headers = new String[in.getInt()];
        for (int i = 0; i < headers.length; i++) {
            byte[] text = new byte[in.getInt()];
            in.get(text);
            headers[i] = new String(text, StandardCharsets.UTF_8);
        }
        int bodyLength = in.getInt();
        byte[] body = null;
        if (bodyLength != NO_BODY) {
            body = new byte[bodyLength];
            in.get(body);
        }
        return new StoredReply(status, headers, body);
    }
}
