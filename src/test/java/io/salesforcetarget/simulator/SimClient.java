package io.salesforcetarget.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A small HTTP/1.1 client for the simulator built on the JDK HttpClient. */
final class SimClient {

    static final ObjectMapper MAPPER = new ObjectMapper();
    /** Generous, but a simulator bug must fail a test, not hang the build. */
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    SimClient(SalesforceSimulator simulator) {
        this.baseUrl = simulator.baseUrl();
    }

    HttpResponse<String> tokenRequest(String form) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/services/oauth2/token")).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** POST /services/oauth2/revoke with the form field token. */
    HttpResponse<String> revoke(String token) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/services/oauth2/revoke")).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + enc(token))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> login(String assertion) throws IOException, InterruptedException {
        return tokenRequest("grant_type=" + enc("urn:ietf:params:oauth:grant-type:jwt-bearer") + "&assertion="
                + enc(assertion));
    }

    /** Logs in with a valid assertion and returns the access token. */
    String token() throws IOException, InterruptedException {
        HttpResponse<String> response = login(TestAssertions.valid());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("login failed: " + response.body());
        }
        return json(response).get("access_token").asText();
    }

    HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        return send("GET", path, token, null);
    }

    HttpResponse<String> send(String method, String path, String token, String body)
            throws IOException, InterruptedException {
        return http.send(request(method, path, token, body).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpRequest.Builder request(String method, String path, String token, String body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            builder.header("Content-Type", "application/json");
        }
        return builder;
    }

    HttpClient http() {
        return http;
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + response.body(), e);
        }
    }

    /** POST {versionPath}/sobjects/{type}: the new record's id; anything but 201 fails the test with the answer. */
    String create(String versionPath, String type, String token, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = send("POST", versionPath + "/sobjects/" + type, token, body);
        if (response.statusCode() != 201) {
            throw new AssertionError("create " + type + " answered " + response.statusCode() + ": " + response.body());
        }
        return json(response).get("id").asText();
    }

    /** The names of a JSON object's members, in order. */
    static List<String> fieldNames(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    /** errorCode of the first element of a Salesforce error array. */
    static String errorCode(HttpResponse<String> response) {
        JsonNode body = json(response);
        if (!body.isArray()) {
            throw new IllegalStateException("error body is not an array: " + response.body());
        }
        return body.get(0).get("errorCode").asText();
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
