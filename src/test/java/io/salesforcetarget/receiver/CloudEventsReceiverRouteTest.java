package io.salesforcetarget.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import io.vertx.core.buffer.Buffer;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.builder.AdviceWith;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import io.salesforcetarget.auth.LoginFailedException;
import io.salesforcetarget.failure.RetryLaterException;
import io.salesforcetarget.reply.ResponseBody;
import io.salesforcetarget.salesforce.SalesforceUnavailableException;
import io.salesforcetarget.settings.ReplyPolicy;

/** Every branch of {@code cloudevents-receiver} with reply policy {@code always}: what the sender gets back. */
class CloudEventsReceiverRouteTest extends ReceiverRouteTestSupport {

    private static final String QUERY_RESULT = "{\"totalSize\":1,\"done\":true,\"records\":[{\"attributes\":"
            + "{\"type\":\"Account\",\"url\":\"/services/data/v59.0/sobjects/Account/001D000000IqhSLIAZ\"},"
            + "\"Id\":\"001D000000IqhSLIAZ\"}]}";

    @Override
    ReplyPolicy policy() {
        return ReplyPolicy.ALWAYS;
    }

    // ---- Success ----------------------------------------------------------------------------------------------------

    /** platform-http-vertx gives the body as a Vert.x buffer, in memory: read as it is, not copied to a stream cache. */
    @Test
    void theRequestBodyIsReadAsItCame() throws Exception {
        salesforce = answers(200, QUERY_RESULT);
        AtomicReference<Object> bodyRead = new AtomicReference<>();
        AdviceWith.adviceWith(context, "cloudevents-receiver", route -> route.weaveById("read-cloudevent").before()
                .process(exchange -> bodyRead.set(exchange.getMessage().getBody())));
        Buffer request = Buffer.buffer(QUERY_DATA);

        Exchange reply = template.send("direct:in", exchange -> {
            exchange.getMessage().setHeader("ce-specversion", "1.0");
            exchange.getMessage().setHeader("ce-id", "buffer-1");
            exchange.getMessage().setHeader("ce-source", "https://sender.example.com/flows/1");
            exchange.getMessage().setHeader("ce-type", API_CALL_TYPE);
            exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
            exchange.getMessage().setBody(request);
        });

        assertReplyEvent(reply, Mode.BINARY, "success");
        assertThat(bodyRead.get()).isSameAs(request);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void successRepliesWithSalesforcesBody(Mode mode) {
        salesforce = answers(200, QUERY_RESULT);

        Exchange reply = send(mode, API_CALL_TYPE, QUERY_DATA);

        CloudEvent event = assertReplyEvent(reply, mode, "success");
        assertThat(event.getDataContentType()).isEqualTo("application/json");
        assertThat(readJson(event.getData().toBytes())).isEqualTo(readJson(QUERY_RESULT.getBytes(StandardCharsets.UTF_8)));
        assertSalesforceCalledOnceWith(mode == Mode.BINARY ? QUERY_DATA : write(jsonOrText(QUERY_DATA)));
    }

    @Test
    void structuredModeKeepsEveryDigitOfTheData() {
        // found by HostileInputIT: the SDK's mapper reads numbers as doubles (1e400 became "Infinity")
        salesforce = answers(200, QUERY_RESULT);
        String data = "{\"action\":\"PATCH\",\"resource\":\"x\",\"payload\":{\"a\":1e400,"
                + "\"b\":12345678901234567.89,\"c\":1.10}}";

        sendRaw(structuredHeaders("application/cloudevents+json; charset=UTF-8"), "{\"specversion\":\"1.0\","
                + "\"id\":\"" + REQUEST_ID + "\",\"source\":\"https://sender.example.com/flows/1\",\"type\":\""
                + API_CALL_TYPE + "\",\"datacontenttype\":\"application/json\",\"data\":" + data + "}");

        assertThat(salesforceCalls).singleElement().extracting(SalesforceCall::body).isEqualTo("{\"action\":"
                + "\"PATCH\",\"resource\":\"x\",\"payload\":{\"a\":1E+400,\"b\":12345678901234567.89,\"c\":1.10}}");
    }

    @Test
    void binarySuccessReplyBodyIsSalesforcesBytes() {
        salesforce = answers(201, "{\"id\":\"001D000000IqhSLIAZ\",\"errors\":[],\"success\":true}");

        Exchange reply = sendBinary(API_CALL_TYPE,
                "{\"action\":\"POST\",\"resource\":\"sobjects\",\"object\":\"Account\",\"payload\":{\"Name\":\"Acme\"}}");

        assertReplyEvent(reply, Mode.BINARY, "success");
        assertThat(new String(ResponseBody.of(reply.getMessage()), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("{\"id\":\"001D000000IqhSLIAZ\",\"errors\":[],\"success\":true}");
        assertThat(reply.getMessage().getHeader(Exchange.CONTENT_TYPE)).isEqualTo("application/json");
        assertThat(reply.getMessage().getHeader("ce-category")).isEqualTo("success");
        assertThat(reply.getMessage().getHeader("ce-specversion")).isEqualTo("1.0");
        assertThat(UUID.fromString(reply.getMessage().getHeader("ce-id", String.class))).isNotNull();
    }

    @Test
    void structuredSuccessReplyIsAJsonEnvelope() {
        salesforce = answers(200, QUERY_RESULT);

        Exchange reply = sendStructured(API_CALL_TYPE, QUERY_DATA);

        assertReplyEvent(reply, Mode.STRUCTURED, "success");
        JsonNode envelope = readJson(ResponseBody.of(reply.getMessage()));
        assertThat(envelope.get("specversion").asText()).isEqualTo("1.0");
        assertThat(envelope.get("type").asText()).isEqualTo("io.triggermesh.salesforce.apicall.response");
        assertThat(envelope.get("source").asText()).isEqualTo(REPLY_SOURCE);
        assertThat(envelope.get("category").asText()).isEqualTo("success");
        assertThat(envelope.get("datacontenttype").asText()).isEqualTo("application/json");
        assertThat(envelope.get("data")).isEqualTo(readJson(QUERY_RESULT.getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void salesforce204GivesASuccessEventWithoutData(Mode mode) {
        salesforce = answers(204, "");

        Exchange reply = send(mode, API_CALL_TYPE,
                "{\"action\":\"PATCH\",\"resource\":\"sobjects\",\"object\":\"Account\",\"record\":\"001D000000IqhSLIAZ\","
                        + "\"payload\":{\"Name\":\"Acme\"}}");

        CloudEvent event = assertReplyEvent(reply, mode, "success");
        assertThat(event.getData()).isNull();
        if (mode == Mode.BINARY) {
            assertThat(ResponseBody.of(reply.getMessage())).isNullOrEmpty();
        } else {
            assertThat(readJson(ResponseBody.of(reply.getMessage())).has("data")).isFalse();
        }
    }

    @Test
    void everyReplyHasANewId() {
        salesforce = answers(200, QUERY_RESULT);
        String first = replyEvent(sendBinary(API_CALL_TYPE, QUERY_DATA)).getId();
        String second = replyEvent(sendBinary(API_CALL_TYPE, QUERY_DATA)).getId();
        assertThat(first).isNotEqualTo(second).isNotEqualTo(REQUEST_ID);
    }

    // ---- The event is at fault: error events --------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Mode.class)
    void unsupportedTypeIsAnEventContextError(Mode mode) {
        Exchange reply = send(mode, "com.example.order.created", QUERY_DATA);

        JsonNode data = assertErrorEvent(reply, mode, "event-context");
        assertThat(data.get("description").asText()).isEqualTo("event type 'com.example.order.created' is not "
                + "supported; expected io.triggermesh.salesforce.apicall");
        assertThat(salesforceCalls).as("Salesforce is not called").isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void dataThatIsNotTheRequestJsonIsARequestParsingError(Mode mode) {
        salesforce = answers(200, "{}");

        JsonNode data = assertErrorEvent(send(mode, API_CALL_TYPE, "[\"GET\",\"limits\"]"), mode, "request-parsing");
        assertThat(data.get("description").asText())
                .isEqualTo("the event data must be a JSON object with action and resource");
    }

    @Test
    void binaryDataThatIsNotJsonIsARequestParsingError() {
        salesforce = answers(200, "{}");
        JsonNode data = assertErrorEvent(sendBinary(API_CALL_TYPE, "action=GET&resource=limits"), Mode.BINARY,
                "request-parsing");
        assertThat(data.get("description").asText()).startsWith("the event data is not valid JSON");
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void eventWithoutDataIsARequestParsingError(Mode mode) {
        salesforce = answers(200, "{}");
        JsonNode data = assertErrorEvent(send(mode, API_CALL_TYPE, null), mode, "request-parsing");
        assertThat(data.get("description").asText()).isEqualTo("the event has no data; expected the request JSON");
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void invalidRequestIsARequestValidationError(Mode mode) {
        salesforce = answers(200, "{}");

        JsonNode data = assertErrorEvent(send(mode, API_CALL_TYPE, "{\"action\":\"create\",\"resource\":\"sobjects\"}"),
                mode, "request-validation");
        assertThat(data.get("description").asText())
                .isEqualTo("action 'create' is not supported: use one of GET, POST, PATCH, PUT, DELETE, HEAD");
        assertThat(data.has("details")).isFalse();
    }

    @Test
    void pathTraversalIsARequestValidationError() {
        salesforce = answers(200, "{}");
        JsonNode data = assertErrorEvent(sendBinary(API_CALL_TYPE,
                "{\"action\":\"GET\",\"resource\":\"sobjects\",\"object\":\"Account\",\"record\":\"../../../identity\"}"),
                Mode.BINARY, "request-validation");
        assertThat(data.get("description").asText()).contains("'..' segment");
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void salesforce4xxIsAnAdapterProcessErrorWithStatusAndBody(Mode mode) {
        String error = "[{\"message\":\"Account ID: id value of incorrect type: 001900K0001pPuOAAU\","
                + "\"errorCode\":\"MALFORMED_ID\",\"fields\":[\"Id\"]}]";
        salesforce = answers(400, error);

        JsonNode data = assertErrorEvent(send(mode, API_CALL_TYPE, QUERY_DATA), mode, "adapter-process");

        assertThat(data.get("description").asText())
                .isEqualTo("Salesforce answered 400 MALFORMED_ID: Account ID: id value of incorrect type: 001900K0001pPuOAAU");
        assertThat(data.get("details").get("statusCode").asInt()).isEqualTo(400);
        assertThat(data.get("details").get("body").isArray()).as("Salesforce's error array, as JSON").isTrue();
        assertThat(data.get("details").get("body")).isEqualTo(readJson(error.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void salesforce404IsAnAdapterProcessError() {
        salesforce = answers(404, "[{\"message\":\"The requested resource does not exist\",\"errorCode\":\"NOT_FOUND\"}]");
        JsonNode data = assertErrorEvent(sendBinary(API_CALL_TYPE, QUERY_DATA), Mode.BINARY, "adapter-process");
        assertThat(data.get("details").get("statusCode").asInt()).isEqualTo(404);
        assertThat(data.get("details").get("body").get(0).get("errorCode").asText()).isEqualTo("NOT_FOUND");
    }

    @Test
    void forbiddenOtherThanRequestLimitIsAnAdapterProcessError() {
        salesforce = answers(403, "[{\"message\":\"insufficient access\",\"errorCode\":\"INSUFFICIENT_ACCESS\"}]");
        JsonNode data = assertErrorEvent(sendBinary(API_CALL_TYPE, QUERY_DATA), Mode.BINARY, "adapter-process");
        assertThat(data.get("details").get("statusCode").asInt()).isEqualTo(403);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void successThatIsNotJsonIsAResponseParsingError(Mode mode) {
        salesforce = answers(200, "<html>Maintenance</html>");

        JsonNode data = assertErrorEvent(send(mode, API_CALL_TYPE, QUERY_DATA), mode, "response-parsing");

        assertThat(data.get("description").asText()).isEqualTo("Salesforce answered 200 with a body that is not JSON");
        assertThat(data.get("details").get("statusCode").asInt()).isEqualTo(200);
        assertThat(data.get("details").get("body").asText()).isEqualTo("<html>Maintenance</html>");
    }

    // ---- Not the event's fault: 503 + Retry-After ---------------------------------------------------------------------

    static Stream<Arguments> notTheEventsFault() {
        return Stream.of(
                Arguments.of("503 SERVER_UNAVAILABLE", answers(503,
                        "[{\"message\":\"Server too busy\",\"errorCode\":\"SERVER_UNAVAILABLE\"}]"), "SERVER_UNAVAILABLE"),
                Arguments.of("503 HTML from the CDN", answers(503, "<html>down</html>"), "http-503"),
                Arguments.of("500", answers(500, "[{\"message\":\"x\",\"errorCode\":\"UNKNOWN_EXCEPTION\"}]"),
                        "UNKNOWN_EXCEPTION"),
                Arguments.of("429", answers(429, ""), "http-429"),
                Arguments.of("408", answers(408, ""), "http-408"),
                Arguments.of("403 REQUEST_LIMIT_EXCEEDED", answers(403,
                        "[{\"message\":\"TotalRequests Limit exceeded.\",\"errorCode\":\"REQUEST_LIMIT_EXCEEDED\"}]"),
                        "REQUEST_LIMIT_EXCEEDED"),
                Arguments.of("401 after the re-login", answers(401,
                        "[{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\"}]"),
                        "INVALID_SESSION_ID"),
                Arguments.of("SalesforceUnavailableException", fails(new SalesforceUnavailableException(502, null)),
                        "http-502"),
                Arguments.of("connection refused", fails(new ConnectException("Connection refused")),
                        "salesforce-unreachable"),
                Arguments.of("read timed out", fails(new SocketTimeoutException("Read timed out")),
                        "salesforce-unreachable"),
                Arguments.of("token request refused", fails(new LoginFailedException("invalid_grant",
                        "400 invalid_grant: user hasn't approved this consumer")), "invalid_grant"),
                Arguments.of("login server unreachable", fails(new LoginFailedException(
                        "the Salesforce login server is unreachable", new ConnectException("refused"))),
                        "login-unavailable"),
                Arguments.of("RetryLaterException", fails(new RetryLaterException(
                        "Salesforce API version discovery failed: ConnectException", "salesforce-unreachable")),
                        "salesforce-unreachable"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notTheEventsFault")
    void notTheEventsFaultAsksForRedelivery(String outcome, Processor failure, String reason) {
        salesforce = failure;

        for (Mode mode : Mode.values()) {
            JsonNode body = assertRetryLater(send(mode, API_CALL_TYPE, QUERY_DATA));
            assertThat(body.get("details").get("reason").asText()).isEqualTo(reason);
        }
    }

    @Test
    void ioFailureDescriptionNamesOnlyTheFailureClass() {
        salesforce = fails(new ConnectException("Connect to 10.1.2.3:443 failed"));
        JsonNode body = assertRetryLater(sendBinary(API_CALL_TYPE, QUERY_DATA));
        assertThat(body.get("description").asText()).isEqualTo("Salesforce could not be reached: ConnectException");
    }

    @Test
    void defectIsAnInternalErrorWithoutDetails() {
        salesforce = fails(new IllegalStateException("bug: token=00Dx-inbound-secret"));

        Exchange reply = sendBinary(API_CALL_TYPE, QUERY_DATA);

        assertThat(status(reply)).isEqualTo(500);
        assertThat(reply.getMessage().getHeader("Retry-After")).isNull();
        assertThat(headerNames(reply)).containsExactlyInAnyOrder("camelhttpresponsecode", "content-type");
        assertThat(readJson(ResponseBody.of(reply.getMessage())))
                .isEqualTo(readJson("{\"code\":\"internal-error\",\"description\":\"unexpected failure in the target\"}"
                        .getBytes(StandardCharsets.UTF_8)));
    }

    // ---- Not a CloudEvent: 400 ------------------------------------------------------------------------------------------

    private Map<String, Object> binaryHeaders() {
        Map<String, Object> headers = new LinkedHashMap<>(TRANSPORT_HEADERS);
        headers.put("ce-specversion", "1.0");
        headers.put("ce-id", REQUEST_ID);
        headers.put("ce-source", "https://sender.example.com/flows/1");
        headers.put("ce-type", API_CALL_TYPE);
        headers.put(Exchange.CONTENT_TYPE, "application/json");
        return headers;
    }

    private Map<String, Object> structuredHeaders(String contentType) {
        Map<String, Object> headers = new LinkedHashMap<>(TRANSPORT_HEADERS);
        headers.put(Exchange.CONTENT_TYPE, contentType);
        return headers;
    }

    private void assertRejected(Map<String, Object> headers, String body) {
        salesforce = answers(200, "{}");
        assertBadRequest(sendRaw(headers, body));
        assertThat(salesforceCalls).as("Salesforce is not called").isEmpty();
    }

    @Test
    void binaryWithoutIdIsRejected() {
        Map<String, Object> headers = binaryHeaders();
        headers.remove("ce-id");
        assertRejected(headers, QUERY_DATA);
    }

    @Test
    void binaryWithoutSourceOrTypeIsRejected() {
        Map<String, Object> headers = binaryHeaders();
        headers.remove("ce-source");
        assertRejected(headers, QUERY_DATA);
        headers = binaryHeaders();
        headers.remove("ce-type");
        assertRejected(headers, QUERY_DATA);
    }

    @Test
    void unknownSpecVersionIsRejected() {
        Map<String, Object> headers = binaryHeaders();
        headers.put("ce-specversion", "0.9");
        assertRejected(headers, QUERY_DATA);
    }

    @Test
    void plainJsonWithoutCloudEventHeadersIsRejected() {
        Map<String, Object> headers = new LinkedHashMap<>(TRANSPORT_HEADERS);
        headers.put(Exchange.CONTENT_TYPE, "application/json");
        assertRejected(headers, QUERY_DATA);
    }

    @Test
    void requestWithNothingAtAllIsRejected() {
        assertRejected(new LinkedHashMap<>(TRANSPORT_HEADERS), null);
    }

    @Test
    void malformedStructuredEnvelopeIsRejected() {
        assertRejected(structuredHeaders("application/cloudevents+json"), "{\"specversion\":\"1.0\",\"id\":");
    }

    @Test
    void structuredEnvelopeThatIsNotAnObjectIsRejected() {
        assertRejected(structuredHeaders("application/cloudevents+json"), "[1,2,3]");
    }

    @Test
    void structuredEnvelopeThatIsJsonNullIsRejectedNotAnInternalError() {
        // the CloudEvents SDK fails on it with a NullPointerException (found by HostileInputIT)
        assertRejected(structuredHeaders("application/cloudevents+json"), "null");
        assertRejected(structuredHeaders("application/cloudevents+json; charset=utf-8"), " null ");
    }

    @Test
    void structuredEnvelopeWithoutIdIsRejected() {
        assertRejected(structuredHeaders("application/cloudevents+json"), "{\"specversion\":\"1.0\","
                + "\"source\":\"https://sender.example.com\",\"type\":\"" + API_CALL_TYPE + "\",\"data\":{}}");
    }

    @Test
    void structuredEnvelopeWithUnknownSpecVersionIsRejected() {
        assertRejected(structuredHeaders("application/cloudevents+json"), "{\"specversion\":\"0.9\",\"id\":\"1\","
                + "\"source\":\"https://sender.example.com\",\"type\":\"" + API_CALL_TYPE + "\",\"data\":{}}");
    }

    @Test
    void batchIsRejected() {
        String event = "{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"https://sender.example.com\",\"type\":\""
                + API_CALL_TYPE + "\",\"datacontenttype\":\"application/json\",\"data\":" + QUERY_DATA + "}";
        assertRejected(structuredHeaders("application/cloudevents-batch+json"), "[" + event + "," + event + "]");
    }
}
