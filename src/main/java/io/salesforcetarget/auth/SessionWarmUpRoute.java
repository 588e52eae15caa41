package io.salesforcetarget.auth;

import java.time.Duration;

import org.apache.camel.builder.RouteBuilder;

/**
 * Logs in at start, and again whenever there is no session, instead of waiting for the first event: readiness
 * depends on holding a session, and Knative sends no event to a replica that is not ready.
 */
public class SessionWarmUpRoute extends RouteBuilder {

    private final TokenCache tokens;
    private final Duration period;

    public SessionWarmUpRoute(TokenCache tokens, Duration period) {
        this.tokens = tokens;
        this.period = period;
    }

    @Override
    public void configure() {
        from("timer:session-warm-up?delay=0&period=" + period.toMillis()).routeId("session-warm-up")
                // SalesforceLogin has logged the failure; the next tick tries again.
                .onException(Exception.class).handled(true).end()
                .filter(exchange -> !tokens.hasSession()).id("without-session")
                    .process(exchange -> tokens.current()).id("log-in")
                .end();
    }
}
