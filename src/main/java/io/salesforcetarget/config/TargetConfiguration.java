package io.salesforcetarget.config;

import java.time.Clock;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.spi.PropertiesComponent;

import io.vertx.core.VertxOptions;

import io.salesforcetarget.auth.JwtAssertionFactory;
import io.salesforcetarget.auth.SalesforceLogin;
import io.salesforcetarget.auth.SalesforceLoginRoute;
import io.salesforcetarget.auth.TokenCache;
import io.salesforcetarget.events.CloudEventsReceiverRoute;
import io.salesforcetarget.reply.HttpReplies;
import io.salesforcetarget.reply.ReplyEvents;
import io.salesforcetarget.salesforce.ApiVersionResolver;
import io.salesforcetarget.salesforce.CamelCalls;
import io.salesforcetarget.salesforce.SalesforceApiCallRoutes;

/**
 * Reads the configuration in one place, then wires the beans and routes by constructor: auth (JWT login, token
 * cache), the Salesforce call, and the CloudEvents receiver with its replies.
 */
public class TargetConfiguration implements CamelConfiguration {

    /**
     * How many events are handled, and Salesforce calls made, at once. Each event holds a Vert.x worker thread
     * and a pooled connection for the whole Salesforce round trip; the defaults (20 of each) capped throughput
     * at 20 / Salesforce's latency, e.g. 900 events/s at 20 ms whatever the senders' concurrency.
     * More than this costs CPU on two cores when Salesforce answers at once (thread contention).
     */
    public static final int CONCURRENT_CALLS = 64;

    @Override
    public void configure(CamelContext context) throws Exception {
        PropertiesComponent properties = context.getPropertiesComponent();
        TargetSettings settings = TargetSettings.load(key -> properties.resolveProperty(key).orElse(""));
        context.getRegistry().bind("targetSettings", settings);
        // The CloudEvents listener's Vert.x (camel-platform-http-main creates it with the options it finds here).
        context.getRegistry().bind("vertxOptions", new VertxOptions().setWorkerPoolSize(CONCURRENT_CALLS));

        configureHttpClient(context.getComponent("http", HttpComponent.class), settings);

        ProducerTemplate template = context.createProducerTemplate();
        TokenCache tokens = new TokenCache(new SalesforceLogin(template, settings.username()));
        ApiVersionResolver versions = new ApiVersionResolver(settings.apiVersion(),
                session -> CamelCalls.request(template, SalesforceApiCallRoutes.API_VERSIONS, session, String.class,
                        "Salesforce API version discovery failed"));
        context.getRegistry().bind("tokenCache", tokens);
        context.getRegistry().bind("apiVersionResolver", versions);

        JwtAssertionFactory assertions = new JwtAssertionFactory(settings.clientId(), settings.username(),
                settings.authServer(), settings.privateKey(), Clock.systemUTC());
        HttpReplies replies = new HttpReplies(new ReplyEvents(settings.replySource()), settings.retryAfterSeconds());

        context.addRoutes(new SalesforceLoginRoute(assertions, settings.authServer()));
        context.addRoutes(new SalesforceApiCallRoutes(tokens, versions));
        context.addRoutes(new CloudEventsReceiverRoute(settings.replyPolicy(), replies));
    }

    /** Every Salesforce call, token request included, is bounded by the request timeout. */
    public static void configureHttpClient(HttpComponent http, TargetSettings settings) {
        int timeoutMs = (int) Math.min(Integer.MAX_VALUE, settings.requestTimeout().toMillis());
        http.setConnectTimeout(timeoutMs);
        http.setConnectionRequestTimeout(timeoutMs);
        http.setResponseTimeout(timeoutMs);
        http.setSoTimeout(timeoutMs);
        http.setFollowRedirects(false);
        // No hidden re-execution by Apache HttpClient (it would resend a GET on 503 or a broken connection):
        // what is retried, and when, is decided by the target, never below it.
        http.setAutomaticRetriesDisabled(true);
        http.setCookieManagementDisabled(true);
        // One Salesforce host: as many connections to it as events handled at once (see CONCURRENT_CALLS).
        http.setMaxTotalConnections(CONCURRENT_CALLS);
        http.setConnectionsPerRoute(CONCURRENT_CALLS);
    }
}
