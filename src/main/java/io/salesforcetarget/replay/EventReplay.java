package io.salesforcetarget.replay;

import io.cloudevents.CloudEvent;
import org.apache.camel.Exchange;
import org.apache.camel.Route;
import org.apache.camel.spi.SynchronizationRouteAware;
import org.apache.camel.support.SynchronizationAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.salesforcetarget.cloudevents.InboundEvent;
import io.salesforcetarget.failure.LogText;

/**
 * Brokers redeliver; Salesforce must not see an event twice. Every event is keyed by ({@code source}, {@code id})
 * in an {@link EventStore} (this process's memory, or PostgreSQL shared by every replica):
 * <ul>
 * <li>the first delivery claims the key and goes on;</li>
 * <li>a redelivery of an event that was acknowledged (any 2xx answer) gets the same answer again, without calling
 * Salesforce;</li>
 * <li>a redelivery while another delivery holds the claim gets 409 + Retry-After;</li>
 * <li>a delivery that was not acknowledged (503, 500) releases its claim: it is not remembered;</li>
 * <li>when the store cannot be reached, the event is not sent ({@link StoreUnavailableException}: 503).</li>
 * </ul>
 * An answer larger than the store keeps is not kept, and its claim is released at once: a redelivery of that event
 * is processed again (logged as a warning when it happens).
 * <p>
 * The answer is remembered (or the claim released) as soon as the receiving route has finished, on the thread that
 * ran it, before the answer is written: not when the exchange is done, which platform-http-vertx signals on the
 * listener's one event loop thread, where the store's locks or a database round trip would stall every connection.
 */
public class EventReplay {

    private static final Logger LOG = LoggerFactory.getLogger(EventReplay.class);

    /** Exchange property: the answer to replay for a redelivered event. */
    public static final String STORED_REPLY = "SalesforceTargetStoredReply";

    private final EventStore store;

    /** No replay at all: every delivery is processed (for route tests and embedding without the receiver). */
    public static EventReplay none() {
        return new EventReplay(null);
    }

    public EventReplay(EventStore store) {
        this.store = store;
    }

    /** Claims the event, or finds its stored answer, or refuses it while another delivery is in flight. */
    public void claim(Exchange exchange) {
        if (store == null) {
            return;
        }
        CloudEvent event = exchange.getProperty(InboundEvent.PROPERTY, InboundEvent.class).event();
        EventStore.Claim claim = store.claim(event.getSource() + " " + event.getId());
        if (claim instanceof EventStore.Claimed claimed) {
            exchange.getExchangeExtension().addOnCompletion(new RememberOrRelease(claimed));
        } else if (claim instanceof EventStore.Answered answered) {
            exchange.setProperty(STORED_REPLY, answered.reply());
        } else {
            throw new DuplicateInFlightException(event.getSource().toString(), event.getId());
        }
    }

    /** Answers a redelivered event as its first delivery was answered. */
    public void replay(Exchange exchange) {
        exchange.getProperty(STORED_REPLY, StoredReply.class).writeTo(exchange.getMessage());
    }

    /**
     * When the route that received the event has finished (or, if it never finishes, when the exchange is done): an
     * acknowledged event is remembered with its answer; anything else is released.
     */
    private final class RememberOrRelease extends SynchronizationAdapter implements SynchronizationRouteAware {
        private final EventStore.Claimed claim;
        private volatile boolean settled;

        RememberOrRelease(EventStore.Claimed claim) {
            this.claim = claim;
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
                release();
            }
        }

        private void settle(Exchange exchange) {
            settled = true;
            int status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 500, Integer.class);
            if (exchange.isFailed() || status < 200 || status >= 300) {
                release();
                return;
            }
            byte[] answer = StoredReply.of(exchange.getMessage()).encode();
            String key = LogText.withoutControlCharacters(claim.key()); // the sender's text
            try {
                if (!store.answer(claim, answer)) {
                    LOG.warn("The answer to event {} ({} bytes) is larger than the whole replay store"
                            + " (EVENTS_REPLAY_STORE_BYTES): not kept, a redelivery of this event would be processed"
                            + " again", key, answer.length);
                }
            } catch (StoreUnavailableException e) {
                // Acknowledged all the same: it was done. A redelivery after the claim's lease is processed again.
                LOG.warn("The answer to event {} could not be stored ({}): a redelivery after the claim's lease"
                        + " would be processed again", key, e.getMessage());
            }
        }

        private void release() {
            try {
                store.release(claim);
            } catch (StoreUnavailableException e) {
                LOG.warn("The claim of event {} could not be released ({}): a redelivery waits for its lease to end",
                        LogText.withoutControlCharacters(claim.key()), e.getMessage());
            }
        }
    }
}
