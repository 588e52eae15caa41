package io.salesforcetarget.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * The one Salesforce session shared by all events. One login serves every event until Salesforce answers 401;
 * then {@link #renew(SalesforceSession)} drops that session, and the next {@link #current()} logs in again.
 * <p>
 * Logins are serialised and guarded by a "still the old session?" check, as Camel's own SalesforceSession does:
 * however many events see the same 401 together, exactly one token request is made and all of them use its result.
 * A failed login is not cached, so a later event tries again and the target never wedges; but no more than one
 * attempt is made per {@code minInterval}: events in between fail at once, so a broken login server is not hammered.
 */
public class TokenCache {

    private final Supplier<SalesforceSession> login;
    private final Duration minInterval;
    private final Clock clock;
    private volatile SalesforceSession session;
    private Instant lastFailureAt;
    private LoginFailedException lastFailure;

    public TokenCache(Supplier<SalesforceSession> login) {
        this(login, Duration.ZERO, Clock.systemUTC());
    }

    public TokenCache(Supplier<SalesforceSession> login, Duration minInterval, Clock clock) {
        this.login = login;
        this.minInterval = minInterval;
        this.clock = clock;
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
        Instant now = clock.instant();
        if (lastFailure != null && now.isBefore(lastFailureAt.plus(minInterval))) {
            throw new LoginFailedException(lastFailure.oauthError() == null ? "login-unavailable" : lastFailure.oauthError(),
                    "the last attempt failed " + Duration.between(lastFailureAt, now).toMillis() + " ms ago ("
                            + lastFailure.getMessage() + "); the next one is allowed after " + minInterval.toMillis()
                            + " ms");
        }
        try {
            session = login.get();
            lastFailure = null;
            return session;
        } catch (LoginFailedException e) {
            lastFailure = e;
            lastFailureAt = now;
            throw e;
        } catch (RuntimeException e) {
            lastFailure = new LoginFailedException(e.getMessage(), e);
            lastFailureAt = now;
            throw e;
        }
    }
}
