package io.salesforcetarget.auth;

import java.util.function.Supplier;

/**
 * The one Salesforce session shared by all events. One login serves every event until Salesforce answers 401;
 * then {@link #renew(SalesforceSession)} drops that session, and the next {@link #current()} logs in again.
 * <p>
 * Logins are serialised and guarded by a "still the old session?" check, as Camel's own SalesforceSession does:
 * however many events see the same 401 together, exactly one token request is made and all of them use its result.
 * A failed login is not cached, so the next event tries again; the target never wedges.
 */
public class TokenCache {

    private final Supplier<SalesforceSession> login;
    private volatile SalesforceSession session;

    public TokenCache(Supplier<SalesforceSession> login) {
        this.login = login;
    }

    /** The cached session, logging in first if there is none. */
    public SalesforceSession current() {
        SalesforceSession cached = session;
        return cached != null ? cached : loginIfStill(null);
    }

    /** Salesforce rejected {@code rejected} (401): get a new session unless another event already did. */
    public SalesforceSession renew(SalesforceSession rejected) {
        return loginIfStill(rejected);
    }

    public boolean hasSession() {
        return session != null;
    }

    private synchronized SalesforceSession loginIfStill(SalesforceSession expected) {
        if (session != expected && session != null) {
            return session; // another event logged in while we waited for the lock
        }
        session = null;
        session = login.get();
        return session;
    }
}
