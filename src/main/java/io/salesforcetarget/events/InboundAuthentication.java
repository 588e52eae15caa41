package io.salesforcetarget.events;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import io.salesforcetarget.config.Security;

/**
 * Optional authentication of the CloudEvents endpoint: a static bearer token ({@code EVENTS_AUTH_TOKEN}) or HTTP
 * Basic ({@code EVENTS_AUTH_USERNAME}/{@code EVENTS_AUTH_PASSWORD}). Credentials are compared as SHA-256 digests
 * with {@link MessageDigest#isEqual}, in constant time and without revealing their length. Off by default: inside a
 * cluster the broker is usually the only caller. (Camel's own server authentication needs a users file or a JWT
 * keystore; a static token from the environment is what Knative users configure.)
 */
public final class InboundAuthentication implements Processor {

    private final String scheme;
    private final byte[] expectedDigest;

    private InboundAuthentication(String scheme, String credentials) {
        this.scheme = scheme;
        this.expectedDigest = credentials == null ? null : sha256(credentials);
    }

    public static InboundAuthentication of(Security security) {
        if (security.inboundBearerToken() != null) {
            return new InboundAuthentication("Bearer", security.inboundBearerToken());
        }
        if (security.inboundUser() != null) {
            return new InboundAuthentication("Basic", Base64.getEncoder().encodeToString(
                    (security.inboundUser() + ":" + security.inboundPassword()).getBytes(StandardCharsets.UTF_8)));
        }
        return none();
    }

    public static InboundAuthentication none() {
        return new InboundAuthentication(null, null);
    }

    @Override
    public void process(Exchange exchange) {
        if (expectedDigest == null) {
            return;
        }
        String header = exchange.getMessage().getHeader("Authorization", "", String.class).trim();
        int space = header.indexOf(' ');
        String givenScheme = space < 0 ? "" : header.substring(0, space);
        String given = space < 0 ? "" : header.substring(space + 1).trim();
        boolean schemeMatches = givenScheme.toLowerCase(Locale.ROOT).equals(scheme.toLowerCase(Locale.ROOT));
        boolean credentialsMatch = MessageDigest.isEqual(sha256(given), expectedDigest);
        if (!(schemeMatches & credentialsMatch)) {
            throw new UnauthenticatedException(scheme + " realm=\"salesforce-target\"");
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
