package io.salesforcetarget.replay;

import java.time.Duration;
import java.util.function.LongSupplier;

import io.cloudevents.CloudEvent;
import org.apache.camel.Exchange;
import org.apache.camel.Route;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.SynchronizationRouteAware;
import org.apache.camel.support.SynchronizationAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.salesforcetarget.cloudevents.InboundEvent;
import io.salesforcetarget.failure.LogText;

/**
 * Brokers redeliver; Salesforce must not see an event twice. Every event is keyed by ({@code source}, {@code id}):
 * <ul>
 * <li>the first delivery claims the key in Camel's {@link IdempotentRepository} (the in-memory one by default, a
 * shared one when several replicas run) and goes on;</li>
 * <li>a redelivery of an event that was acknowledged (any 2xx answer) gets the same answer again, from a bounded
 * store (answers, bytes and TTL), without calling Salesforce;</li>
 * <li>a redelivery while the first delivery is still in flight gets 409 + Retry-After;</li>
 * <li>a delivery that was not acknowledged (503, 500) releases its key: it is not remembered.</li>
 * </ul>
 * A stored answer leaves the store after its TTL (or when the store is full), and its key is released with it. An
 * answer larger than the whole store is not kept, and its key is released at once: a redelivery of that event is
 * processed again (logged as a warning when it happens).
 * <p>
 * The answer is remembered (or the key released) as soon as the receiving route has finished, on the thread that ran
 * it, before the answer is written: not when the exchange is done, which platform-http-vertx signals on the
 * listener's one event loop thread, where the stores' locks, shared with every worker, would stall every connection.
 */
public class EventReplay {

    private static final Logger LOG = LoggerFactory.getLogger(EventReplay.class);

    /** Exchange property: the answer to replay for a redelivered event. */
    public static final String STORED_REPLY = "SalesforceTargetStoredReply";

    private final IdempotentRepository claims;
    private final ReplyStore replies;

    /** No replay at all: every delivery is processed (for route tests and embedding without the receiver). */
    public static EventReplay none() {
        return new EventReplay(null, 1, 1, Duration.ofSeconds(1));
    }

    public EventReplay(IdempotentRepository claims, int maxAnswers, int maxBytes, Duration ttl) {
        this(claims, maxAnswers, maxBytes, ttl, System::nanoTime);
    }

    EventReplay(IdempotentRepository claims, int maxAnswers, int maxBytes, Duration ttl, LongSupplier nanoClock) {
        this.claims = claims;
        this.replies = new ReplyStore(maxAnswers, maxBytes, ttl.toNanos(), nanoClock, key -> {
            if (claims != null) {
                claims.remove(key); // the answer is gone: so is the key, or the event could never be delivered again
            }
        });
    }

    /** Claims the event, or finds its stored answer, or refuses it while another delivery is in flight. */
    public void claim(Exchange exchange) {
        if (claims == null) {
            return;
        }
        CloudEvent event = exchange.getProperty(InboundEvent.PROPERTY, InboundEvent.class).event();
        String key = event.getSource() + " " + event.getId();
        StoredReply stored = storedReply(key);
        if (stored == null && claims.add(key)) {
            exchange.getExchangeExtension().addOnCompletion(new RememberOrRelease(key));
            return;
        }
        stored = stored != null ? stored : storedReply(key); // it may have completed meanwhile
        if (stored == null) {
            throw new DuplicateInFlightException(event.getSource().toString(), event.getId());
        }
        exchange.setProperty(STORED_REPLY, stored);
    }

    /** Answers a redelivered event as its first delivery was answered. */
    public void replay(Exchange exchange) {
        exchange.getProperty(STORED_REPLY, StoredReply.class).writeTo(exchange.getMessage());
    }

    long storedReplies() {
        return replies.size();
    }

    private StoredReply storedReply(String key) {
        byte[] encoded = replies.get(key);
        return encoded == null ? null : StoredReply.decode(encoded);
    }

    /**
     * When the route that received the event has finished (or, if it never finishes, when the exchange is done): an
     * acknowledged event is remembered with its answer; anything else is released.
     */
    private final class RememberOrRelease extends SynchronizationAdapter implements SynchronizationRouteAware {
        private final String key;
        private volatile boolean settled;

        RememberOrRelease(String key) {
            this.key = key;
        }

        @Override
        public SynchronizationRouteAware getRouteSynchronization() {
            return this; // Camel calls onAfterRoute only through this
        }

        @Override
        public void onBeforeRoute(Route route, Exchange exchange) {
            // nothing: the event is claimed already
        }

        @Override
        public void onAfterRoute(Route route, Exchange exchange) {
            if (route.getRouteId().equals(exchange.getFromRouteId())) { // not a route it was sent on to (direct:)
                settle(exchange);
            }
        }

        @Override
        public void onComplete(Exchange exchange) {
            if (!settled) {
                settle(exchange);
            }
        }

        @Override
        public void onFailure(Exchange exchange) {
            if (!settled) {
                settled = true;
                claims.remove(key);
            }
        }

        private void settle(Exchange exchange) {
            settled = true;
            if (exchange.isFailed()) {
                claims.remove(key);
                return;
            }
            int status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 500, Integer.class);
            if (status >= 200 && status < 300) {
                byte[] answer = StoredReply.of(exchange.getMessage()).encode();
                if (replies.put(key, answer)) {
                    claims.confirm(key);
                } else {
                    claims.remove(key);
                    LOG.warn("The answer to event {} ({} bytes) is larger than the whole replay store"
                            + " (EVENTS_REPLAY_STORE_BYTES): not kept, a redelivery of this event would be processed"
                            + " again",
                            LogText.withoutControlCharacters(key), answer.length); // the sender's text
                }
            } else {
                claims.remove(key);
            }
        }
    }
}
