package io.salesforcetarget.e2e;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static io.salesforcetarget.e2e.CloudEventClient.API_CALL;
import static io.salesforcetarget.e2e.CloudEventClient.dataOf;
import static io.salesforcetarget.e2e.CloudEventClient.replyOf;
import static org.assertj.core.api.Assertions.assertThat;

/** The target with an operation allowlist and a bearer token required on its CloudEvents endpoint. */
class SecurityIT extends TargetAgainstSimulatedOrg {

    private static final String TOKEN = "broker-token-" + System.nanoTime();

    @Override
    protected Map<String, String> settings() {
        return Map.of("salesforce.api-version", "v62.0",
                "salesforce.allowed-operations", "POST sobjects/Account, GET sobjects/Account/*",
                "events.auth.token", TOKEN);
    }

    private static final String CREATE = "{\"action\":\"POST\",\"resource\":\"sobjects\",\"object\":\"Account\","
            + "\"payload\":{\"Name\":\"Allowed\"}}";

    @Test
    void withoutTheTokenNothingIsDoneAndNothingIsExplained() throws Exception {
        for (String[] authorization : new String[][] { {}, { "Authorization", "Bearer wrong" },
                { "Authorization", "Basic " + TOKEN } }) {
            HttpResponse<byte[]> response = client.sendBinary(API_CALL, CREATE, authorization);
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"salesforce-target\"");
            assertThat(CloudEventClient.json(response.body()).get("description").asText())
                    .isEqualTo("authentication required");
        }
        assertThat(salesforce.recordedRequests()).isEmpty();
    }

    @Test
    void theTokenCountsOnlyAsTheRequestsOwnHeader() throws Exception {
        // platform-http copies form fields into message headers: a field named Authorization is not a credential
        HttpResponse<String> formField = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(target.url()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("ce-specversion", "1.0").header("ce-id", "form-1").header("ce-source", "test")
                .header("ce-type", API_CALL)
                .POST(HttpRequest.BodyPublishers.ofString("Authorization=" + URLEncoder.encode("Bearer " + TOKEN,
                        StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(formField.statusCode()).isEqualTo(401);

        // the JDK client folds repeated headers: two header lines need a raw request
        assertThat(rawStatusLine("Authorization: Bearer " + TOKEN + "\r\nAuthorization: Bearer " + TOKEN + "\r\n"))
                .as("two Authorization headers are no credentials").contains(" 401 ");
        assertThat(rawStatusLine("Authorization: Bearer " + TOKEN + "\r\n")).as("the same request, one header")
                .contains(" 200 ");
        assertThat(salesforce.recordedRequests()).hasSize(1);
    }

    private String rawStatusLine(String authorizationLines) throws Exception {
        byte[] body = CREATE.getBytes(StandardCharsets.UTF_8);
        String head = "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nce-specversion: 1.0\r\n"
                + "ce-id: raw-" + System.nanoTime() + "\r\nce-source: test\r\nce-type: " + API_CALL + "\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n" + authorizationLines
                + "\r\n";
        URI url = URI.create(target.url());
        try (Socket socket = new Socket(url.getHost(), url.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().write(body);
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1))
                    .readLine();
        }
    }

    @Test
    void withTheTokenAnAllowedOperationIsDone() throws Exception {
        HttpResponse<byte[]> response = client.sendBinary(API_CALL, CREATE, "Authorization", "Bearer " + TOKEN);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(replyOf(response).getExtension("category")).isEqualTo("success");
        assertThat(salesforce.recordedRequests()).hasSize(1);
        assertThat(salesforce.recordedRequests().get(0).header("Authorization")).doesNotContain(TOKEN);
    }

    @Test
    void anOperationOutsideTheAllowlistNeverReachesSalesforce() throws Exception {
        HttpResponse<byte[]> response = client.sendBinary(API_CALL,
                "{\"action\":\"DELETE\",\"resource\":\"sobjects\",\"object\":\"Account\",\"record\":\"001000000000001AAA\"}",
                "Authorization", "Bearer " + TOKEN);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(replyOf(response).getExtension("category")).isEqualTo("error");
        assertThat(dataOf(replyOf(response)).get("code").asText()).isEqualTo("request-validation");
        assertThat(dataOf(replyOf(response)).get("description").asText())
                .contains("DELETE sobjects/Account/001000000000001AAA", "not allowed");
        assertThat(salesforce.recordedRequests()).isEmpty();
    }
}
