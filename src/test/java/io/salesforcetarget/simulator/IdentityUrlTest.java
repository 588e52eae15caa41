package io.salesforcetarget.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The identity URL a login answers in {@code id}: what it says about the user and the org, and its errors. */
class IdentityUrlTest extends OneSimulatorPerClass {

    @Test
    void theLoginsIdIsTheIdentityOfTheUserWhoLoggedIn() throws Exception {
        JsonNode login = SimClient.json(client.login(TestAssertions.valid()));
        String id = login.get("id").asText();
        String token = login.get("access_token").asText();
        long apiCalls = sim.counters().apiCalls();

        HttpResponse<String> response = get(id, "Bearer " + token);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json;charset=UTF-8");
        assertThat(response.headers().firstValue("Sforce-Limit-Info")).isEmpty();
        assertThat(sim.counters().apiCalls()).isEqualTo(apiCalls);
        JsonNode identity = SimClient.json(response);
        assertThat(identity.get("id").asText()).isEqualTo(id);
        assertThat(identity.get("asserted_user").asBoolean()).isTrue();
        assertThat(identity.get("user_id").asText()).isEqualTo(sim.userId());
        assertThat(identity.get("organization_id").asText()).isEqualTo(sim.orgId());
        assertThat(identity.get("username").asText()).isEqualTo(TestAssertions.USERNAME);
        assertThat(identity.get("email").asText()).isEqualTo(TestAssertions.USERNAME);
        assertThat(identity.get("nick_name").asText()).isEqualTo("integration");
        assertThat(identity.get("display_name").asText()).isNotBlank();
        assertThat(identity.get("active").asBoolean()).isTrue();
        assertThat(identity.get("user_type").asText()).isEqualTo("STANDARD");
        assertThat(identity.get("language").asText()).isEqualTo("en_US");
        assertThat(identity.get("locale").asText()).isEqualTo("en_US");
        assertThat(identity.get("utcOffset").isInt()).isTrue();
        assertThat(identity.get("last_modified_date").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
        assertThat(identity.get("is_app_installed").asBoolean()).isTrue();
        assertThat(identity.get("photos").has("picture")).isTrue();

        JsonNode urls = identity.get("urls");
        String base = sim.baseUrl();
        String org15 = sim.orgId().substring(0, 15);
        assertThat(urls.get("rest").asText()).isEqualTo(base + "/services/data/v{version}/");
        assertThat(urls.get("sobjects").asText()).isEqualTo(base + "/services/data/v{version}/sobjects/");
        assertThat(urls.get("search").asText()).isEqualTo(base + "/services/data/v{version}/search/");
        assertThat(urls.get("query").asText()).isEqualTo(base + "/services/data/v{version}/query/");
        assertThat(urls.get("recent").asText()).isEqualTo(base + "/services/data/v{version}/recent/");
        assertThat(urls.get("enterprise").asText()).isEqualTo(base + "/services/Soap/c/{version}/" + org15);
        assertThat(urls.get("metadata").asText()).isEqualTo(base + "/services/Soap/m/{version}/" + org15);
        assertThat(urls.get("partner").asText()).isEqualTo(base + "/services/Soap/u/{version}/" + org15);
        assertThat(urls.get("profile").asText()).isEqualTo(base + "/" + sim.userId());
    }

    @Test
    void theTokenMayComeAsAParameterOrInAForm() throws Exception {
        String token = client.token();
        String id = identityUrl();

        assertThat(get(id, "OAuth " + token).statusCode()).isEqualTo(200);
        assertThat(get(id + "?access_token=" + SimClient.enc(token), null).statusCode()).isEqualTo(200);
        assertThat(get(id + "?oauth_token=" + SimClient.enc(token), null).statusCode()).isEqualTo(200);
        HttpResponse<String> posted = client.http().send(HttpRequest.newBuilder(URI.create(id)).timeout(SimClient.TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("access_token=" + SimClient.enc(token))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).isEqualTo(200);
        assertThat(SimClient.json(posted).get("user_id").asText()).isEqualTo(sim.userId());
        // 15-character IDs and a trailing slash name the same identity
        String short15 = sim.baseUrl() + "/id/" + sim.orgId().substring(0, 15) + "/" + sim.userId().substring(0, 15) + "/";
        assertThat(get(short15, "Bearer " + token).statusCode()).isEqualTo(200);
    }

    @Test
    void versionFillsTheUrlsAndAnUnservedOneIsNotAcceptable() throws Exception {
        String token = client.token();
        String id = identityUrl();

        JsonNode latest = SimClient.json(get(id + "?version=latest", "Bearer " + token)).get("urls");
        assertThat(latest.get("rest").asText()).isEqualTo(sim.baseUrl() + "/services/data/v66.0/");
        assertThat(latest.get("partner").asText()).contains("/services/Soap/u/66.0/");
        JsonNode fifty = SimClient.json(get(id + "?version=50.0", "Bearer " + token)).get("urls");
        assertThat(fifty.get("query").asText()).isEqualTo(sim.baseUrl() + "/services/data/v50.0/query/");
        for (String version : List.of("30.0", "67.0", "fifty")) {
            HttpResponse<String> refused = get(id + "?version=" + version, "Bearer " + token);
            assertThat(refused.statusCode()).as(version).isEqualTo(406);
            assertThat(refused.body()).isEqualTo("Invalid_Version");
        }
    }

    @Test
    void callbackWrapsTheJson() throws Exception {
        String token = client.token();
        HttpResponse<String> wrapped = get(identityUrl() + "?callback=show", "Bearer " + token);
        assertThat(wrapped.statusCode()).isEqualTo(200);
        assertThat(wrapped.body()).startsWith("show({\"id\":").endsWith("});");
        HttpResponse<String> refused = get(identityUrl() + "?callback=" + SimClient.enc("alert(1)"), "Bearer " + token);
        assertThat(refused.statusCode()).isEqualTo(406);
        assertThat(refused.body()).isEqualTo("Invalid_Callback");
    }

    @Test
    void aMissingOrDeadTokenIsForbidden() throws Exception {
        String id = identityUrl();
        assertRefused(get(id, null), 403, "Missing_OAuth_Token");
        assertRefused(get(id, "Bearer " + sim.orgId().substring(0, 15) + "!nonsense"), 403, "Bad_OAuth_Token");

        String token = client.token();
        assertThat(client.revoke(token).statusCode()).isEqualTo(200);
        assertRefused(get(id, "Bearer " + token), 403, "Bad_OAuth_Token");
        String other = client.token();
        sim.expireAllSessions();
        assertRefused(get(id + "?access_token=" + SimClient.enc(other), null), 403, "Bad_OAuth_Token");
    }

    @Test
    void anotherOrgIsForbiddenAndAnotherUserIsNotFound() throws Exception {
        String token = client.token();
        String otherOrg = SalesforceIds.generate("00D", 99);
        String otherUser = SalesforceIds.generate("005", 99);
        assertRefused(get(sim.baseUrl() + "/id/" + otherOrg + "/" + sim.userId(), "Bearer " + token), 403,
                "Wrong_Org");
        assertRefused(get(sim.baseUrl() + "/id/" + sim.orgId() + "/" + otherUser, "Bearer " + token), 404, "Bad_Id");
        assertRefused(get(sim.baseUrl() + "/id/" + sim.orgId() + "/nobody", "Bearer " + token), 404, "Bad_Id");
        assertRefused(get(sim.baseUrl() + "/id/" + sim.orgId(), "Bearer " + token), 404, "Bad_Id");
    }

    private String identityUrl() {
        return sim.baseUrl() + "/id/" + sim.orgId() + "/" + sim.userId();
    }

    private HttpResponse<String> get(String url, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(SimClient.TIMEOUT).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return client.http().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertRefused(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v)
                .startsWith("text/plain"));
        assertThat(response.body()).isEqualTo(code);
    }
}
