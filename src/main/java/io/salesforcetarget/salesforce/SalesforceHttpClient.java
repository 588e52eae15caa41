package io.salesforcetarget.salesforce;

import java.time.Duration;

import org.apache.camel.component.http.HttpComponent;
import org.apache.hc.client5.http.impl.ChainElement;

import io.salesforcetarget.settings.Reliability;
import io.salesforcetarget.settings.TargetSettings;

/**
 * The {@code http} component every Salesforce call goes through, token request included: each call is bounded
 * (connect, wait for a pooled connection, response), and the pool size is the concurrency bound: beyond it a call
 * waits at most the pool wait, then fails (503). The response is bounded by a {@link CallDeadline} on the whole call,
 * not by the socket's timeout, which costs a JDK timer per read on a virtual thread.
 */
public final class SalesforceHttpClient {

    private SalesforceHttpClient() {
    }

    /** Configures {@code http}; the caller adds the returned deadline to Camel's services, to stop with it. */
    public static CallDeadline configure(HttpComponent http, TargetSettings settings) {
        Reliability reliability = settings.reliability();
        CallDeadline deadline = new CallDeadline(settings.requestTimeout());
        http.setConnectTimeout(millis(reliability.connectTimeout()));
        http.setConnectionRequestTimeout(millis(reliability.poolWait()));
        // No socket timeout (0: none): the deadline bounds the call from the request sent to the answer's last byte.
        http.setResponseTimeout(0);
        http.setSoTimeout(0);
        // Armed once the connection is leased and connected (each bounded by its own timeout, above), around the
        // exchange on it: a deadline that passed while waiting for a connection would have nothing to close.
        http.setHttpClientConfigurer(builder -> builder.addExecInterceptorBefore(ChainElement.MAIN_TRANSPORT.name(),
                CallDeadline.NAME, deadline));
        http.setMaxTotalConnections(reliability.maxConcurrentCalls());
        http.setConnectionsPerRoute(reliability.maxConcurrentCalls());
        http.setFollowRedirects(false);
        // No hidden re-execution by Apache HttpClient (it would resend a GET on 503 or a broken connection):
        // what is retried, and when, is decided by the target, never below it.
        http.setAutomaticRetriesDisabled(true);
        http.setCookieManagementDisabled(true);
        return deadline;
    }

    private static int millis(Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, duration.toMillis());
    }
}
