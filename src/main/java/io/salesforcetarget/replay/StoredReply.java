package io.salesforcetarget.replay;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

import io.salesforcetarget.reply.ResponseBody;

/**
 * The HTTP answer an acknowledged event got: status, the headers written to the sender, and the body; kept in the
 * replay store in its encoded form ({@link #encode()}), as bytes and not objects.
 */
record StoredReply(int status, Map<String, String> headers, byte[] body) {

    /** In the encoding, the body length of an answer without body. */
    private static final int NO_BODY = -1;

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
        headers.forEach(message::setHeader);
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        ResponseBody.set(message, body);
    }

    /** Status, header count, each name and value (length, UTF-8), body length ({@value #NO_BODY}: none) and body. */
    byte[] encode() {
        List<byte[]> texts = new ArrayList<>(2 * headers.size());
        headers.forEach((name, value) -> {
            texts.add(name.getBytes(StandardCharsets.UTF_8));
            texts.add(value.getBytes(StandardCharsets.UTF_8));
        });
        int size = 4 + 4 + 4 + (body == null ? 0 : body.length);
        for (byte[] text : texts) {
            size += 4 + text.length;
        }
        ByteBuffer out = ByteBuffer.allocate(size).putInt(status).putInt(headers.size());
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
        int count = in.getInt();
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            headers.put(text(in), text(in));
        }
        int bodyLength = in.getInt();
        byte[] body = null;
        if (bodyLength != NO_BODY) {
            body = new byte[bodyLength];
            in.get(body);
        }
        return new StoredReply(status, headers, body);
    }

    private static String text(ByteBuffer in) {
        byte[] text = new byte[in.getInt()];
        in.get(text);
        return new String(text, StandardCharsets.UTF_8);
    }
}
