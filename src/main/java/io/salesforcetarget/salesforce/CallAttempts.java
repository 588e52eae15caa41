package io.salesforcetarget.salesforce;

import java.util.concurrent.ThreadLocalRandom;

import org.apache.camel.Exchange;
import org.apache.camel.support.EventHelper;

import io.salesforcetarget.auth.SalesforceSession;
import io.salesforcetarget.auth.TokenCache;

/**
 * The steps of route {@code salesforce-call} that decide whether another attempt is due: after a failure, as
 * {@link SalesforceRetryPolicy} allows (exponential backoff with jitter); after a 401, once, with a renewed
 * session. The route loops while {@value #ATTEMPT_DUE} is true.
 * <p>
 * The loop is the route's own, not Camel's redelivery error handler: an exchange whose redeliveries are exhausted
 * is marked as handled by that error handler, and the caller's {@code onException} would never see the failure.
 * Here the failure leaves the route as the plain exception it is.
 */
public class CallAttempts {

    /** Exchange property: another attempt of the call is due. */
    public static final String ATTEMPT_DUE = "SalesforceTargetAttemptDue";
    /** Exchange property: how long to wait before the attempt that is due (millis; 0: at once). */
    public static final String RETRY_DELAY = "SalesforceTargetRetryDelay";
    /** Exchange property: the session was renewed once in this call; a second 401 is the answer. */
    static final String SESSION_RENEWED = "SalesforceTargetSessionRenewed";

    /** Camel's collision avoidance factor: each delay is randomised by ±15 %, so that retries do not align. */
    private static final double JITTER = 0.15;

    private final SalesforceRetryPolicy policy;
    private final TokenCache tokens;

    public CallAttempts(SalesforceRetryPolicy policy, TokenCache tokens) {
        this.policy = policy;
        this.tokens = tokens;
    }

    /** Before the first attempt: the call's clock, no failures, no renewal yet. */
    public void start(Exchange exchange) {
        exchange.setProperty(SalesforceRetryPolicy.CALL_STARTED, System.currentTimeMillis());
        exchange.removeProperty(SalesforceRetryPolicy.FAILED_ATTEMPTS);
        exchange.removeProperty(SESSION_RENEWED);
        exchange.setProperty(RETRY_DELAY, 0L);
        exchange.setProperty(ATTEMPT_DUE, true);
    }

    /** At the start of each attempt: no further one unless this one asks for it. */
    public void begin(Exchange exchange) {
        exchange.setProperty(ATTEMPT_DUE, false);
        exchange.setProperty(RETRY_DELAY, 0L);
    }

    /**
     * The attempt failed (the failure is in {@link Exchange#EXCEPTION_CAUGHT}): schedule another one if the policy
     * allows, reported as Camel's redelivery event; otherwise the failure goes to the caller as it is.
     */
    public void retryOrGiveUp(Exchange exchange) throws Exception {
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        if (!policy.retries(exchange, failure)) {
            throw failure;
        }
        int failed = exchange.getProperty(SalesforceRetryPolicy.FAILED_ATTEMPTS, Integer.class);
        long delay = policy.nextDelayMillis(failed);
        exchange.setProperty(RETRY_DELAY, Math.round(delay * (1 + JITTER * (2 * ThreadLocalRandom.current().nextDouble() - 1))));
        exchange.setProperty(ATTEMPT_DUE, true);
        EventHelper.notifyExchangeRedelivery(exchange.getContext(), exchange, failed);
    }

    /** Salesforce answered 401 to this attempt's session, and it was not renewed in this call yet. */
    public boolean sessionRejected(Exchange exchange) {
        return !exchange.getProperty(ATTEMPT_DUE, false, Boolean.class)
                && !exchange.getProperty(SESSION_RENEWED, false, Boolean.class)
                && Integer.valueOf(401).equals(exchange.getMessage().getHeader(SalesforceExchange.STATUS_CODE));
    }

    /** Replaces the rejected session (once, however many events saw it) and asks for one more attempt. */
    public void renewSession(Exchange exchange) {
        tokens.renew(exchange.getProperty(SalesforceBearerToken.SESSION, SalesforceSession.class));
        exchange.setProperty(SESSION_RENEWED, true);
        exchange.setProperty(ATTEMPT_DUE, true);
    }
}
