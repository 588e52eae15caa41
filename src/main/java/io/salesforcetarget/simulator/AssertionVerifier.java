package io.salesforcetarget.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;

/**
 * Verifies a JWT bearer assertion the way the token endpoint does. Errors carry Salesforce's own
 * error/description pairs. Order of checks: shape and alg, iss (it selects the connected app and so the
 * certificate), signature, aud, exp, then sub/prn.
 */
final class AssertionVerifier {

    /** The login hosts every org accepts as audience. */
    private static final Set<String> LOGIN_HOSTS = Set.of("login.salesforce.com", "test.salesforce.com");

    private final SimulatorConfig config;
    private final OrgIdentity org;

    AssertionVerifier(SimulatorConfig config, OrgIdentity org) {
        this.config = config;
        this.org = org;
    }

    /** Returns the username the assertion logs in as. */
    String verify(String assertion) {
        if (assertion == null || assertion.isBlank()) {
            throw OAuthError.invalidGrant(OAuthError.INVALID_ASSERTION);
        }
        String[] parts = assertion.trim().split("\\.", -1);
        if (parts.length != 3) {
            throw OAuthError.invalidGrant(OAuthError.INVALID_ASSERTION);
        }
        JsonNode header = decodeObject(parts[0]);
        JsonNode claims = decodeObject(parts[1]);
        if (!"RS256".equals(header.path("alg").asText(null))) {
            throw OAuthError.invalidGrant(OAuthError.INVALID_ASSERTION);
        }
        checkIssuer(claims.get("iss"));
        checkSignature(parts);
        checkAudience(claims.get("aud"));
        checkExpiry(claims.get("exp"));
        return checkSubject(claims);
    }

    private static JsonNode decodeObject(String part) {
        try {
            JsonNode node = Json.MAPPER.readTree(Base64.getUrlDecoder().decode(part));
            if (node == null || !node.isObject()) {
                throw OAuthError.invalidGrant(OAuthError.INVALID_ASSERTION);
            }
            return node;
        } catch (IllegalArgumentException | IOException e) {
            throw OAuthError.invalidGrant(OAuthError.INVALID_ASSERTION);
        }
    }

    private void checkIssuer(JsonNode iss) {
        boolean known = iss != null && iss.isTextual() && !iss.asText().isEmpty()
                && (config.clientId() == null || config.clientId().equals(iss.asText()));
        if (!known) {
            throw new OAuthError("invalid_client_id", "client identifier invalid");
        }
    }

    private void checkSignature(String[] parts) {
        try {
            // Signature objects are not thread-safe, so one per call; the key itself is parsed once at start.
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initVerify(config.publicKey());
            rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (rs256.verify(Base64.getUrlDecoder().decode(parts[2]))) {
                return;
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // a malformed signature is just an invalid assertion
        }
        throw OAuthError.invalidGrant(OAuthError.INVALID_ASSERTION);
    }

    private void checkAudience(JsonNode aud) {
        // Only a single string is accepted; an array is rejected even if it holds a valid value.
        if (aud == null || !aud.isTextual() || !audienceMatches(aud.asText())) {
            throw OAuthError.invalidGrant("audience is invalid");
        }
    }

    private boolean audienceMatches(String aud) {
        if (config.strictAudience()) {
            return aud.equals("https://login.salesforce.com") || aud.equals("https://test.salesforce.com")
                    || aud.equals(org.baseUrl());
        }
        // Lenient, like real clients need: restforce sends a bare host, TriggerMesh trims the trailing "/".
        String host = aud.toLowerCase(Locale.ROOT);
        if (host.startsWith("https://")) {
            host = host.substring(8);
        } else if (host.startsWith("http://")) {
            host = host.substring(7);
        }
        while (host.endsWith("/")) {
            host = host.substring(0, host.length() - 1);
        }
        String self = org.hostAndPort();
        return LOGIN_HOSTS.contains(host) || host.equals(self)
                || host.equals(self.replace("127.0.0.1", "localhost"));
    }

    private void checkExpiry(JsonNode exp) {
        long expSeconds = epochSeconds(exp);
        long now = config.clock().millis() / 1000;
        if (expSeconds < now - config.clockSkew().toSeconds()) {
            throw OAuthError.invalidGrant("expired authorization code");
        }
        // Salesforce documents "within 3 minutes"; Camel sends 270 s, so the default window is 5 min.
        // Too far ahead is answered like any other unacceptable assertion.
        if (expSeconds > now + config.maxAssertionLifetime().toSeconds()) {
            throw OAuthError.invalidGrant(OAuthError.INVALID_ASSERTION);
        }
    }

    /** exp as a JSON number or as a numeric string (the Salesforce doc example and Camel write a string). */
    private static long epochSeconds(JsonNode exp) {
        try {
            if (exp != null && exp.isNumber()) {
                return exp.decimalValue().longValue();
            }
            if (exp != null && exp.isTextual()) {
                return new BigDecimal(exp.asText().trim()).longValue();
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw OAuthError.invalidGrant(OAuthError.INVALID_ASSERTION);
    }

    private String checkSubject(JsonNode claims) {
        // prn is the legacy name of sub; when both are present prn wins.
        JsonNode subject = claims.hasNonNull("prn") ? claims.get("prn") : claims.get("sub");
        if (subject == null || !subject.isTextual() || subject.asText().isBlank()) {
            throw OAuthError.invalidGrant(OAuthError.INVALID_ASSERTION);
        }
        String username = subject.asText();
        if (config.username() != null && !config.username().equalsIgnoreCase(username)) {
            throw OAuthError.invalidGrant("user hasn't approved this consumer");
        }
        return username;
    }
}
