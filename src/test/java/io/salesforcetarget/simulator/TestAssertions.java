package io.salesforcetarget.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jsonwebtoken.Jwts;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

/** JWT bearer assertions for tests: the usual one signed with jjwt, odd ones assembled by hand. */
final class TestAssertions {

    static final String CLIENT_ID = "3MVG9-test-consumer-key";
    static final String USERNAME = "integration@example.com";
    static final String LOGIN_AUDIENCE = "https://login.salesforce.com";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TestAssertions() {
    }

    /** What a well-behaved client sends: RS256, iss, sub, aud, exp = now + 3 min. */
    @SuppressWarnings("deprecation") // audience().single(): Salesforce wants aud as a string, not an array
    static String valid() {
        return Jwts.builder()
                .issuer(CLIENT_ID)
                .subject(USERNAME)
                .audience().single(LOGIN_AUDIENCE)
                .expiration(Date.from(Instant.now().plusSeconds(180)))
                .signWith(TestKeys.privateKey(), Jwts.SIG.RS256)
                .compact();
    }

    /** Standard claims that tests then change. */
    static Map<String, Object> claims() {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", CLIENT_ID);
        claims.put("sub", USERNAME);
        claims.put("aud", LOGIN_AUDIENCE);
        claims.put("exp", Instant.now().getEpochSecond() + 180);
        return claims;
    }

    /** Header {"alg":"RS256"} (exactly what Camel sends) and the given claims, signed with {@code key}. */
    static String sign(Map<String, Object> claims, PrivateKey key) {
        return sign(Map.of("alg", "RS256"), claims, key);
    }

    static String sign(Map<String, Object> header, Map<String, Object> claims, PrivateKey key) {
        try {
            String signingInput = part(MAPPER.writeValueAsBytes(header)) + "." + part(MAPPER.writeValueAsBytes(claims));
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(key);
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + part(rs256.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String part(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
