package io.salesforcetarget.simulator;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Live access tokens. A token is a session: it lives until it is idle for the session timeout (every
 * API call restarts the timer), or until it is expired or revoked on purpose. Each login makes a new one.
 */
public final class Sessions {

    private static final char[] TOKEN_CHARS =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._".toCharArray();

    private final Map<String, Session> byToken = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final String orgId15;
    private final Duration idleTimeout;
    private final Clock clock;

    Sessions(String orgId15, Duration idleTimeout, Clock clock) {
        this.orgId15 = orgId15;
        this.idleTimeout = idleTimeout;
        this.clock = clock;
    }

    /**
     * Opens a session for {@code username} (the login's subject); the token looks like a real one: 15-char org ID,
     * "!", opaque text.
     */
    String open(String username) {
        StringBuilder token = new StringBuilder(orgId15).append("!AQ");
        for (int i = 0; i < 96; i++) {
            token.append(TOKEN_CHARS[random.nextInt(TOKEN_CHARS.length)]);
        }
        String value = token.toString();
        byToken.put(value, new Session(username, clock.millis()));
        return value;
    }

    /** True if the token names a live session; a hit counts as activity. */
    boolean touch(String token) {
        return username(token) != null;
    }

    /** The username of the live session the token names (a hit counts as activity), or null. */
    String username(String token) {
        if (token == null) {
            return null;
        }
        Session session = byToken.get(token);
        if (session == null) {
            return null;
        }
        long now = clock.millis();
        if (now - session.lastActivity > idleTimeout.toMillis()) {
            byToken.remove(token, session);
            return null;
        }
        session.lastActivity = now;
        return session.username;
    }

    /** Ends every session, as an admin "expire all sessions" or an org-wide timeout would. */
    public void expireAll() {
        byToken.clear();
    }

    /** Ends one session; returns whether it was live. */
    public boolean revoke(String token) {
        return token != null && byToken.remove(token) != null;
    }

    public int liveCount() {
        return byToken.size();
    }

    private static final class Session {
        final String username;
        volatile long lastActivity;

        Session(String username, long lastActivity) {
            this.username = username;
            this.lastActivity = lastActivity;
        }
    }
}
