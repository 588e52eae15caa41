package io.salesforcetarget.replay;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import io.salesforcetarget.reply.ResponseBody;

class StoredReplyTest {

    private final DefaultCamelContext camel = new DefaultCamelContext();

    private Message message() {
        return new DefaultExchange(camel).getMessage();
    }

    @Test
    void theAnswerComesBackAsItWasWrittenWithoutCamelsOwnHeaders() {
        Message answer = message();
        answer.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        answer.setHeader("ce-id", "reply-1");
        answer.setHeader("ce-source", "https://example.com/é");
        answer.setHeader("Content-Type", "application/json");
        answer.setHeader("CamelHttpUri", "http://internal");
        ResponseBody.set(answer, "{\"id\":\"001\"}".getBytes());

        Message replayed = message();
        replayed.setHeader("left-over", "from the redelivery");
        StoredReply.decode(StoredReply.of(answer).encode()).writeTo(replayed);

        assertThat(replayed.getHeaders()).containsOnlyKeys(Exchange.HTTP_RESPONSE_CODE, "ce-id", "ce-source",
                "Content-Type");
        assertThat(replayed.getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(200);
        assertThat(replayed.getHeader("ce-source")).isEqualTo("https://example.com/é");
        assertThat(new String(ResponseBody.of(replayed))).isEqualTo("{\"id\":\"001\"}");
    }

    @Test
    void anAnswerWithoutBodyStaysWithoutBody() {
        Message answer = message();
        answer.setHeader(Exchange.HTTP_RESPONSE_CODE, 204);

        Message replayed = message();
        StoredReply stored = StoredReply.decode(StoredReply.of(answer).encode());
        stored.writeTo(replayed);

        assertThat(replayed.getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(204);
        assertThat(replayed.getBody()).isNull();
        assertThat(stored.body()).isNull();
    }

    @Test
    void anEmptyBodyIsNotTakenForNoBody() {
        Message answer = message();
        ResponseBody.set(answer, new byte[0]);

        assertThat(StoredReply.decode(StoredReply.of(answer).encode()).body()).isEmpty();
    }

    @Test
    void everyReplayGetsItsOwnBody() {
        Message answer = message();
        ResponseBody.set(answer, "once".getBytes());
        StoredReply stored = StoredReply.of(answer);

        Message first = message();
        stored.writeTo(first);
        first.getBody(java.nio.ByteBuffer.class).position(4); // written to the sender
        Message second = message();
        stored.writeTo(second);

        assertThat(new String(ResponseBody.of(second))).isEqualTo("once");
    }
}
