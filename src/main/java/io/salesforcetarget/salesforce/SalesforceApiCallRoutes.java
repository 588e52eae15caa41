package io.salesforcetarget.salesforce;


import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;

import io.salesforcetarget.apicall.ApiCallRequest;
import io.salesforcetarget.apicall.OperationAllowlist;
import io.salesforcetarget.auth.SalesforceSession;
import io.salesforcetarget.auth.TokenCache;
import io.salesforcetarget.settings.Coalescing;
import io.salesforcetarget.failure.EventFaultException;
import io.salesforcetarget.failure.RetryLaterException;

/**
 * The Salesforce call, usable from any Camel route without HTTP: send the request JSON (or an
 * {@link ApiCallRequest}) to {@value #API_CALL}; the result is Salesforce's body with header
 * {@value SalesforceExchange#STATUS_CODE}, or a typed failure: {@link EventFaultException} when the request is at
 * fault, {@link RetryLaterException} (or an {@link java.io.IOException}) when it is not.
 * <p>
 * Caution: the call replaces the message headers; keep what you need in exchange properties.
 */
public class SalesforceApiCallRoutes extends RouteBuilder {

    public static final String API_CALL = "direct:salesforce-apicall";
    /** One Salesforce call of a request already built: attempts with retries, and one session renewal on 401. */
    public static final String CALL = "direct:salesforce-call";
    /** One attempt: one HTTP request. */
    public static final String SEND = "direct:salesforce-send";
    public static final String API_VERSIONS = "direct:salesforce-api-versions";
    /**
     * The camel-http endpoint; the URL of each call comes from the {@code CamelHttpUri} header. A payload goes with
     * every method that can carry one, GET and DELETE included, as the original adapter sent it (camel-http drops
     * those bodies unless told). The answer carries Salesforce's headers only: the request's, the bearer token
     * among them, are not copied onto it (camel-http's {@code copyHeaders}; the copy was 2 % of the CPU samples).
     */
    public static final String SALESFORCE_HTTP_ENDPOINT = "http://salesforce-instance";
    public static final String SALESFORCE_HTTP = SALESFORCE_HTTP_ENDPOINT + "?throwExceptionOnFailure=false"
            + "&userAgent=salesforce-target&getWithBody=true&deleteWithBody=true&copyHeaders=false";

    private final TokenCache tokens;
    private final ApiVersionResolver versions;
    private final SalesforceRetryPolicy retries;
    private final OperationAllowlist allowlist;
    private final CallSlots slots;
    private final Coalescing coalescing;

    public SalesforceApiCallRoutes(TokenCache tokens, ApiVersionResolver versions, SalesforceRetryPolicy retries,
            OperationAllowlist allowlist, CallSlots slots, Coalescing coalescing) {
        this.tokens = tokens;
        this.versions = versions;
        this.retries = retries;
        this.allowlist = allowlist;
        this.slots = slots;
        this.coalescing = coalescing;
    }

    /**
     * The coalescing step, or a step that does nothing when coalescing is off; its {@link WriteCoalescer} is bound
     * as {@value CoalesceWrites#COALESCER} (the metrics read how many writes wait in it).
     */
    private Processor coalesceWrites() {
        if (!coalescing.enabled()) {
            return exchange -> {
            };
        }
        WriteCoalescer coalescer = new WriteCoalescer(slots, coalescing.maxRecords());
        getContext().getRegistry().bind(CoalesceWrites.COALESCER, coalescer);
        return new CoalesceWrites(coalescer, slots, tokens, versions, getContext().createProducerTemplate());
    }

    @Override
    public void configure() {
        CallAttempts attempts = new CallAttempts(retries, tokens);

        from(API_CALL).routeId("salesforce-apicall")
                .errorHandler(noErrorHandler()) // failures go back to the caller as they are
                .process(new ParseApiCallRequest()).id("parse-request")
                .process(allowlist).id("check-allowlist")
                .process(new BuildRequestPath()).id("build-request-path")
                .process(coalesceWrites()).id("coalesce-writes")
                .choice().id("answered-by-collection")
                    .when(exchangeProperty(CoalesceWrites.ANSWERED).isNull())
                        .to(CALL).id("send-request")
                .end()
                .process(new InterpretSalesforceResponse()).id("interpret-response");

        // Every Salesforce call, an event's own or a collection call for several events: attempts until one is
        // answered, a failure is not retried, or a 401 came after the session was renewed once.
        from(CALL).routeId("salesforce-call")
                .errorHandler(noErrorHandler())
                .process(attempts::start).id("start-attempts")
                .loopDoWhile(exchangeProperty(CallAttempts.ATTEMPT_DUE).isEqualTo(true)).id("attempts")
                    // What the last failure asks to wait (none before the first attempt); no thread waits.
                    .delay(exchangeProperty(CallAttempts.RETRY_DELAY)).asyncDelayed().id("back-off")
                    .process(attempts::begin).id("begin-attempt")
                    .doTry().id("attempt")
                        .to(SEND).id("send-attempt")
                    .doCatch(Exception.class).id("attempt-failed")
                        .process(attempts::retryOrGiveUp).id("retry-or-give-up")
                    .end()
                    .filter(attempts::sessionRejected).id("check-session")
                        .process(attempts::renewSession).id("renew-session")
                    .end()
                .end();

        from(SEND).routeId("salesforce-send")
                .errorHandler(noErrorHandler())
                .removeHeaders("*").id("drop-inbound-headers")
                .process(new SalesforceBearerToken(tokens, versions)).id("set-bearer-token")
                .process(new PrepareSalesforceRequest()).id("prepare-request")
                .process(slots::takeFor).id("take-call-slot")
                .doTry().id("hold-call-slot")
                    .to(SALESFORCE_HTTP).id("http-request")
                .doFinally().id("after-http-request")
                    .process(exchange -> slots.free()).id("free-call-slot")
                .end()
                .process(new CaptureSalesforceResponse()).id("capture-response")
                .process(new FailOnTransientStatus()).id("fail-on-transient-status");

        from(API_VERSIONS).routeId("salesforce-api-versions")
                .errorHandler(noErrorHandler())
                .removeHeaders("*").id("drop-version-list-headers")
                .process(exchange -> {
                    SalesforceSession session = exchange.getMessage().getBody(SalesforceSession.class);
                    exchange.getMessage().setHeader(Exchange.HTTP_URI, session.instanceUrl() + "/services/data");
                    exchange.getMessage().setHeader(Exchange.HTTP_METHOD, "GET");
                    exchange.getMessage().setBody(null);
                }).id("prepare-version-list-request")
                .to(SALESFORCE_HTTP).id("list-api-versions")
                .process(new CaptureSalesforceResponse()).id("capture-version-list")
                .process(new PickHighestApiVersion()).id("pick-highest-version");
    }
}
