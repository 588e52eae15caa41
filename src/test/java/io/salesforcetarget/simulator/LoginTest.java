package io.salesforcetarget.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LoginTest {

    private static SalesforceSimulator lenient;
    private static SalesforceSimulator strict;
    private static SimClient client;
    private static SimClient strictClient;

    @BeforeAll
    static void start() {
        lenient = SalesforceSimulator.start(SimulatorConfig.builder().publicKey(TestKeys.publicKey())
                .clientId(TestAssertions.CLIENT_ID).username(TestAssertions.USERNAME).eventLoops(1).build());
        strict = SalesforceSimulator.start(SimulatorConfig.builder().publicKey(TestKeys.publicKey())
                .strictAudience(true).eventLoops(1).build());
        client = new SimClient(lenient);
        strictClient = new SimClient(strict);
    }

    @AfterAll
    static void stop() {
        lenient.close();
        strict.close();
    }

    @Test
    void successHasTheSalesforceShape() throws Exception {
        HttpResponse<String> response = client.login(TestAssertions.valid());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        JsonNode body = SimClient.json(response);
        assertThat(body.get("access_token").asText()).matches("00D[0-9A-Za-z]{12}![0-9A-Za-z._]+");
        assertThat(body.get("access_token").asText()).startsWith(lenient.orgId().substring(0, 15) + "!");
        assertThat(body.get("instance_url").asText()).isEqualTo(lenient.baseUrl());
        assertThat(body.get("id").asText())
                .isEqualTo(lenient.baseUrl() + "/id/" + lenient.orgId() + "/" + lenient.userId());
        // Camel takes 18 characters after "id/" as the org ID.
        String id = body.get("id").asText();
        assertThat(SalesforceIds.isValid(id.substring(id.indexOf("id/") + 3, id.indexOf("id/") + 21))).isTrue();
        assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(body.get("scope").asText()).isNotEmpty();
        assertThat(body.get("issued_at").asText()).matches("\\d{13}");
        assertThat(body.get("signature").asText()).isNotEmpty();
        assertThat(body.has("expires_in")).isFalse();
        assertThat(body.has("refresh_token")).isFalse();
    }

    @Test
    void aRevokedTokenAnswers401AndRevokingItAgainIsInvalidToken() throws Exception {
        String token = client.token();
        String other = client.token();
        assertThat(client.get("/services/data/v62.0/limits", token).statusCode()).isEqualTo(200);

        HttpResponse<String> revoked = client.revoke(token);
        assertThat(revoked.statusCode()).isEqualTo(200);
        assertThat(revoked.body()).isEmpty();

        HttpResponse<String> after = client.get("/services/data/v62.0/limits", token);
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(SimClient.errorCode(after)).isEqualTo("INVALID_SESSION_ID");
        assertThat(client.get("/services/data/v62.0/limits", other).statusCode()).as("only that session")
                .isEqualTo(200);
        assertOAuthError(client.revoke(token), "invalid_token", "Token was invalid");
    }

    @Test
    void eachLoginOpensANewSession() throws Exception {
        assertThat(client.token()).isNotEqualTo(client.token());
    }

    @Test
    void extraFormFieldsAreIgnored() throws Exception {
        HttpResponse<String> response = client.tokenRequest("grant_type=" + SimClient.enc(JwtBearerLogin.GRANT_TYPE)
                + "&client_id=" + TestAssertions.CLIENT_ID + "&format=json&assertion=" + TestAssertions.valid());
        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void wrongGrantType() throws Exception {
        HttpResponse<String> response = client.tokenRequest("grant_type=password&assertion=" + TestAssertions.valid());
        assertOAuthError(response, "unsupported_grant_type", "grant type not supported");
    }

    @Test
    void badSignature() throws Exception {
        // A real RS256 signature, but over other claims: what a wrong key or tampering looks like.
        Map<String, Object> other = TestAssertions.claims();
        other.put("sub", "someone@example.com");
        String good = TestAssertions.sign(TestAssertions.claims(), TestKeys.privateKey());
        String foreign = TestAssertions.sign(other, TestKeys.privateKey());
        String mixed = good.substring(0, good.lastIndexOf('.')) + foreign.substring(foreign.lastIndexOf('.'));
        assertOAuthError(client.login(mixed), "invalid_grant", "invalid assertion");
    }

    @Test
    void garbageAssertions() throws Exception {
        for (String garbage : List.of("not-a-jwt", "a.b.c", "", TestAssertions.valid() + "x")) {
            assertOAuthError(client.login(garbage), "invalid_grant", "invalid assertion");
        }
    }

    @Test
    void onlyRs256IsAccepted() throws Exception {
        String hs = TestAssertions.sign(Map.of("alg", "HS256"), TestAssertions.claims(), TestKeys.privateKey());
        assertOAuthError(client.login(hs), "invalid_grant", "invalid assertion");
        String withTyp = TestAssertions.sign(Map.of("alg", "RS256", "typ", "JWT"), TestAssertions.claims(),
                TestKeys.privateKey());
        assertThat(client.login(withTyp).statusCode()).isEqualTo(200);
    }

    @Test
    void unknownIssuer() throws Exception {
        Map<String, Object> claims = TestAssertions.claims();
        claims.put("iss", "someone-else");
        assertOAuthError(client.login(TestAssertions.sign(claims, TestKeys.privateKey())),
                "invalid_client_id", "client identifier invalid");
    }

    @Test
    void wrongSubject() throws Exception {
        Map<String, Object> claims = TestAssertions.claims();
        claims.put("sub", "intruder@example.com");
        assertOAuthError(client.login(TestAssertions.sign(claims, TestKeys.privateKey())),
                "invalid_grant", "user hasn't approved this consumer");
    }

    @Test
    void prnWinsOverSub() throws Exception {
        Map<String, Object> claims = TestAssertions.claims();
        claims.put("sub", "intruder@example.com");
        claims.put("prn", TestAssertions.USERNAME);
        assertThat(client.login(TestAssertions.sign(claims, TestKeys.privateKey())).statusCode()).isEqualTo(200);
    }

    @Test
    void expiredAssertion() throws Exception {
        Map<String, Object> claims = TestAssertions.claims();
        claims.put("exp", Instant.now().getEpochSecond() - 30);
        assertOAuthError(client.login(TestAssertions.sign(claims, TestKeys.privateKey())),
                "invalid_grant", "expired authorization code");
    }

    @Test
    void expiryTooFarAhead() throws Exception {
        Map<String, Object> claims = TestAssertions.claims();
        claims.put("exp", Instant.now().getEpochSecond() + 3600);
        assertOAuthError(client.login(TestAssertions.sign(claims, TestKeys.privateKey())),
                "invalid_grant", "invalid assertion");
    }

    @Test
    void expAsStringAndCamelsLifetimeAreAccepted() throws Exception {
        Map<String, Object> claims = TestAssertions.claims();
        claims.put("exp", Long.toString(Instant.now().getEpochSecond() + 270));
        assertThat(client.login(TestAssertions.sign(claims, TestKeys.privateKey())).statusCode()).isEqualTo(200);
    }

    @Test
    void lenientAudienceForms() throws Exception {
        String self = lenient.baseUrl();
        for (String aud : List.of("login.salesforce.com", "https://login.salesforce.com/", "https://test.salesforce.com",
                self, self + "/", self.substring("http://".length()))) {
            Map<String, Object> claims = TestAssertions.claims();
            claims.put("aud", aud);
            assertThat(client.login(TestAssertions.sign(claims, TestKeys.privateKey())).statusCode()).as(aud).isEqualTo(200);
        }
    }

    @Test
    void wrongOrArrayAudience() throws Exception {
        for (Object aud : List.of("https://evil.example.com", List.of("https://login.salesforce.com"))) {
            Map<String, Object> claims = TestAssertions.claims();
            claims.put("aud", aud);
            assertOAuthError(client.login(TestAssertions.sign(claims, TestKeys.privateKey())),
                    "invalid_grant", "audience is invalid");
        }
    }

    @Test
    void strictAudienceRejectsBareHost() throws Exception {
        Map<String, Object> claims = TestAssertions.claims();
        claims.put("aud", "login.salesforce.com");
        assertOAuthError(strictClient.login(TestAssertions.sign(claims, TestKeys.privateKey())),
                "invalid_grant", "audience is invalid");
        claims.put("aud", strict.baseUrl());
        assertThat(strictClient.login(TestAssertions.sign(claims, TestKeys.privateKey())).statusCode()).isEqualTo(200);
    }

    @Test
    void withoutExpectedClientAndUserAnyAreAccepted() throws Exception {
        Map<String, Object> claims = TestAssertions.claims();
        claims.put("iss", "any-client");
        claims.put("sub", "anyone@example.com");
        assertThat(strictClient.login(TestAssertions.sign(claims, TestKeys.privateKey())).statusCode()).isEqualTo(200);
    }

    @Test
    void getIsRefused() throws Exception {
        HttpResponse<String> response = client.get("/services/oauth2/token", null);
        assertOAuthError(response, "invalid_request", "must use HTTP POST");
    }

    @Test
    void bothAuthorizationSchemesAreAccepted() throws Exception {
        String token = client.token();
        assertThat(client.get("/services/data/v66.0/limits", token).statusCode()).isEqualTo(200);
        HttpResponse<String> oauth = client.http().send(client.request("GET", "/services/data/v66.0/limits", null, null)
                .header("Authorization", "OAuth " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(oauth.statusCode()).isEqualTo(200);
    }

    @Test
    void expiredSessionsAnswer401UntilANewLogin() throws Exception {
        String token = client.token();
        lenient.expireAllSessions();
        HttpResponse<String> expired = client.get("/services/data/v66.0/limits", token);
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(expired.body()).isEqualTo("[{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\"}]");
        assertThat(expired.headers().firstValue("Content-Type")).hasValue("application/json;charset=UTF-8");

        String fresh = client.token();
        assertThat(client.get("/services/data/v66.0/limits", fresh).statusCode()).isEqualTo(200);
        assertThat(lenient.revokeSession(fresh)).isTrue();
        assertThat(client.get("/services/data/v66.0/limits", fresh).statusCode()).isEqualTo(401);
        assertThat(client.get("/services/data/v66.0/limits", null).statusCode()).isEqualTo(401);
        assertThat(client.get("/services/data/v66.0/limits", "00Dnot-a-token").statusCode()).isEqualTo(401);
    }

    private static void assertOAuthError(HttpResponse<String> response, String error, String description) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonNode body = SimClient.json(response);
        assertThat(body.get("error").asText()).isEqualTo(error);
        assertThat(body.get("error_description").asText()).isEqualTo(description);
    }
}
