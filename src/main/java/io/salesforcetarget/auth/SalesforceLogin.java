package io.salesforcetarget.auth;

import java.util.function.Supplier;

import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.salesforcetarget.failure.CamelCalls;

/**
 * Performs one login through the {@value SalesforceLoginRoute#LOGIN} route; used by {@link TokenCache}.
 * A failure is logged once, clearly, with Salesforce's error and description; the same failure again is logged
 * at debug level only, until a login succeeds.
 */
public class SalesforceLogin implements Supplier<SalesforceSession> {

    private static final Logger LOG = LoggerFactory.getLogger(SalesforceLogin.class);

    private final ProducerTemplate template;
    private final String username;
    private String lastFailureLogged;

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
            lastFailureLogged = null;
            return session;
        } catch (LoginFailedException e) {
            logOnce(e.getMessage() + hint(e.oauthError()));
            throw e;
        } catch (RuntimeException e) {
            logOnce("Salesforce login failed: " + e.getMessage());
            throw new LoginFailedException(e.getMessage(), e);
        }
    }

    private synchronized void logOnce(String failure) {
        if (failure.equals(lastFailureLogged)) {
            LOG.debug("{} (again)", failure);
        } else {
            LOG.error("{}; events get 503 until a login succeeds", failure);
            lastFailureLogged = failure;
        }
    }

    /** invalid_grant and invalid_client_id are configuration errors: say which setting to look at. */
    private static String hint(String oauthError) {
        if ("invalid_client_id".equals(oauthError)) {
            return " (check SALESFORCE_AUTH_CLIENT_ID: the connected app's consumer key)";
        }
        if ("invalid_grant".equals(oauthError)) {
            return " (check SALESFORCE_AUTH_USER, SALESFORCE_AUTH_SERVER, the key, and that the user is pre-authorised"
                    + " for the connected app)";
        }
        return "";
    }
}
