package io.salesforcetarget.reply;

import java.nio.ByteBuffer;

import org.apache.camel.Message;

/**
 * The body of the HTTP answer to the sender, held as a {@link ByteBuffer}: platform-http-vertx writes a ByteBuffer
 * (or a String) at once, with its Content-Length, but turns a {@code byte[]} into an InputStream that it pumps to
 * the socket asynchronously, which cost about 8 % of the target's CPU per event.
 */
public final class ResponseBody {

    private ResponseBody() {
    }

    /** Sets the answer's body; a new buffer each time, since writing it consumes it. */
    public static void set(Message message, byte[] body) {
        message.setBody(body == null ? null : ByteBuffer.wrap(body));
    }

    /** The answer's body as bytes, null when there is none. */
    public static byte[] of(Message message) {
        Object body = message.getBody();
        if (body == null || body instanceof byte[]) {
            return (byte[]) body; // and no costly attempt by Camel to convert "nothing"
        }
        if (body instanceof ByteBuffer buffer) {
            // From the start: the buffer may have been written to the sender already (its position at the end), as
            // when the answer is stored for replay; a duplicate leaves the buffer's own position alone.
            ByteBuffer view = buffer.duplicate().rewind();
            byte[] bytes = new byte[view.remaining()];
            view.get(bytes);
            return bytes;
        }
        return message.getBody(byte[].class);
    }
}
