package io.salesforcetarget.salesforce;

import java.time.Duration;

import org.apache.camel.component.http.HttpComponent;

import io.salesforcetarget.settings.Reliability;
import io.salesforcetarget.settings.TargetSettings;

/**
 * The {@code http} component every Salesforce call goes through, token request included: each call is bounded
 * (connect, wait for a pooled connection, response), and the pool size is the concurrency bound: beyond it a call
 * waits at most the pool wait, then fails (503).
 */
public final class SalesforceHttpClient {

    private SalesforceHttpClient() {
    }

    public static void configure(HttpComponent http, TargetSettings settings) {
        Reliability reliability = settings.reliability();
        int timeoutMs = millis(settings.requestTimeout());
        http.setConnectTimeout(millis(reliability.connectTimeout()));
        http.setConnectionRequestTimeout(millis(reliability.poolWait()));
        http.setResponseTimeout(timeoutMs);
        http.setSoTimeout(timeoutMs);
        http.setMaxTotalConnections(reliability.maxConcurrentCalls());
        http.setConnectionsPerRoute(reliability.maxConcurrentCalls());
        http.setFollowRedirects(false);
        // No hidden re-execution by Apache HttpClient (it would resend a GET on 503 or a broken connection):
        // what is retried, and when, is decided by the target, never below it.
        http.setAutomaticRetriesDisabled(true);
        http.setCookieManagementDisabled(true);
    }

    private static int millis(Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, duration.toMillis());
    }
}
