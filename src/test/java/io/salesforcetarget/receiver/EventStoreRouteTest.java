package io.salesforcetarget.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.junit.jupiter.api.Test;

import io.salesforcetarget.StandardError;
import io.salesforcetarget.replay.EventReplay;
import io.salesforcetarget.replay.EventStore;
import io.salesforcetarget.replay.StoreUnavailableException;
import io.salesforcetarget.reply.HttpReplies;
import io.salesforcetarget.reply.ReplyEvents;
import io.salesforcetarget.server.DrainGate;
import io.salesforcetarget.settings.ReplyPolicy;

/** The receiver route with an event store that fails: no event is sent without a claim. */
class EventStoreRouteTest extends ReceiverRouteTestSupport {

    private static final String CREATE = "{\"action\":\"POST\",\"resource\":\"sobjects\",\"object\":\"Account\","
            + "\"payload\":{\"Name\":\"Acme\"}}";

    /** A store whose claims and answers can be made to fail. */
    static final class FailingStore implements EventStore {
        volatile boolean claimsFail;
        volatile boolean answersFail;
        volatile int answered;
        volatile int released;

        @Override
        public Claim claim(String key) {
            if (claimsFail) {
                throw new StoreUnavailableException("the event store did not answer within 5000 ms", null);
            }
            return new Claimed(key, "token");
        }

        @Override
        public boolean answer(Claimed claim, byte[] encodedReply) {
            if (answersFail) {
                throw new StoreUnavailableException("the event store did not answer within 5000 ms", null);
            }
            answered++;
            return true;
        }

        @Override
        public void release(Claimed claim) {
            released++;
        }
    }

    private final FailingStore store = new FailingStore();

    @Override
    ReplyPolicy policy() {
        return ReplyPolicy.ALWAYS;
    }

    @Override
    protected RoutesBuilder[] createRouteBuilders() {
        return new RoutesBuilder[] { new CloudEventsReceiverRoute(policy(),
                new HttpReplies(new ReplyEvents(REPLY_SOURCE), RETRY_AFTER_SECONDS), new DrainGate(),
                new EventReplay(store), InboundAuthentication.none()) };
    }

    @Test
    void anEventWhoseClaimCannotBeRecordedIsNotSentAndTheSenderGets503() {
        salesforce = answers(201, "{\"id\":\"001D000000IqhSLIAZ\",\"errors\":[],\"success\":true}");
        store.claimsFail = true;

        Exchange reply = sendBinary(API_CALL_TYPE, CREATE);

        assertThat(status(reply)).isEqualTo(503);
        assertThat(reply.getMessage().getHeader("Retry-After")).isEqualTo(String.valueOf(RETRY_AFTER_SECONDS));
        assertThat(new String(io.salesforcetarget.reply.ResponseBody.of(reply.getMessage())))
                .contains("event-store-unavailable");
        assertThat(salesforceCalls).as("no call without a claim").isEmpty();
    }

    @Test
    void anAnswerThatCannotBeStoredIsStillGivenToTheSenderWithAWarning() {
        salesforce = answers(201, "{\"id\":\"001D000000IqhSLIAZ\",\"errors\":[],\"success\":true}");
        store.answersFail = true;

        String[] status = new String[1];
        String log = StandardError.of(() -> status[0] = String.valueOf(status(sendBinary(API_CALL_TYPE, CREATE))));

        assertThat(status[0]).as("it was done: acknowledged").isEqualTo("200");
        assertThat(log).contains("could not be stored (the event store did not answer within 5000 ms)");
        assertThat(salesforceCalls).hasSize(1);
    }

    @Test
    void aClaimIsReleasedWhenTheEventIsNotAcknowledged() {
        salesforce = answers(503, "[{\"errorCode\":\"SERVER_UNAVAILABLE\",\"message\":\"down\"}]");

        assertThat(status(sendBinary(API_CALL_TYPE, CREATE))).isEqualTo(503);
        assertThat(store.released).isEqualTo(1);
        assertThat(store.answered).isZero();
    }
}
