package io.salesforcetarget.receiver;

import java.io.IOException;

import org.apache.camel.Predicate;
import org.apache.camel.builder.RouteBuilder;

import io.salesforcetarget.cloudevents.NotACloudEventException;
import io.salesforcetarget.cloudevents.ReadCloudEvent;
import io.salesforcetarget.failure.EventFaultException;
import io.salesforcetarget.failure.RetryLaterException;
import io.salesforcetarget.failure.UnauthenticatedException;
import io.salesforcetarget.replay.DuplicateInFlightException;
import io.salesforcetarget.replay.EventReplay;
import io.salesforcetarget.reply.HttpReplies;
import io.salesforcetarget.salesforce.SalesforceApiCallRoutes;
import io.salesforcetarget.server.DrainGate;
import io.salesforcetarget.settings.ReplyPolicy;

/**
 * The CloudEvents HTTP endpoint, a thin adapter in front of {@value SalesforceApiCallRoutes#API_CALL}: read the
 * event, answer a redelivery from the replay store, check its type, make the call, answer per reply policy.
 * Failures map to HTTP answers here and only here.
 */
public class CloudEventsReceiverRoute extends RouteBuilder {

    public static final String ENDPOINT = "platform-http:/?httpMethodRestrict=POST";

    private final ReplyPolicy policy;
    private final HttpReplies replies;
    private final DrainGate gate;
    private final EventReplay replay;
    private final InboundAuthentication authentication;

    public CloudEventsReceiverRoute(ReplyPolicy policy, HttpReplies replies, DrainGate gate, EventReplay replay,
            InboundAuthentication authentication) {
        this.policy = policy;
        this.replies = replies;
        this.gate = gate;
        this.replay = replay;
        this.authentication = authentication;
    }

    @Override
    public void configure() {
        Predicate replyOnSuccess = exchange -> policy.repliesOnSuccess();
        Predicate replyOnError = exchange -> policy.repliesOnError();

        from(ENDPOINT).routeId("cloudevents-receiver")
                // The request body is a Vert.x buffer in memory already, read once: no stream-cache copy of it.
                .streamCache("false")
                // Missing or wrong inbound credentials: 401 and nothing else.
                .onException(UnauthenticatedException.class).handled(true)
                    .process(replies::unauthorized).id("refuse-unauthenticated")
                .end()
                // Not a CloudEvent at all: nothing to reply with.
                .onException(NotACloudEventException.class).handled(true)
                    .process(replies::badRequest).id("reject-request")
                .end()
                // The event is at fault: acknowledge it, with an error event if the policy wants one.
                .onException(EventFaultException.class).handled(true)
                    .choice()
                        .when(replyOnError).process(replies::errorReply).id("reply-error")
                        .otherwise().process(replies::acknowledge).id("acknowledge-error")
                    .end()
                .end()
                // Not the event's fault: do not acknowledge, the broker must deliver it again.
                .onException(RetryLaterException.class, IOException.class).handled(true)
                    .process(replies::retryLater).id("ask-for-redelivery")
                .end()
                // Another delivery of the same event is in flight: not now, the broker retries later.
                .onException(DuplicateInFlightException.class).handled(true)
                    .process(replies::duplicateInFlight).id("refuse-duplicate")
                .end()
                .onException(Exception.class).handled(true)
                    .process(replies::internalError).id("internal-error")
                .end()
                .process(authentication).id("authenticate")
                .process(gate::admit).id("admit-event")
                .process(new ReadCloudEvent()).id("read-cloudevent")
                .process(replay::claim).id("claim-event")
                .filter(exchangeProperty(EventReplay.STORED_REPLY).isNotNull()).id("check-redelivery")
                    .process(replay::replay).id("replay-reply")
                    .process(replies::logReplay).id("log-replay")
                    .stop()
                .end()
                .process(new CheckEventType()).id("check-event-type")
                .to(SalesforceApiCallRoutes.API_CALL).id("call-salesforce")
                .choice().id("apply-reply-policy")
                    .when(replyOnSuccess).process(replies::successReply).id("reply-success")
                    .otherwise().process(replies::acknowledge).id("acknowledge-success")
                .end();
    }
}
