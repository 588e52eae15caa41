package io.salesforcetarget.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.salesforcetarget.failure.ErrorCode;
import io.salesforcetarget.failure.EventFaultException;

/** How Salesforce's status and body are classified: success, the event's fault, or not the event's fault. */
class InterpretSalesforceResponseTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final CamelContext CONTEXT = new DefaultCamelContext();

    @AfterAll
    static void closeContext() throws Exception {
        CONTEXT.close();
    }

    private static Exchange answer(int status, String body) {
        Exchange exchange = new DefaultExchange(CONTEXT);
        exchange.getMessage().setHeader(SalesforceExchange.STATUS_CODE, status);
        exchange.getMessage().setBody(body.getBytes(StandardCharsets.UTF_8));
        return exchange;
    }

    private static void interpret(Exchange exchange) {
        new InterpretSalesforceResponse().process(exchange);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "200|{\"totalSize\":0,\"done\":true,\"records\":[]}",
            "201|{\"id\":\"001D000000IqhSLIAZ\",\"errors\":[],\"success\":true}",
            "204|''",
            "300|[\"/services/data/v59.0/sobjects/Account/a\",\"/services/data/v59.0/sobjects/Account/b\"]",
            "304|''",
            "200|  [ 1, 2 ]  " })
    void successKeepsTheBodyAsItIs(int status, String body) {
        Exchange exchange = answer(status, body);
        interpret(exchange);
        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody(String.class)).isEqualTo(body);
        assertThat(exchange.getMessage().getHeader(SalesforceExchange.STATUS_CODE)).isEqualTo(status);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "200|<html>maintenance</html>", "201|OK", "200|{\"a\":1}{\"b\":2}",
            "200|{\"truncated\":" })
    void successWithABodyThatIsNotJsonIsAResponseParsingFault(int status, String body) {
        assertThatThrownBy(() -> interpret(answer(status, body)))
                .isInstanceOfSatisfying(EventFaultException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.RESPONSE_PARSING);
                    assertThat(e.description()).isEqualTo("Salesforce answered " + status + " with a body that is not JSON");
                    assertThat(details(e)).containsEntry("statusCode", status);
                });
    }

    @Test
    void adapterProcessCarriesStatusAndErrorArray() {
        String body = "[{\"fields\":[\"Id\"],\"message\":\"Account ID: id value of incorrect type: 001900K0001pPuOAAU\","
                + "\"errorCode\":\"MALFORMED_ID\"}]";
        assertThatThrownBy(() -> interpret(answer(400, body)))
                .isInstanceOfSatisfying(EventFaultException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.ADAPTER_PROCESS);
                    assertThat(e.description()).isEqualTo("Salesforce answered 400 MALFORMED_ID: "
                            + "Account ID: id value of incorrect type: 001900K0001pPuOAAU");
                    JsonNode details = MAPPER.valueToTree(e.details());
                    assertThat(details.get("statusCode").asInt()).isEqualTo(400);
                    assertThat(details.get("body").isArray()).isTrue();
                    assertThat(details.get("body")).isEqualTo(readTree(body));
                });
    }

    @Test
    void notFoundIsTheEventsFault() {
        assertThatThrownBy(() -> interpret(answer(404,
                "[{\"message\":\"The requested resource does not exist\",\"errorCode\":\"NOT_FOUND\"}]")))
                .isInstanceOfSatisfying(EventFaultException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.ADAPTER_PROCESS);
                    assertThat(e.description())
                            .isEqualTo("Salesforce answered 404 NOT_FOUND: The requested resource does not exist");
                    assertThat(details(e)).containsEntry("statusCode", 404);
                });
    }

    @Test
    void salesforcesMessageQuotingTheRequestCannotForgeALogLine() {
        // found by SecretHygieneIT: Salesforce quotes the record id, CR/LF included, and the description is logged
        assertThatThrownBy(() -> interpret(answer(404, "[{\"message\":\"Provided external ID field does not exist: "
                + "x\\r\\nFORGED\",\"errorCode\":\"NOT_FOUND\"}]")))
                .isInstanceOfSatisfying(EventFaultException.class, e -> {
                    assertThat(e.description()).isEqualTo("Salesforce answered 404 NOT_FOUND: Provided external ID "
                            + "field does not exist: x\\u000d\\u000aFORGED");
                    assertThat(details(e).get("body").toString()).contains("x\\r\\nFORGED"); // kept as sent
                });
    }

    @Test
    void errorBodyThatIsNotJsonIsKeptAsText() {
        assertThatThrownBy(() -> interpret(answer(400, "Bad Request")))
                .isInstanceOfSatisfying(EventFaultException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.ADAPTER_PROCESS);
                    assertThat(e.description()).isEqualTo("Salesforce answered 400");
                    assertThat(details(e)).containsEntry("statusCode", 400).containsEntry("body", "Bad Request");
                });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "403|[{\"message\":\"Insufficient access\",\"errorCode\":\"INSUFFICIENT_ACCESS\"}]|INSUFFICIENT_ACCESS",
            "403|''|",
            "405|[{\"message\":\"HTTP Method 'PATCH' not allowed.\",\"errorCode\":\"METHOD_NOT_ALLOWED\"}]|METHOD_NOT_ALLOWED",
            "409|[{\"message\":\"conflict\",\"errorCode\":\"CONFLICT\"}]|CONFLICT",
            "410|[{\"message\":\"retired\",\"errorCode\":\"GONE\"}]|GONE",
            "415|''|" })
    void otherClientErrorsAreTheEventsFault(int status, String body, String errorCode) {
        assertThatThrownBy(() -> interpret(answer(status, body)))
                .isInstanceOfSatisfying(EventFaultException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.ADAPTER_PROCESS);
                    assertThat(e.description()).startsWith("Salesforce answered " + status
                            + (errorCode == null ? "" : " " + errorCode));
                    assertThat(details(e)).containsEntry("statusCode", status);
                });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "401|[{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\"}]|INVALID_SESSION_ID",
            "403|[{\"message\":\"TotalRequests Limit exceeded.\",\"errorCode\":\"REQUEST_LIMIT_EXCEEDED\"}]|REQUEST_LIMIT_EXCEEDED",
            "408|''|http-408",
            "429|''|http-429",
            "500|[{\"message\":\"An unexpected error occurred\",\"errorCode\":\"UNKNOWN_EXCEPTION\"}]|UNKNOWN_EXCEPTION",
            "502|<html>Bad gateway</html>|http-502",
            "503|[{\"message\":\"Server too busy\",\"errorCode\":\"SERVER_UNAVAILABLE\"}]|SERVER_UNAVAILABLE",
            "503|<html>down for maintenance</html>|http-503" })
    void notTheEventsFaultMeansRetryLater(int status, String body, String reason) {
        assertThatThrownBy(() -> interpret(answer(status, body)))
                .isInstanceOfSatisfying(SalesforceUnavailableException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(status);
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.getMessage()).startsWith("Salesforce answered " + status);
                });
    }

    @ParameterizedTest
    @ValueSource(ints = { 400, 402, 404, 407, 409, 422, 431, 499 })
    void classificationOfClientErrors(int status) {
        assertThat(FailureClasses.isNotTheEventsFault(status, null)).isFalse();
        assertThat(FailureClasses.isNotTheEventsFault(403, "INSUFFICIENT_ACCESS")).isFalse();
        assertThat(FailureClasses.isNotTheEventsFault(403, null)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = { 401, 408, 429, 500, 501, 502, 503, 504, 599 })
    void classificationOfUnavailability(int status) {
        assertThat(FailureClasses.isNotTheEventsFault(status, null)).isTrue();
        assertThat(FailureClasses.isNotTheEventsFault(403, "REQUEST_LIMIT_EXCEEDED")).isTrue();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> details(EventFaultException e) {
        return (Map<String, Object>) e.details();
    }

    private static JsonNode readTree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
