package io.salesforcetarget.receiver;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.platform.http.vertx.HttpMessage;
import org.apache.camel.Processor;

import io.salesforcetarget.failure.UnauthenticatedException;
import io.salesforcetarget.settings.Security;

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
        String header = authorization(exchange.getMessage()).trim();
        int space = header.indexOf(' ');
        String givenScheme = space < 0 ? "" : header.substring(0, space);
        String given = space < 0 ? "" : header.substring(space + 1).trim();
        boolean schemeMatches = givenScheme.toLowerCase(Locale.ROOT).equals(scheme.toLowerCase(Locale.ROOT));
        boolean credentialsMatch = MessageDigest.isEqual(sha256(given), expectedDigest);
        if (!(schemeMatches & credentialsMatch)) {
            throw new UnauthenticatedException(scheme + " realm=\"salesforce-target\"");
        }
    }

    /**
     * The request's own Authorization header. Not the Camel message header: platform-http also copies the fields of
     * a form-urlencoded body into message headers, so a form field named Authorization must not count. Anything
     * but exactly one header is no credentials. (Reached without platform-http, as in route tests, the message
     * header is all there is.)
     */
    private static String authorization(Message message) {
        if (message instanceof HttpMessage http && http.getRequest() != null) {
            List<String> values = http.getRequest().headers().getAll("Authorization");
            return values.size() == 1 ? values.get(0) : "";
        }
        return message.getHeader("Authorization", "", String.class);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
