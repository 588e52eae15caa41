package io.salesforcetarget.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.salesforcetarget.apicall.ApiCallRequest;
import io.salesforcetarget.apicall.OperationAllowlist;
import io.salesforcetarget.auth.LoginFailedException;
import io.salesforcetarget.auth.SalesforceSession;
import io.salesforcetarget.auth.TokenCache;
import io.salesforcetarget.failure.ErrorCode;
import io.salesforcetarget.failure.EventFaultException;
import io.salesforcetarget.failure.RetryLaterException;
import io.salesforcetarget.settings.Coalescing;
import io.salesforcetarget.simulator.Eventually;

/**
 * Route {@code salesforce-apicall} with coalescing on, one call slot, and {@code direct:salesforce-call} mocked by
 * a fake Salesforce call that uses and frees call slots as {@code salesforce-send} does: every branch of the route,
 * {@code coalesce-writes} (alone with a free slot, alone whatever the slots, in a collection call, the collection
 * call failing as a whole in each failure class, refused, or answered with something unreadable),
 * {@code answered-by-collection} both ways, and the failure of each step reaching the caller as it is.
 */
class CoalescingRouteTest extends CamelTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CALL_MOCK = "mock:" + SalesforceApiCallRoutes.CALL;
    /** Only each event's own operations: {@code composite/sobjects} is not in it. */
    private static final String ALLOWLIST = "POST sobjects/Account, PATCH sobjects/Account/*, DELETE sobjects/Account/*,"
            + " PATCH sobjects/Account/*/*, GET query, POST composite/sobjects";

    /** One call that reached {@code direct:salesforce-call}. */
    record Call(ApiCallRequest request, String encodedPath, boolean slotTaken, Integer collectionRecords) {
        boolean collection() {
            return request.resourcePath().startsWith("composite/sobjects") && collectionRecords != null;
        }

        /** The records of a collection call, in order: the request's records, or its {@code ids}. */
        List<String> records() throws IOException {
            List<String> records = new ArrayList<>();
            if (request.method().equals("DELETE")) {
                records.addAll(List.of(request.query().get("ids").split(",")));
            } else {
                JSON.readTree(request.body()).get("records").forEach(record -> records.add(record.toString()));
            }
            return records;
        }
    }

    /** Salesforce's answer to one call: a status and body, or a failure of the call itself. */
    record Answer(int status, String body) {
    }

    @FunctionalInterface
    interface FakeSalesforce {
        Answer answer(Call call) throws Exception;
    }

    private final CallSlots slots = new CallSlots(1, Duration.ofSeconds(10));
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final ExecutorService senders = Executors.newCachedThreadPool();
    private volatile String apiVersion = "v59.0";
    private volatile FakeSalesforce salesforce = CoalescingRouteTest::success;
    /** When set, the call fails with it before its first attempt, as a failed login in prepare-request does. */
    private volatile RuntimeException failsBeforeItsFirstAttempt;

    @Override
    public boolean isUseAdviceWith() {
        return true;
    }

    @Override
    protected RoutesBuilder[] createRouteBuilders() {
        ApiVersionResolver versions = new ApiVersionResolver(null, session -> apiVersion) {
            @Override
            public String version(SalesforceSession session) {
                return apiVersion;
            }
        };
        return new RoutesBuilder[] { new SalesforceApiCallRoutes(
                new TokenCache(() -> new SalesforceSession("token", "https://acme.my.salesforce.com")), versions,
                new SalesforceRetryPolicy(1, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ZERO),
                OperationAllowlist.parse(ALLOWLIST), slots, Coalescing.defaults()) };
    }

    @BeforeEach
    void mockTheSalesforceCall() throws Exception {
        AdviceWith.adviceWith(context, "salesforce-apicall",
                route -> route.mockEndpointsAndSkip(SalesforceApiCallRoutes.CALL));
        context.start();
        getMockEndpoint(CALL_MOCK).whenAnyExchangeReceived(this::salesforceCall);
    }

    @AfterEach
    void stopSenders() {
        senders.shutdownNow();
    }

    /** What {@code salesforce-call} does with a slot: the one taken for the call, or one taken now; freed after. */
    private void salesforceCall(Exchange exchange) throws Exception {
        Call call = new Call(exchange.getProperty(ApiCallRequest.PROPERTY, ApiCallRequest.class),
                exchange.getProperty(SalesforceExchange.ENCODED_PATH, String.class),
                exchange.getProperty(CallSlots.TAKEN) != null,
                exchange.getProperty(SalesforceExchange.COLLECTION_RECORDS, Integer.class));
        calls.add(call);
        if (failsBeforeItsFirstAttempt != null) {
            throw failsBeforeItsFirstAttempt;
        }
        slots.takeFor(exchange);
        try {
            Answer answer = salesforce.answer(call);
            Message message = exchange.getMessage();
            message.getHeaders().clear();
            message.setHeader(SalesforceExchange.STATUS_CODE, answer.status());
            exchange.setProperty(SalesforceExchange.LAST_STATUS, answer.status());
            message.setBody(answer.body().getBytes(StandardCharsets.UTF_8));
        } finally {
            slots.free();
        }
    }

    /** Every record of a collection call succeeds; an event's own call succeeds as Salesforce answers it. */
    private static Answer success(Call call) throws IOException {
        if (call.collection()) {
            ArrayNode results = JSON.createArrayNode();
            for (int i = 0; i < call.records().size(); i++) {
                results.addObject().put("id", id(i)).put("success", true).putArray("errors");
            }
            return new Answer(200, results.toString());
        }
        return switch (call.request().method()) {
            case "POST" -> new Answer(201, "{\"id\":\"" + id(99) + "\",\"success\":true,\"errors\":[]}");
            case "GET" -> new Answer(200, "{\"totalSize\":0,\"done\":true,\"records\":[]}");
            default -> new Answer(204, "");
        };
    }

    private static String id(int n) {
        return String.format("001%012dAAA", n);
    }

    private static String create(String name) {
        return "{\"action\":\"POST\",\"resource\":\"sobjects\",\"object\":\"Account\",\"payload\":{\"Name\":\"" + name
                + "\"}}";
    }

    private static String delete(String id) {
        return "{\"action\":\"DELETE\",\"resource\":\"sobjects\",\"object\":\"Account\",\"record\":\"" + id + "\"}";
    }

    private Exchange send(String request) {
        return template.send(SalesforceApiCallRoutes.API_CALL,
                exchange -> exchange.getMessage().setBody(request.getBytes(StandardCharsets.UTF_8)));
    }

    private WriteCoalescer coalescer() {
        return context.getRegistry().lookupByNameAndType(CoalesceWrites.COALESCER, WriteCoalescer.class);
    }

    /**
     * Sends each event on a thread of its own while the one call slot is busy, each once the one before waits in
     * the coalescer (so that their order is known), then frees the slot; the results in the order sent.
     */
    private List<Exchange> whileTheSlotIsBusy(String... requests) throws Exception {
        assertThat(slots.tryTake()).as("the slot, for a call in flight").isTrue();
        List<Future<Exchange>> results = new ArrayList<>();
        for (String request : requests) {
            int before = coalescer().waitingWrites();
            results.add(senders.submit(() -> send(request)));
            Eventually.until("write " + (before + 1) + " waits", () -> coalescer().waitingWrites() == before + 1);
        }
        slots.free();
        List<Exchange> exchanges = new ArrayList<>();
        for (Future<Exchange> result : results) {
            exchanges.add(result.get(20, TimeUnit.SECONDS));
        }
        return exchanges;
    }

    private static int status(Exchange exchange) {
        return exchange.getMessage().getHeader(SalesforceExchange.STATUS_CODE, Integer.class);
    }

    private static String body(Exchange exchange) {
        return exchange.getMessage().getBody(String.class);
    }

    private static JsonNode json(String text) throws IOException {
        return JSON.readTree(text);
    }

    // ---- coalesce-writes: alone ---------------------------------------------------------------------------------

    @Test
    void aWriteThatFindsTheSlotFreeIsSentAloneAtOnceWithThatSlot() {
        Exchange result = send(create("Alone"));

        assertThat(result.getException()).isNull();
        assertThat(calls).singleElement().satisfies(call -> {
            assertThat(call.request().method()).isEqualTo("POST");
            assertThat(call.encodedPath()).isEqualTo("sobjects/Account");
            assertThat(call.slotTaken()).as("the slot the coalescer took for it").isTrue();
            assertThat(call.collection()).isFalse();
        });
        assertThat(status(result)).isEqualTo(201);
        assertThat(result.getProperty(CoalesceWrites.ANSWERED)).as("send-request ran").isNull();
        assertThat(result.getProperty(SalesforceExchange.COLLECTION_RECORDS)).isNull();
        assertThat(slots.available()).as("the slot used once and freed once").isEqualTo(1);
    }

    /** Not a write a collection call can carry, or one the API version has no collection resource for. */
    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource("neverCoalesced")
    void whatNoCollectionCallCanCarryGoesAloneWithoutWaitingInTheCoalescer(String request, String version,
            String path) throws Exception {
        apiVersion = version;
        assertThat(slots.tryTake()).isTrue();
        Future<Exchange> result = senders.submit(() -> send(request));
        Eventually.until("the call was made", () -> calls.size() == 1);
        assertThat(coalescer().waitingWrites()).isZero();
        slots.free(); // the call took its slot once it was free, as every call does

        assertThat(result.get(20, TimeUnit.SECONDS).getException()).isNull();
        assertThat(calls).singleElement().satisfies(call -> {
            assertThat(call.encodedPath()).isEqualTo(path);
            assertThat(call.slotTaken()).isFalse();
        });
        assertThat(slots.available()).isEqualTo(1);
    }

    static Stream<Arguments> neverCoalesced() {
        return Stream.of(
                Arguments.of("{\"action\":\"GET\",\"resource\":\"query\",\"query\":{\"q\":\"SELECT Id FROM Account\"}}",
                        "v59.0", "query?q=SELECT+Id+FROM+Account"),
                Arguments.of("{\"action\":\"POST\",\"resource\":\"composite/sobjects\",\"payload\":{\"allOrNone\":false,"
                        + "\"records\":[{\"attributes\":{\"type\":\"Account\"},\"Name\":\"A\"}]}}", "v59.0",
                        "composite/sobjects"),
                Arguments.of(create("Old"), "v41.0", "sobjects/Account"),
                Arguments.of("{\"action\":\"PATCH\",\"resource\":\"sobjects\",\"object\":\"Account\",\"record\":"
                        + "\"Ext__c/K1\",\"payload\":{\"Name\":\"Up\"}}", "v45.0", "sobjects/Account/Ext__c/K1"));
    }

    // ---- coalesce-writes: one collection call, answered-by-collection ---------------------------------------------

    @Test
    void writesThatWaitForTheSlotShareOneCollectionCallAndEachGetsItsOwnAnswer() throws Exception {
        List<Exchange> results = whileTheSlotIsBusy(create("A"), create("B"), create("C"));

        assertThat(calls).as("one call, the collection's: send-request ran for none of the events")
                .singleElement().satisfies(call -> {
                    assertThat(call.request().method()).isEqualTo("POST");
                    assertThat(call.encodedPath()).isEqualTo("composite/sobjects");
                    assertThat(call.slotTaken()).as("the slot its leader waited for").isTrue();
                    assertThat(json(new String(call.request().body(), StandardCharsets.UTF_8)))
                            .isEqualTo(json("{\"allOrNone\":false,\"records\":["
                                    + "{\"attributes\":{\"type\":\"Account\"},\"Name\":\"A\"},"
                                    + "{\"attributes\":{\"type\":\"Account\"},\"Name\":\"B\"},"
                                    + "{\"attributes\":{\"type\":\"Account\"},\"Name\":\"C\"}]}"));
                });
        for (int i = 0; i < 3; i++) {
            Exchange result = results.get(i);
            assertThat(result.getException()).isNull();
            assertThat(status(result)).isEqualTo(201);
            assertThat(json(body(result))).as("event %d's own record", i)
                    .isEqualTo(json("{\"id\":\"" + id(i) + "\",\"success\":true,\"errors\":[]}"));
            assertThat(result.getMessage().getHeaders()).containsOnlyKeys(SalesforceExchange.STATUS_CODE);
            assertThat(result.getProperty(SalesforceExchange.LAST_STATUS)).isEqualTo(201);
            assertThat(result.getProperty(CoalesceWrites.ANSWERED)).isEqualTo(true);
            assertThat(result.getProperty(SalesforceExchange.COLLECTION_RECORDS)).isEqualTo(3);
        }
        assertThat(slots.available()).isEqualTo(1);
    }

    @Test
    void aRecordThatFailsInTheCollectionCallFailsOnlyItsOwnEventWithTheSingleCallsError() throws Exception {
        salesforce = call -> new Answer(200, "[{\"id\":\"" + id(0) + "\",\"success\":true,\"errors\":[]},"
                + "{\"id\":\"" + id(1) + "\",\"success\":false,\"errors\":[{\"statusCode\":\"ENTITY_IS_DELETED\","
                + "\"message\":\"entity is deleted\",\"fields\":[]}]},"
                + "{\"id\":\"" + id(2) + "\",\"success\":true,\"errors\":[]}]");

        List<Exchange> results = whileTheSlotIsBusy(delete(id(0)), delete(id(1)), delete(id(2)));

        assertThat(calls).singleElement().satisfies(call -> {
            assertThat(call.request().method()).isEqualTo("DELETE");
            assertThat(call.encodedPath()).isEqualTo("composite/sobjects?ids=" + id(0) + "%2C" + id(1) + "%2C"
                    + id(2) + "&allOrNone=false");
        });
        for (int i : new int[] { 0, 2 }) {
            assertThat(results.get(i).getException()).isNull();
            assertThat(status(results.get(i))).isEqualTo(204);
            assertThat(results.get(i).getMessage().getBody(byte[].class)).isEmpty();
        }
        assertThat(results.get(1).getException()).as("interpret-response, on the single answer")
                .isInstanceOfSatisfying(EventFaultException.class, fault -> {
                    assertThat(fault.code()).isEqualTo(ErrorCode.ADAPTER_PROCESS);
                    JsonNode details = JSON.valueToTree(fault.details());
                    assertThat(details.get("statusCode").asInt()).isEqualTo(404);
                    assertThat(details.get("body")).isEqualTo(
                            readTree("[{\"errorCode\":\"ENTITY_IS_DELETED\",\"message\":\"entity is deleted\","
                                    + "\"fields\":[]}]"));
                });
        assertThat(results.get(1).getProperty(SalesforceExchange.COLLECTION_RECORDS)).isEqualTo(3);
    }

    // ---- coalesce-writes: the collection call fails as a whole ----------------------------------------------------

    /** Salesforce's answer to the collection call, not the events' fault: each event fails as its own call would. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("notTheEventsFault")
    void aCollectionCallAnsweredWithAFailureThatIsNotTheEventsFaultFailsEveryEventAlike(int status, String code)
            throws Exception {
        salesforce = call -> new Answer(status, "[{\"message\":\"no\",\"errorCode\":\"" + code + "\"}]");

        List<Exchange> results = whileTheSlotIsBusy(create("A"), create("B"));

        assertThat(calls).as("nothing asked again, alone or together").hasSize(1);
        for (Exchange result : results) {
            assertThat(result.getException()).isInstanceOfSatisfying(SalesforceUnavailableException.class, e -> {
                assertThat(e.statusCode()).isEqualTo(status);
                assertThat(e.reason()).isEqualTo(code);
            });
            assertThat(result.getProperty(SalesforceExchange.COLLECTION_RECORDS)).isEqualTo(2);
            assertThat(result.getProperty(SalesforceExchange.LAST_STATUS)).isEqualTo(status);
        }
    }

    static Stream<Arguments> notTheEventsFault() {
        return Stream.of(Arguments.of(503, "SERVER_UNAVAILABLE"), Arguments.of(500, "UNKNOWN_EXCEPTION"),
                Arguments.of(429, "TOO_MANY_REQUESTS"), Arguments.of(408, "REQUEST_TIMEOUT"),
                Arguments.of(403, "REQUEST_LIMIT_EXCEEDED"), Arguments.of(401, "INVALID_SESSION_ID"));
    }

    /** The call itself failed (a timeout, a reset, a failed login, Salesforce unavailable after the retries). */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "timeout", "login", "unavailable" })
    void aCollectionCallThatFailsGivesEveryEventTheSameFailureAsItIs(String kind) throws Exception {
        Exception failure = switch (kind) {
            case "timeout" -> new SocketTimeoutException("Read timed out");
            case "login" -> new LoginFailedException("login server unreachable", new IOException("refused"));
            default -> new SalesforceUnavailableException(503, "SERVER_UNAVAILABLE");
        };
        salesforce = call -> {
            throw failure;
        };

        List<Exchange> results = whileTheSlotIsBusy(create("A"), create("B"), create("C"));

        assertThat(calls).hasSize(1);
        for (Exchange result : results) {
            assertThat(result.getException()).isSameAs(failure);
            assertThat(result.getProperty(SalesforceExchange.COLLECTION_RECORDS)).isEqualTo(3);
        }
        assertThat(slots.available()).isEqualTo(1);
    }

    @Test
    void aCollectionRequestSalesforceRefusesIsSentAgainOneEventAtATime() throws Exception {
        String invalid = "[{\"message\":\"Required fields are missing: [Name]\",\"errorCode\":\"REQUIRED_FIELD_MISSING\","
                + "\"fields\":[\"Name\"]}]";
        salesforce = call -> {
            if (call.collection()) {
                return new Answer(400, "[{\"message\":\"Cannot deserialize instance\",\"errorCode\":\"JSON_PARSER_ERROR\"}]");
            }
            return new String(call.request().body(), StandardCharsets.UTF_8).contains("\"Bad\"")
                    ? new Answer(400, invalid)
                    : new Answer(201, "{\"id\":\"" + id(7) + "\",\"success\":true,\"errors\":[]}");
        };

        List<Exchange> results = whileTheSlotIsBusy(create("A"), create("Bad"), create("C"));

        assertThat(calls).hasSize(4);
        assertThat(calls.get(0).collection()).isTrue();
        assertThat(calls.subList(1, 4)).as("each event's own call, each taking its own slot")
                .allSatisfy(call -> {
                    assertThat(call.encodedPath()).isEqualTo("sobjects/Account");
                    assertThat(call.slotTaken()).isFalse();
                });
        for (int i : new int[] { 0, 2 }) {
            assertThat(results.get(i).getException()).isNull();
            assertThat(status(results.get(i))).isEqualTo(201);
            assertThat(results.get(i).getProperty(CoalesceWrites.ANSWERED)).isNull();
            assertThat(results.get(i).getProperty(SalesforceExchange.COLLECTION_RECORDS)).as("answered alone").isNull();
        }
        assertThat(results.get(1).getException()).isInstanceOfSatisfying(EventFaultException.class, fault -> {
            assertThat(fault.code()).isEqualTo(ErrorCode.ADAPTER_PROCESS);
            assertThat(JSON.valueToTree(fault.details()).get("body")).isEqualTo(readTree(invalid));
        });
        assertThat(slots.available()).isEqualTo(1);
    }

    @Test
    void aCollectionCallAnsweredWithSomethingOtherThanOneResultPerRecordIsNotAskedAgain() throws Exception {
        salesforce = call -> new Answer(200, "[{\"id\":\"" + id(0) + "\",\"success\":true,\"errors\":[]}]");

        List<Exchange> results = whileTheSlotIsBusy(create("A"), create("B"));

        assertThat(calls).as("the call was made and may have written: never again").hasSize(1);
        for (Exchange result : results) {
            assertThat(result.getException()).isInstanceOfSatisfying(EventFaultException.class,
                    fault -> assertThat(fault.code()).isEqualTo(ErrorCode.RESPONSE_PARSING));
        }
    }

    /** A call that fails before it uses the slot taken for it (the login, say) gives the slot back. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "alone", "in a collection call" })
    void aCallThatFailsBeforeUsingTheSlotTakenForItGivesTheSlotBack(String how) throws Exception {
        failsBeforeItsFirstAttempt = new LoginFailedException("invalid_grant", "400 invalid_grant");

        List<Exchange> failed = how.equals("alone") ? List.of(send(create("A")))
                : whileTheSlotIsBusy(create("A"), create("B"));

        assertThat(failed).allSatisfy(result -> assertThat(result.getException())
                .isSameAs(failsBeforeItsFirstAttempt));
        assertThat(calls).singleElement().satisfies(call -> assertThat(call.slotTaken()).isTrue());
        assertThat(slots.available()).as("no slot lost").isEqualTo(1);
        failsBeforeItsFirstAttempt = null;
        assertThat(send(create("Later")).getException()).isNull();
    }

    // ---- check-allowlist -------------------------------------------------------------------------------------------

    @Test
    void theAllowlistIsCheckedAgainstEachEventsOwnOperationNeverTheCollectionCall() throws Exception {
        Exchange refused = send("{\"action\":\"POST\",\"resource\":\"sobjects\",\"object\":\"Contact\","
                + "\"payload\":{\"LastName\":\"X\"}}");
        assertThat(refused.getException()).isInstanceOfSatisfying(EventFaultException.class, fault -> {
            assertThat(fault.code()).isEqualTo(ErrorCode.REQUEST_VALIDATION);
            assertThat(fault.description()).contains("POST sobjects/Contact");
        });
        assertThat(calls).isEmpty();

        List<Exchange> coalesced = whileTheSlotIsBusy(
                "{\"action\":\"PATCH\",\"resource\":\"sobjects\",\"object\":\"Account\",\"record\":\"" + id(1)
                        + "\",\"payload\":{\"Phone\":\"1\"}}",
                "{\"action\":\"PATCH\",\"resource\":\"sobjects\",\"object\":\"Account\",\"record\":\"" + id(2)
                        + "\",\"payload\":{\"Phone\":\"2\"}}");
        assertThat(calls).singleElement().satisfies(call -> {
            assertThat(call.request().method()).isEqualTo("PATCH");
            assertThat(call.encodedPath()).as("not in the allowlist, and not checked against it")
                    .isEqualTo("composite/sobjects");
        });
        assertThat(coalesced).allSatisfy(result -> assertThat(status(result)).isEqualTo(204));
    }

    // ---- each step's failure reaches the caller as it is -----------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "parse-request", "check-allowlist", "build-request-path", "coalesce-writes",
            "send-request", "interpret-response" })
    void aFailureOfAnyStepReachesTheCallerAsItIsAndNothingAfterItRuns(String step) throws Exception {
        RuntimeException failure = new RetryLaterException("step " + step + " failed", "test");
        List<String> ran = new CopyOnWriteArrayList<>();
        AdviceWith.adviceWith(context, "salesforce-apicall", route -> {
            route.weaveById(step).replace().process(exchange -> {
                throw failure;
            });
            route.weaveAddLast().process(exchange -> ran.add("the route's end"));
        });

        Exchange result = send(create("Failing"));

        assertThat(result.getException()).isSameAs(failure);
        assertThat(ran).isEmpty();
        assertThat(calls).as("Salesforce was called only before interpret-response")
                .hasSize(step.equals("interpret-response") ? 1 : 0);
        assertThat(slots.available()).isEqualTo(1);
    }

    private static JsonNode readTree(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
