package io.salesforcetarget.auth;

import java.util.function.Supplier;

import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.salesforcetarget.salesforce.CamelCalls;

/** Performs one login through the {@value SalesforceLoginRoute#LOGIN} route; used by {@link TokenCache}. */
public class SalesforceLogin implements Supplier<SalesforceSession> {

    private static final Logger LOG = LoggerFactory.getLogger(SalesforceLogin.class);

    private final ProducerTemplate template;
    private final String username;

    public SalesforceLogin(ProducerTemplate template, String username) {
        this.template = template;
        this.username = username;
    }

    @Override
    public SalesforceSession get() {
        try {
            SalesforceSession session = CamelCalls.request(template, SalesforceLoginRoute.LOGIN, null,
                    SalesforceSession.class, "the Salesforce login server is unreachable");
            LOG.info("Logged in to Salesforce as {} on {}", username, session.instanceUrl());
            return session;
        } catch (LoginFailedException e) {
            LOG.warn("{}", e.getMessage());
            throw e;
        } catch (RuntimeException e) {
            LOG.warn("Salesforce login failed: {}", e.getMessage());
            throw new LoginFailedException(e.getMessage(), e);
        }
    }
}
