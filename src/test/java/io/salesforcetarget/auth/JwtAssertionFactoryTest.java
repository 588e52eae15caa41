package io.salesforcetarget.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.SignatureException;
import org.junit.jupiter.api.Test;

import io.salesforcetarget.simulator.TestKeys;

class JwtAssertionFactoryTest {

    private static final Instant NOW = Instant.ofEpochSecond(1_760_000_000L);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final JwtAssertionFactory factory = new JwtAssertionFactory("3MVG9-consumer-key", "integration@example.com",
            "https://login.salesforce.com", TestKeys.privateKey(), Clock.fixed(NOW, ZoneOffset.UTC));

    private static Jws<Claims> verify(String jwt) {
        return Jwts.parser().verifyWith(TestKeys.publicKey()).clock(() -> Date.from(NOW)).build().parseSignedClaims(jwt);
    }

    private static JsonNode decodedPart(String jwt, int index) throws Exception {
        return MAPPER.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[index]));
    }

    @Test
    void signedWithRs256ByTheConfiguredKey() {
        Jws<Claims> jws = verify(factory.newAssertion());
        assertThat(jws.getHeader().getAlgorithm()).isEqualTo("RS256");
        assertThat(jws.getHeader().getType()).isEqualTo("JWT");
    }

    @Test
    void anotherKeyDoesNotVerifyIt() {
        String jwt = factory.newAssertion();
        assertThatThrownBy(() -> Jwts.parser().verifyWith(TestKeys.otherPublicKey()).clock(() -> Date.from(NOW))
                .build().parseSignedClaims(jwt)).isInstanceOf(SignatureException.class);
    }

    @Test
    void claimsAreIssuerSubjectAudienceAndExpiry() {
        Claims claims = verify(factory.newAssertion()).getPayload();
        assertThat(claims.getIssuer()).isEqualTo("3MVG9-consumer-key");
        assertThat(claims.getSubject()).isEqualTo("integration@example.com");
        assertThat(claims.getAudience()).containsExactly("https://login.salesforce.com");
        assertThat(claims.getExpiration().toInstant()).isEqualTo(NOW.plusSeconds(180));
        assertThat(claims.getExpiration().toInstant()).isBeforeOrEqualTo(NOW.plusSeconds(180));
    }

    @Test
    void wireFormatHasAStringAudienceAndNoOtherClaims() throws Exception {
        String jwt = factory.newAssertion();
        JsonNode header = decodedPart(jwt, 0);
        JsonNode payload = decodedPart(jwt, 1);

        assertThat(header.get("alg").asText()).isEqualTo("RS256");
        assertThat(payload.get("aud").isTextual()).as("aud must be a JSON string, Salesforce rejects an array").isTrue();
        assertThat(payload.get("iss").isTextual()).isTrue();
        assertThat(payload.get("sub").isTextual()).isTrue();
        assertThat(payload.get("exp").isNumber()).isTrue();
        assertThat(payload.get("exp").asLong()).isEqualTo(NOW.getEpochSecond() + 180);
        assertThat(payload.properties()).extracting(java.util.Map.Entry::getKey)
                .containsExactlyInAnyOrder("iss", "sub", "aud", "exp");
    }

    @Test
    void expiryFollowsTheClock() {
        Instant later = NOW.plusSeconds(3600);
        JwtAssertionFactory laterFactory = new JwtAssertionFactory("c", "u", "https://test.salesforce.com",
                TestKeys.privateKey(), Clock.fixed(later, ZoneOffset.UTC));
        Claims claims = Jwts.parser().verifyWith(TestKeys.publicKey()).clock(() -> Date.from(later)).build()
                .parseSignedClaims(laterFactory.newAssertion()).getPayload();
        assertThat(claims.getExpiration().toInstant()).isEqualTo(later.plusSeconds(180));
    }

    @Test
    void toStringHoldsNoKeyMaterial() {
        String text = factory.toString();
        String encodedKey = Base64.getEncoder().encodeToString(TestKeys.privateKey().getEncoded());
        assertThat(text).contains("3MVG9-consumer-key", "integration@example.com", "https://login.salesforce.com");
        assertThat(text).doesNotContain(encodedKey.substring(40, 80))
                .doesNotContain(TestKeys.privateKey().getPrivateExponent().toString().substring(0, 20))
                .doesNotContain(TestKeys.privateKey().getModulus().toString().substring(0, 20))
                .doesNotContainIgnoringCase("PRIVATE");
    }
}
