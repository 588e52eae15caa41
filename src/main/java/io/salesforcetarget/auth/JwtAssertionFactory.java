package io.salesforcetarget.auth;

import java.security.interfaces.RSAPrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;

import io.jsonwebtoken.Jwts;

/**
 * Builds the RS256 JWT bearer assertion Salesforce expects: {@code iss} = consumer key, {@code sub} = username,
 * {@code aud} = login server (a string, never an array: Salesforce rejects an array), {@code exp} three minutes ahead.
 */
public final class JwtAssertionFactory {

    /** Salesforce wants the assertion to expire "within 3 minutes". */
    static final Duration LIFETIME = Duration.ofMinutes(3);

    private final String clientId;
    private final String username;
    private final String audience;
    private final RSAPrivateKey key;
    private final Clock clock;

    public JwtAssertionFactory(String clientId, String username, String audience, RSAPrivateKey key, Clock clock) {
        this.clientId = clientId;
        this.username = username;
        this.audience = audience;
        this.key = key;
        this.clock = clock;
    }

    public String newAssertion() {
        return Jwts.builder()
                .header().add("typ", "JWT").and()
                .issuer(clientId)
                .subject(username)
                .audience().single(audience)
                .expiration(Date.from(clock.instant().plus(LIFETIME)))
                .signWith(key, Jwts.SIG.RS256)
                .compact();
    }

    @Override
    public String toString() {
        return "JwtAssertionFactory[iss=" + clientId + ", sub=" + username + ", aud=" + audience + "]"; // never the key
    }
}
