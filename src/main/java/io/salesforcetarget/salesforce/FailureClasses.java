package io.salesforcetarget.salesforce;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;

/**
 * The failure classification, in one place (the README's table is this class):
 * <ul>
 * <li>Salesforce statuses that are not the event's fault: 401 (after one new login), 403 REQUEST_LIMIT_EXCEEDED,
 * 408, 429, 5xx. Every other 4xx is the event's fault.</li>
 * <li>Which of them may be retried inside the target: 408, 429 and 5xx, timeouts and broken connections, only for
 * methods that are safe to repeat; failures where Salesforce provably never saw the request (connection refused,
 * connect timeout, unknown host, no connection from the pool) for every method, POST included.</li>
 * </ul>
 */
public final class FailureClasses {

    private FailureClasses() {
    }

    /** Salesforce's answer is not the event's fault: the sender must deliver the event again later. */
    public static boolean isNotTheEventsFault(int status, String salesforceErrorCode) {
        return status == 401 || isTransient(status)
                || (status == 403 && "REQUEST_LIMIT_EXCEEDED".equals(salesforceErrorCode));
    }

    /** A status that a later attempt may not get: 408, 429, 5xx. */
    public static boolean isTransient(int status) {
        return status == 408 || status == 429 || status >= 500;
    }

    /** GET, HEAD, PUT, PATCH and DELETE may be sent twice; a POST may create twice. */
    public static boolean isSafeToRepeat(String method) {
        return !"POST".equals(method);
    }

    /** Whether {@code failure} of a {@code method} call may be retried inside the target. */
    public static boolean isRetryable(String method, Throwable failure) {
        if (failure instanceof SalesforceUnavailableException unavailable) {
            return isTransient(unavailable.statusCode()) && isSafeToRepeat(method);
        }
        if (neverReachedSalesforce(failure)) {
            return true;
        }
        return failure instanceof IOException && isSafeToRepeat(method);
    }

    /** The request provably did not reach Salesforce, so even a POST can be sent again. */
    static boolean neverReachedSalesforce(Throwable failure) {
        return failure instanceof ConnectException // includes HttpHostConnectException: refused
                || failure instanceof ConnectTimeoutException
                || failure instanceof UnknownHostException
                || failure instanceof ConnectionRequestTimeoutException // no connection from the pool
                || failure instanceof CallSlots.NoCallSlotException; // no call slot
    }
}
