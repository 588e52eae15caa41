package io.salesforcetarget.replay;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.cloudevents.core.builder.CloudEventBuilder;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.SynchronizationAdapter;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.Test;

import io.salesforcetarget.StandardError;
import io.salesforcetarget.cloudevents.InboundEvent;
import io.salesforcetarget.reply.ResponseBody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventReplayTest {

    private final DefaultCamelContext camel = new DefaultCamelContext();
    private final IdempotentRepository claims = MemoryIdempotentRepository.memoryIdempotentRepository(100);
    private final MemoryEventStore store = new MemoryEventStore(claims, 2, 1_000, Duration.ofMinutes(10));
    private final EventReplay replay = new EventReplay(store);

    private Exchange delivery(String source, String id) {
        Exchange exchange = new DefaultExchange(camel);
        exchange.setProperty(InboundEvent.PROPERTY, new InboundEvent(CloudEventBuilder.v1().withId(id)
                .withSource(URI.create(source)).withType("io.triggermesh.salesforce.apicall").build(), false));
        return exchange;
    }

    /** Runs the completion callbacks as Camel does when the exchange is done, with the given HTTP answer. */
    private static void answer(Exchange exchange, int status, String body) {
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        exchange.getMessage().setHeader("ce-id", "reply-1");
        exchange.getMessage().setBody(body.getBytes());
        exchange.getExchangeExtension().handoverCompletions().forEach(s -> s.onComplete(exchange));
    }

    @Test
    void anAcknowledgedEventIsAnsweredAgainWithTheSameReply() {
        Exchange first = delivery("broker", "1");
        replay.claim(first);
        assertThat(first.getProperty(EventReplay.STORED_REPLY)).isNull();
        answer(first, 200, "{\"id\":\"001\"}");

        Exchange again = delivery("broker", "1");
        replay.claim(again);
        replay.replay(again);
        assertThat(again.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(200);
        assertThat(again.getMessage().getHeader("ce-id")).isEqualTo("reply-1");
        assertThat(new String(ResponseBody.of(again.getMessage()))).isEqualTo("{\"id\":\"001\"}");
    }

    @Test
    void aRedeliveryWhileTheFirstIsInFlightIsRefused() {
        replay.claim(delivery("broker", "1"));
        assertThatThrownBy(() -> replay.claim(delivery("broker", "1")))
                .isInstanceOf(DuplicateInFlightException.class);
    }

    @Test
    void theSameIdFromAnotherSourceIsAnotherEvent() {
        replay.claim(delivery("broker", "1"));
        Exchange other = delivery("other-source", "1");
        replay.claim(other);
        assertThat(other.getProperty(EventReplay.STORED_REPLY)).isNull();
    }

    @Test
    void anAttemptThatWasNotAcknowledgedIsForgotten() {
        Exchange first = delivery("broker", "1");
        replay.claim(first);
        answer(first, 503, "{}");

        Exchange again = delivery("broker", "1");
        replay.claim(again);
        assertThat(again.getProperty(EventReplay.STORED_REPLY)).as("processed anew").isNull();
        assertThat(claims.contains("broker 1")).isTrue();
    }

    @Test
    void anAnswerPushedOutOfTheFullStoreReleasesItsKey() {
        for (String id : new String[] { "1", "2", "3", "4" }) {
            Exchange delivery = delivery("broker", id);
            replay.claim(delivery);
            answer(delivery, 200, "{}");
        }
        assertThat(store.storedReplies()).isEqualTo(2);
        long remembered = java.util.stream.Stream.of("1", "2", "3", "4")
                .filter(id -> claims.contains("broker " + id)).count();
        assertThat(remembered).as("keys follow the store: no key without its answer").isEqualTo(2);
    }

    @Test
    void anExpiredAnswerReleasesItsKeyAndTheEventIsProcessedAgain() {
        long[] now = { 0 };
        EventReplay expiring = new EventReplay(new MemoryEventStore(claims, 10, 1_000, Duration.ofMinutes(10),
                () -> now[0]));
        Exchange first = delivery("broker", "1");
        expiring.claim(first);
        answer(first, 200, "{}");

        now[0] += Duration.ofMinutes(10).toNanos();
        Exchange late = delivery("broker", "1");
        expiring.claim(late);

        assertThat(late.getProperty(EventReplay.STORED_REPLY)).as("processed anew").isNull();
        assertThat(claims.contains("broker 1")).as("claimed again by the late delivery").isTrue();
    }

    @Test
    void anAnswerLargerThanTheStoreIsNotKeptAndItsKeyIsReleased() {
        Exchange first = delivery("broker", "1");
        replay.claim(first);
        String warning = StandardError.of(() -> answer(first, 200, "x".repeat(1_000)));
        assertThat(warning).contains("The answer to event broker 1 (").contains("is larger than the whole replay store");

        assertThat(store.storedReplies()).isZero();
        assertThat(claims.contains("broker 1")).as("not held forever as if in flight").isFalse();
        Exchange again = delivery("broker", "1");
        replay.claim(again);
        assertThat(again.getProperty(EventReplay.STORED_REPLY)).as("processed anew").isNull();
    }

    @Test
    void theWarningAboutATooLargeAnswerCannotForgeALogLine() {
        Exchange first = delivery("broker", "1\r\nINFO forged line");
        replay.claim(first);

        String warning = StandardError.of(() -> answer(first, 200, "x".repeat(1_000)));

        assertThat(warning.strip()).doesNotContain("\n").doesNotContain("\r").contains("1\\u000d\\u000aINFO forged line");
    }

    /**
     * Remembered as the receiving route ends, on its thread, before the answer is written: platform-http-vertx
     * signals "done" on the listener's one event loop, which must not wait for the stores' locks.
     */
    @Test
    void theAnswerIsRememberedWhenTheReceivingRouteEndsNotWhenTheExchangeIsDone() throws Exception {
        List<String> seen = new ArrayList<>();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:receive").routeId("receive")
                        .process(exchange -> exchange.setProperty(InboundEvent.PROPERTY,
                                delivery("broker", "1").getProperty(InboundEvent.PROPERTY)))
                        .process(replay::claim)
                        .to("direct:call")
                        .process(exchange -> seen.add("after the call: " + store.storedReplies()
                                + (claims.contains("broker 1") ? " claimed" : " released")))
                        .process(exchange -> {
                            exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
                            exchange.getMessage().setBody("{}".getBytes());
                            // completions run last added first: this one runs before any the replay could use
                            exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
                                @Override
                                public void onComplete(Exchange done) {
                                    seen.add("when done: " + store.storedReplies());
                                }
                            });
                        });
                from("direct:call").routeId("call").setBody(constant("a route the event is sent on to"));
            }
        });
        camel.start();
        try {
            camel.createProducerTemplate().sendBody("direct:receive", "event");
        } finally {
            camel.stop();
        }
        assertThat(seen).containsExactly("after the call: 0 claimed", "when done: 1");
    }

    @Test
    void withoutReplayEveryDeliveryIsProcessed() {
        EventReplay none = EventReplay.none();
        Exchange first = delivery("broker", "1");
        none.claim(first);
        Exchange again = delivery("broker", "1");
        none.claim(again);
        assertThat(again.getProperty(EventReplay.STORED_REPLY)).isNull();
    }
}
