package io.salesforcetarget.receiver;

import io.salesforcetarget.receiver.InboundAuthentication;
import io.salesforcetarget.replay.EventReplay;
import io.salesforcetarget.server.DrainGate;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.http.HttpMessageFactory;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.BeforeEach;

import io.salesforcetarget.apicall.ApiCallRequestParser;
import io.salesforcetarget.reply.HttpReplies;
import io.salesforcetarget.reply.ReplyEvents;
import io.salesforcetarget.reply.ResponseBody;
import io.salesforcetarget.salesforce.InterpretSalesforceResponse;
import io.salesforcetarget.salesforce.SalesforceExchange;
import io.salesforcetarget.settings.ReplyPolicy;

/**
 * The receiver route with its HTTP consumer replaced by {@code direct:in} and its Salesforce call
 * ({@code call-salesforce}) replaced by a scripted outcome. Builds binary and structured CloudEvents requests that
 * also carry headers a real HTTP request has (Cookie, Authorization, query parameters, ...), none of which may come
 * back in the reply.
 */
abstract class ReceiverRouteTestSupport extends CamelTestSupport {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final String API_CALL_TYPE = "io.triggermesh.salesforce.apicall";
    static final String REPLY_SOURCE = "test-source";
    static final int RETRY_AFTER_SECONDS = 7;
    static final String REQUEST_ID = "request-event-1";
    static final String QUERY_DATA = "{\"action\":\"GET\",\"resource\":\"query\",\"query\":{\"q\":\"SELECT Id FROM Account\"}}";

    /** Headers of the HTTP request that are not CloudEvents attributes: never echoed, never passed on. */
    static final Map<String, Object> TRANSPORT_HEADERS = Map.of(
            "Cookie", "session=inbound-secret",
            "Authorization", "Bearer inbound-secret",
            "X-Forwarded-For", "10.0.0.1",
            "token", "query-param-secret",
            Exchange.HTTP_QUERY, "token=query-param-secret",
            Exchange.HTTP_PATH, "/",
            Exchange.HTTP_URI, "/?token=query-param-secret",
            Exchange.HTTP_METHOD, "POST");

    /** What reached the (replaced) Salesforce call: body and headers. */
    record SalesforceCall(String body, Map<String, Object> headers) {
    }

    enum Mode {
        BINARY, STRUCTURED
    }

    final List<SalesforceCall> salesforceCalls = new CopyOnWriteArrayList<>();
    volatile Processor salesforce = exchange -> {
        throw new AssertionError("no Salesforce outcome scripted");
    };

    /** The reply policy the route is built with. */
    abstract ReplyPolicy policy();

    @Override
    public boolean isUseAdviceWith() {
        return true;
    }

    @Override
    protected RoutesBuilder[] createRouteBuilders() {
        return new RoutesBuilder[] { new CloudEventsReceiverRoute(policy(),
                new HttpReplies(new ReplyEvents(REPLY_SOURCE), RETRY_AFTER_SECONDS), new DrainGate(), EventReplay.none(),
                InboundAuthentication.none()) };
    }

    @BeforeEach
    void adviseAndStart() throws Exception {
        AdviceWith.adviceWith(context, "cloudevents-receiver", route -> {
            route.replaceFromWith("direct:in");
            route.weaveById("call-salesforce").replace().process(exchange -> {
                salesforceCalls.add(new SalesforceCall(exchange.getMessage().getBody(String.class),
                        new HashMap<>(exchange.getMessage().getHeaders())));
                salesforce.process(exchange);
            });
        });
        context.start();
    }

    // ---- Salesforce outcomes -------------------------------------------------------------------------------------

    /**
     * Salesforce answers {@code status} with {@code body}: the request is parsed with the real parser (so invalid
     * data fails as in {@code salesforce-apicall}) and the answer interpreted by the real
     * {@link InterpretSalesforceResponse}. Response headers a real answer has are set too: none may reach the sender.
     */
    static Processor answers(int status, String body) {
        return exchange -> {
            ApiCallRequestParser.parse(exchange.getMessage().getBody(byte[].class));
            Message message = exchange.getMessage();
            message.setHeader(SalesforceExchange.STATUS_CODE, status);
            message.setHeader("Set-Cookie", "BrowserId=salesforce-secret; Path=/");
            message.setHeader("Sforce-Limit-Info", "api-usage=18/5000");
            message.setBody(body.getBytes(StandardCharsets.UTF_8));
            new InterpretSalesforceResponse().process(exchange);
        };
    }

    /** The call fails with {@code failure}, as a failed login, I/O error or defect would. */
    static Processor fails(Exception failure) {
        return exchange -> {
            throw failure;
        };
    }

    // ---- Requests -------------------------------------------------------------------------------------------------

    Exchange send(Mode mode, String type, String data) {
        return mode == Mode.BINARY ? sendBinary(type, data) : sendStructured(type, data);
    }

    Exchange sendBinary(String type, String data) {
        Map<String, Object> headers = new LinkedHashMap<>(TRANSPORT_HEADERS);
        headers.put("ce-specversion", "1.0");
        headers.put("ce-id", REQUEST_ID);
        headers.put("ce-source", "https://sender.example.com/flows/1");
        headers.put("ce-type", type);
        headers.put("ce-subject", "request-subject");
        headers.put("ce-traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        headers.put(Exchange.CONTENT_TYPE, "application/json");
        return sendRaw(headers, data);
    }

    /** A structured-mode request; {@code data} is embedded as JSON when it is JSON, else as a string. */
    Exchange sendStructured(String type, String data) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("specversion", "1.0");
        envelope.put("id", REQUEST_ID);
        envelope.put("source", "https://sender.example.com/flows/1");
        envelope.put("type", type);
        envelope.put("subject", "request-subject");
        envelope.put("datacontenttype", "application/json");
        if (data != null) {
            envelope.put("data", jsonOrText(data));
        }
        Map<String, Object> headers = new LinkedHashMap<>(TRANSPORT_HEADERS);
        headers.put(Exchange.CONTENT_TYPE, "application/cloudevents+json; charset=UTF-8");
        return sendRaw(headers, write(envelope));
    }

    Exchange sendRaw(Map<String, Object> headers, String body) {
        Exchange reply = template.send("direct:in", exchange -> {
            exchange.getMessage().setHeaders(new LinkedHashMap<>(headers));
            exchange.getMessage().setBody(body == null ? null : body.getBytes(StandardCharsets.UTF_8));
        });
        assertThat(reply.getException()).as("failures are answered, never thrown to the HTTP consumer").isNull();
        assertNothingInboundEchoed(reply.getMessage());
        return reply;
    }

    // ---- Reply assertions -----------------------------------------------------------------------------------------

    static int status(Exchange reply) {
        return reply.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
    }

    /** Header names of the reply, lower case. */
    static TreeSet<String> headerNames(Exchange reply) {
        TreeSet<String> names = new TreeSet<>();
        reply.getMessage().getHeaders().keySet().forEach(name -> names.add(name.toLowerCase(Locale.ROOT)));
        return names;
    }

    /** Reads the reply as a CloudEvent with the CloudEvents SDK, binary or structured. */
    static CloudEvent replyEvent(Exchange reply) {
        Map<String, String> headers = new HashMap<>();
        reply.getMessage().getHeaders().forEach((name, value) -> {
            if (value instanceof String text) {
                headers.put(name.toLowerCase(Locale.ROOT), text);
            }
        });
        byte[] body = ResponseBody.of(reply.getMessage());
        return HttpMessageFactory.createReader(headers, body == null ? new byte[0] : body).toEvent();
    }

    /** Asserts a reply event in the request's mode with the contract's attributes, and returns it. */
    static CloudEvent assertReplyEvent(Exchange reply, Mode mode, String category) {
        assertThat(status(reply)).isEqualTo(200);
        if (mode == Mode.STRUCTURED) {
            assertThat(reply.getMessage().getHeader(Exchange.CONTENT_TYPE, String.class))
                    .startsWith("application/cloudevents+json");
            assertThat(headerNames(reply)).containsExactlyInAnyOrder("camelhttpresponsecode", "content-type");
        } else {
            assertThat(headerNames(reply)).contains("ce-specversion", "ce-id", "ce-source", "ce-type", "ce-category")
                    .allSatisfy(name -> assertThat(name).matches("ce-.*|content-type|camelhttpresponsecode"));
        }
        CloudEvent event = replyEvent(reply);
        assertThat(event.getSpecVersion().toString()).isEqualTo("1.0");
        assertThat(event.getId()).isNotBlank().isNotEqualTo(REQUEST_ID);
        assertThat(event.getType()).isEqualTo("io.triggermesh.salesforce.apicall.response");
        assertThat(event.getSource()).hasToString(REPLY_SOURCE);
        assertThat(event.getExtension("category")).isEqualTo(category);
        assertThat(event.getSubject()).as("nothing of the request event is copied").isNull();
        assertThat(event.getExtensionNames()).containsExactly("category");
        if (event.getData() != null) {
            assertThat(event.getDataContentType()).isEqualTo("application/json");
        }
        return event;
    }

    /** Asserts an error reply event with {@code code} and returns its data. */
    static JsonNode assertErrorEvent(Exchange reply, Mode mode, String code) {
        CloudEvent event = assertReplyEvent(reply, mode, "error");
        JsonNode data = readJson(event.getData().toBytes());
        assertThat(data.get("code").asText()).isEqualTo(code);
        assertThat(data.get("description").asText()).isNotBlank();
        return data;
    }

    /** 204 with no body and no header but the status. */
    static void assertAcknowledgedWithoutReply(Exchange reply) {
        assertThat(status(reply)).isEqualTo(204);
        assertThat(reply.getMessage().getBody()).isNull();
        assertThat(headerNames(reply)).containsExactly("camelhttpresponsecode");
    }

    /** 503 with Retry-After and a JSON error body {"code":"retry-later",...}; returns the body. */
    static JsonNode assertRetryLater(Exchange reply) {
        assertThat(status(reply)).isEqualTo(503);
        assertThat(reply.getMessage().getHeader("Retry-After")).isEqualTo(String.valueOf(RETRY_AFTER_SECONDS));
        assertThat(reply.getMessage().getHeader(Exchange.CONTENT_TYPE)).isEqualTo("application/json");
        assertThat(headerNames(reply)).containsExactlyInAnyOrder("camelhttpresponsecode", "content-type", "retry-after");
        JsonNode body = readJson(ResponseBody.of(reply.getMessage()));
        assertThat(body.get("code").asText()).isEqualTo("retry-later");
        assertThat(body.get("description").asText()).isNotBlank();
        return body;
    }

    /** 400 with a JSON error body {"code":"invalid-cloudevent",...}; returns the body. */
    static JsonNode assertBadRequest(Exchange reply) {
        assertThat(status(reply)).isEqualTo(400);
        assertThat(reply.getMessage().getHeader(Exchange.CONTENT_TYPE)).isEqualTo("application/json");
        assertThat(headerNames(reply)).containsExactlyInAnyOrder("camelhttpresponsecode", "content-type");
        JsonNode body = readJson(ResponseBody.of(reply.getMessage()));
        assertThat(body.get("code").asText()).isEqualTo("invalid-cloudevent");
        assertThat(body.get("description").asText()).startsWith("not a valid CloudEvent");
        return body;
    }

    private static void assertNothingInboundEchoed(Message reply) {
        for (String name : List.of("Cookie", "Authorization", "X-Forwarded-For", "token", Exchange.HTTP_QUERY,
                Exchange.HTTP_PATH, Exchange.HTTP_URI, Exchange.HTTP_METHOD, "Set-Cookie", "Sforce-Limit-Info",
                "ce-subject", "ce-traceparent")) {
            assertThat(reply.getHeader(name)).as("header %s must not be in the reply", name).isNull();
        }
        assertThat(reply.getHeader("ce-id")).as("the reply has its own id").isNotEqualTo(REQUEST_ID);
        List<String> values = new ArrayList<>();
        reply.getHeaders().values().forEach(value -> values.add(String.valueOf(value)));
        byte[] bytes = ResponseBody.of(reply);
        String body = bytes == null ? null : new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(values).noneMatch(value -> value.contains("secret"));
        if (body != null) {
            assertThat(body).doesNotContain("secret");
        }
    }

    /** Salesforce was reached once, with the event's data as body and none of the HTTP request's headers. */
    void assertSalesforceCalledOnceWith(String data) {
        assertThat(salesforceCalls).hasSize(1);
        SalesforceCall call = salesforceCalls.get(0);
        assertThat(call.body()).isEqualTo(data);
        assertThat(call.headers().keySet()).allSatisfy(name -> assertThat(name).startsWith("CamelCloudEvent"));
        assertThat(call.headers()).containsEntry("CamelCloudEventID", REQUEST_ID)
                .containsEntry("CamelCloudEventType", API_CALL_TYPE);
    }

    static JsonNode readJson(byte[] json) {
        try {
            return MAPPER.readTree(json);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + new String(json, StandardCharsets.UTF_8), e);
        }
    }

    static Object jsonOrText(String data) {
        try {
            return MAPPER.readTree(data);
        } catch (Exception e) {
            return data;
        }
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
