package io.salesforcetarget.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.http.HttpMessageFactory;

/** Sends CloudEvents to the target with the JDK HTTP client, as a broker would, and reads the replies. */
public final class CloudEventClient {

    public static final String API_CALL = "io.triggermesh.salesforce.apicall";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient http;
    private final URI target;

    public CloudEventClient(String targetUrl) {
        this(targetUrl, HttpClient.Version.HTTP_2);
    }

    /**
     * @param version {@code HTTP_1_1}: a connection per request in flight, as a broker's pool has, rather than
     *                every request on one HTTP/2 (h2c) connection, where the listener takes 100 streams at once
     */
    public CloudEventClient(String targetUrl, HttpClient.Version version) {
        this.target = URI.create(targetUrl);
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(version).build();
    }

    /** Binary mode: attributes in ce-* headers, the data as body. */
    public HttpResponse<byte[]> sendBinary(String type, String data, String... extraHeaders) throws Exception {
        return sendBinaryWithId(UUID.randomUUID().toString(), type, data, extraHeaders);
    }

    public HttpResponse<byte[]> sendBinaryWithId(String id, String type, String data, String... extraHeaders)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(30))
                .header("ce-specversion", "1.0")
                .header("ce-id", id)
                .header("ce-source", "e2e-test")
                .header("ce-type", type)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(data));
        for (int i = 0; i < extraHeaders.length; i += 2) {
            request.header(extraHeaders[i], extraHeaders[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Structured mode: the whole event as application/cloudevents+json. */
    public HttpResponse<byte[]> sendStructured(String type, String data) throws Exception {
        return sendStructuredWithId(UUID.randomUUID().toString(), type, data);
    }

    public HttpResponse<byte[]> sendStructuredWithId(String id, String type, String data) throws Exception {
        String envelope = "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"source\":\"e2e-test\","
                + "\"type\":\"" + type + "\",\"datacontenttype\":\"application/json\",\"data\":" + data + "}";
        return sendRaw("application/cloudevents+json", envelope);
    }

    public HttpResponse<byte[]> sendRaw(String contentType, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The reply event, whichever mode it came in. */
    public static CloudEvent replyOf(HttpResponse<byte[]> response) {
        return HttpMessageFactory.createReader(forEach -> response.headers().map()
                .forEach((name, values) -> values.forEach(value -> forEach.accept(name, value))),
                response.body()).toEvent();
    }

    public static JsonNode dataOf(CloudEvent event) throws IOException {
        return MAPPER.readTree(event.getData().toBytes());
    }

    public static JsonNode json(byte[] body) throws IOException {
        return MAPPER.readTree(new String(body, StandardCharsets.UTF_8));
    }
}
