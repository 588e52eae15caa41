package io.salesforcetarget.salesforce;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.SynchronizationAdapter;

import io.salesforcetarget.apicall.ApiCallRequest;
import io.salesforcetarget.apicall.PathSegments;
import io.salesforcetarget.auth.TokenCache;
import io.salesforcetarget.failure.ErrorCode;
import io.salesforcetarget.failure.EventFaultException;
import io.salesforcetarget.failure.SalesforceErrorBody;

/**
 * The coalescing step of the Salesforce call ({@code SALESFORCE_COALESCE}): a write that a collection call can
 * carry ({@link CollectionWrite}) is handed to the {@link WriteCoalescer}. It goes on alone (with its call slot
 * when it found one free), or comes back answered by a collection call, marked with {@value #ANSWERED} so the
 * route skips its own call. Anything else goes on untouched.
 * <p>
 * The collection call is an exchange of its own through {@value SalesforceApiCallRoutes#CALL}: the same attempts,
 * retries and session renewal as every call.
 */
public class CoalesceWrites implements Processor {

    /** Registry name of the {@link WriteCoalescer} of the step, when coalescing is on. */
    public static final String COALESCER = "salesforceWriteCoalescer";

    /**
     * Exchange property, {@code true}: the event was answered by a collection call, whose records are in
     * {@link SalesforceExchange#COLLECTION_RECORDS} (which a failed collection call sets too).
     */
    public static final String ANSWERED = "SalesforceTargetAnsweredByCollection";

    /** Collection resources exist from API 42.0, collection upserts from 46.0. */
    private static final double COLLECTIONS_SINCE = 42.0;
    private static final double UPSERTS_SINCE = 46.0;

    private final WriteCoalescer coalescer;
    private final CallSlots slots;
    private final TokenCache tokens;
    private final ApiVersionResolver versions;
    private final ProducerTemplate template;
    private final ObjectMapper json = new ObjectMapper();

    /** @param slots the call slots {@code coalescer} hands out */
    public CoalesceWrites(WriteCoalescer coalescer, CallSlots slots, TokenCache tokens, ApiVersionResolver versions,
            ProducerTemplate template) {
        this.coalescer = coalescer;
        this.slots = slots;
        this.tokens = tokens;
        this.versions = versions;
        this.template = template;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        ApiCallRequest request = exchange.getProperty(ApiCallRequest.PROPERTY, ApiCallRequest.class);
        Optional<CollectionWrite> write = CollectionWrite.of(request, json).filter(this::versionHasCollections);
        if (write.isEmpty()) {
            return;
        }
        WriteCoalescer.Outcome outcome;
        try {
            outcome = coalescer.submit(write.get(), writes -> send(exchange, writes));
        } catch (CollectionCallFailed failed) {
            // What the collection call left of its last attempt, as an event's own call leaves it (outcome log).
            exchange.setProperty(SalesforceExchange.COLLECTION_RECORDS, failed.records);
            if (failed.lastStatus != null) {
                exchange.setProperty(SalesforceExchange.LAST_STATUS, failed.lastStatus);
            }
            if (failed.failedAttempts != null) {
                exchange.setProperty(SalesforceRetryPolicy.FAILED_ATTEMPTS, failed.failedAttempts);
            }
            throw failed.getCause() instanceof Exception cause ? cause : failed;
        }
        if (outcome instanceof WriteCoalescer.GoAlone alone) {
            if (alone.slotTaken()) {
                CallSlots.Taken taken = new CallSlots.Taken();
                exchange.setProperty(CallSlots.TAKEN, taken);
                // Its own call uses the slot and frees it; a call that fails before its first attempt never does.
                exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
                    @Override
                    public void onDone(Exchange done) {
                        slots.freeUnused(taken);
                    }
                });
            }
        } else if (outcome instanceof WriteCoalescer.Answered answered) {
            Message message = exchange.getMessage();
            message.getHeaders().clear();
            message.setHeader(SalesforceExchange.STATUS_CODE, answered.answer().status());
            message.setBody(answered.answer().body());
            exchange.setProperty(SalesforceExchange.LAST_STATUS, answered.answer().status());
            exchange.setProperty(ANSWERED, true);
            exchange.setProperty(SalesforceExchange.COLLECTION_RECORDS, answered.records());
        }
    }

    private boolean versionHasCollections(CollectionWrite write) {
        String version = versions.version(tokens.current());
        double number = Double.parseDouble(version.startsWith("v") ? version.substring(1) : version);
        return number >= (write.operation() == CollectionWrite.Operation.UPSERT ? UPSERTS_SINCE : COLLECTIONS_SINCE);
    }

    /**
     * One collection call for {@code writes}, with the slot their leader holds; each write's outcome. A failure of
     * the call as a whole reaches every write as a {@link CollectionCallFailed}.
     */
    private List<WriteCoalescer.Outcome> send(Exchange leader, List<CollectionWrite> writes) {
        Exchange call = new DefaultExchange(leader.getContext());
        CallSlots.Taken taken = new CallSlots.Taken();
        try {
            ApiCallRequest request = CollectionCall.request(writes, json);
            call.setProperty(ApiCallRequest.PROPERTY, request);
            call.setProperty(SalesforceExchange.ENCODED_PATH, PathSegments.encode(request));
            call.setProperty(SalesforceExchange.COLLECTION_RECORDS, writes.size());
            call.setProperty(CallSlots.TAKEN, taken);
            template.send(SalesforceApiCallRoutes.CALL, call);
        } finally {
            slots.freeUnused(taken); // unless the call's first attempt used it, and freed it
        }
        try {
            return outcomes(call, writes);
        } catch (Exception failure) {
            throw new CollectionCallFailed(failure, writes.size(), call);
        }
    }

    private List<WriteCoalescer.Outcome> outcomes(Exchange call, List<CollectionWrite> writes) throws Exception {
        if (call.getException() != null) {
            throw call.getException();
        }
        int status = call.getMessage().getHeader(SalesforceExchange.STATUS_CODE, Integer.class);
        byte[] body = call.getMessage().getBody(byte[].class);
        List<WriteCoalescer.Outcome> outcomes = new ArrayList<>(writes.size());
        if (status >= 200 && status < 300) {
            try {
                for (CollectionCall.SingleAnswer answer : CollectionCall.answers(writes, body, json)) {
                    outcomes.add(new WriteCoalescer.Answered(answer, writes.size()));
                }
            } catch (IOException e) {
                // The call was made and may have written records: acknowledge, never ask for a redelivery.
                throw new EventFaultException(ErrorCode.RESPONSE_PARSING, e.getMessage());
            }
            return outcomes;
        }
        String code = SalesforceErrorBody.of(body).errorCode();
        if (FailureClasses.isNotTheEventsFault(status, code)) {
            throw new SalesforceUnavailableException(status, code);
        }
        // Salesforce refused the collection request itself, so nothing was written: each event goes alone and
        // gets its own precise answer.
        writes.forEach(write -> outcomes.add(new WriteCoalescer.GoAlone(false)));
        return outcomes;
    }

    /**
     * Carries the failure of a collection call as a whole (checked ones too, such as an {@link IOException}) to every
     * write of it, with what the call's last attempt left: the records, Salesforce's status, the failed attempts.
     */
    private static final class CollectionCallFailed extends RuntimeException {
        final int records;
        final Integer lastStatus;
        final Integer failedAttempts;

        CollectionCallFailed(Exception cause, int records, Exchange call) {
            super(cause.getMessage(), cause, false, false);
            this.records = records;
            this.lastStatus = call.getProperty(SalesforceExchange.LAST_STATUS, Integer.class);
            this.failedAttempts = call.getProperty(SalesforceRetryPolicy.FAILED_ATTEMPTS, Integer.class);
        }
    }
}
