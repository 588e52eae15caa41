package io.salesforcetarget.reply;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;

import org.apache.camel.Message;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

class ResponseBodyTest {

    private final Message message = new DefaultExchange(new DefaultCamelContext()).getMessage();

    @Test
    void anAnswerIsHeldAsAByteBufferThatPlatformHttpWritesAtOnce() {
        ResponseBody.set(message, "{\"id\":\"001\"}".getBytes());

        assertThat(message.getBody()).isInstanceOf(ByteBuffer.class);
        assertThat(new String(ResponseBody.of(message))).isEqualTo("{\"id\":\"001\"}");
    }

    @Test
    void theBytesCanBeReadAgainAfterTheAnswerWasWritten() {
        ResponseBody.set(message, "written".getBytes());
        ByteBuffer sent = message.getBody(ByteBuffer.class);
        sent.position(sent.limit()); // what writing it to the socket does

        assertThat(new String(ResponseBody.of(message))).isEqualTo("written");
        assertThat(new String(ResponseBody.of(message))).as("and again").isEqualTo("written");
        assertThat(sent.position()).as("reading leaves the buffer as it was").isEqualTo(sent.limit());
    }

    @Test
    void noBodyStaysNoBody() {
        ResponseBody.set(message, null);

        assertThat(message.getBody()).isNull();
        assertThat(ResponseBody.of(message)).isNull();
    }
}
