package io.salesforcetarget.apicall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.salesforcetarget.failure.ErrorCode;
import io.salesforcetarget.failure.EventFaultException;

class ApiCallRequestParserTest {

    private static ApiCallRequest parse(String json) {
        return ApiCallRequestParser.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertFault(String json, ErrorCode code, String description) {
        assertThatThrownBy(() -> parse(json))
                .isInstanceOfSatisfying(EventFaultException.class, e -> {
                    assertThat(e.code()).isEqualTo(code);
                    assertThat(e.description()).isEqualTo(description);
                });
    }

    @Test
    void readsAFullRequest() {
        ApiCallRequest request = parse("""
                {"action":"PATCH","resource":"sobjects","object":"Account","record":"ExtId__c/42",
                 "query":{"fields":"Name"},"payload":{"Name":"Acme"},"unknown":"ignored"}""");

        assertThat(request.method()).isEqualTo("PATCH");
        assertThat(request.segments()).containsExactly("sobjects", "Account", "ExtId__c", "42");
        assertThat(request.query()).containsExactly(Map.entry("fields", "Name"));
        assertThat(new String(request.body(), StandardCharsets.UTF_8)).isEqualTo("{\"Name\":\"Acme\"}");
        assertThat(request.resourcePath()).isEqualTo("sobjects/Account/ExtId__c/42");
    }

    @ParameterizedTest
    @CsvSource({ "get,GET", "Get,GET", "post,POST", "PaTcH,PATCH", "put,PUT", "delete,DELETE", "head,HEAD",
            "' get ',GET" })
    void actionIsCaseInsensitive(String action, String method) {
        assertThat(parse("{\"action\":\"" + action + "\",\"resource\":\"limits\"}").method()).isEqualTo(method);
    }

    @Test
    void missingActionIsInvalid() {
        assertFault("{\"resource\":\"limits\"}", ErrorCode.REQUEST_VALIDATION,
                "action is required: one of GET, POST, PATCH, PUT, DELETE, HEAD");
        assertFault("{\"action\":null,\"resource\":\"limits\"}", ErrorCode.REQUEST_VALIDATION,
                "action is required: one of GET, POST, PATCH, PUT, DELETE, HEAD");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "5|number", "true|boolean", "[\"GET\"]|array", "{\"m\":\"GET\"}|object" })
    void nonStringActionIsInvalid(String action, String kind) {
        assertFault("{\"action\":" + action + ",\"resource\":\"limits\"}", ErrorCode.REQUEST_VALIDATION,
                "action must be a string, got " + kind);
    }

    @ParameterizedTest
    @ValueSource(strings = { "create", "update", "OPTIONS", "TRACE", "CONNECT", "" })
    void unsupportedActionIsInvalid(String action) {
        assertFault("{\"action\":\"" + action + "\",\"resource\":\"limits\"}", ErrorCode.REQUEST_VALIDATION,
                "action '" + action + "' is not supported: use one of GET, POST, PATCH, PUT, DELETE, HEAD");
    }

    @Test
    void unsupportedActionIsQuotedWithoutControlCharacters() {
        assertFault("{\"action\":\"GET\\r\\nX-Injected: 1\",\"resource\":\"limits\"}", ErrorCode.REQUEST_VALIDATION,
                "action 'GET\\u000d\\u000aX-Injected: 1' is not supported: use one of GET, POST, PATCH, PUT, DELETE, HEAD");
    }

    @ParameterizedTest
    @ValueSource(strings = { "{\"action\":\"GET\"}", "{\"action\":\"GET\",\"resource\":null}",
            "{\"action\":\"GET\",\"resource\":\"\"}" })
    void missingResourceIsInvalid(String json) {
        assertFault(json, ErrorCode.REQUEST_VALIDATION, "resource is required");
    }

    @Test
    void nonStringPathFieldsAreInvalid() {
        assertFault("{\"action\":\"GET\",\"resource\":42}", ErrorCode.REQUEST_VALIDATION,
                "resource must be a string, got number");
        assertFault("{\"action\":\"GET\",\"resource\":\"sobjects\",\"object\":[\"Account\"]}",
                ErrorCode.REQUEST_VALIDATION, "object must be a string, got array");
        assertFault("{\"action\":\"GET\",\"resource\":\"sobjects\",\"object\":\"Account\",\"record\":1}",
                ErrorCode.REQUEST_VALIDATION, "record must be a string, got number");
    }

    @Test
    void recordWithoutObjectIsInvalid() {
        assertFault("{\"action\":\"GET\",\"resource\":\"sobjects\",\"record\":\"001\"}", ErrorCode.REQUEST_VALIDATION,
                "record is set but object is not: the path is resource/object/record");
        assertFault("{\"action\":\"GET\",\"resource\":\"sobjects\",\"object\":\"\",\"record\":\"001\"}",
                ErrorCode.REQUEST_VALIDATION, "record is set but object is not: the path is resource/object/record");
    }

    @Test
    void emptyObjectAndRecordMeanNotSet() {
        assertThat(parse("{\"action\":\"GET\",\"resource\":\"limits\",\"object\":\"\",\"record\":null}").segments())
                .containsExactly("limits");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "\"fields=Name\"|string", "[\"a\"]|array", "7|number" })
    void nonObjectQueryIsInvalid(String query, String kind) {
        assertFault("{\"action\":\"GET\",\"resource\":\"query\",\"query\":" + query + "}", ErrorCode.REQUEST_VALIDATION,
                "query must be an object of string values, got " + kind);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "{\"x\":1}|object", "[1]|array", "null|null" })
    void nestedQueryValueIsInvalid(String value, String kind) {
        assertFault("{\"action\":\"GET\",\"resource\":\"query\",\"query\":{\"q\":" + value + "}}",
                ErrorCode.REQUEST_VALIDATION, "query.q must be a string, number or boolean, got " + kind);
    }

    @Test
    void queryValuesAreTextInOrder() {
        ApiCallRequest request = parse("""
                {"action":"GET","resource":"query","query":{"q":"SELECT Id FROM Account","limit":5,"all":true}}""");
        assertThat(request.query()).containsExactly(Map.entry("q", "SELECT Id FROM Account"),
                Map.entry("limit", "5"), Map.entry("all", "true"));
    }

    @Test
    void nullQueryMeansNoQuery() {
        assertThat(parse("{\"action\":\"GET\",\"resource\":\"limits\",\"query\":null}").query()).isEmpty();
    }

    @Test
    void duplicateKeysAreNotTheRequestJson() {
        assertThatThrownBy(() -> parse("{\"action\":\"GET\",\"action\":\"DELETE\",\"resource\":\"limits\"}"))
                .isInstanceOfSatisfying(EventFaultException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.REQUEST_PARSING);
                    assertThat(e.description()).startsWith("the event data is not valid JSON").contains("action");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = { "not json", "{\"action\":\"GET\",", "{'action':'GET'}",
            "{\"action\":\"GET\",\"resource\":\"limits\"} trailing",
            "{\"action\":\"GET\",\"resource\":\"limits\"}{\"action\":\"DELETE\",\"resource\":\"limits\"}" })
    void dataThatIsNotJsonIsARequestParsingFault(String data) {
        assertThatThrownBy(() -> parse(data))
                .isInstanceOfSatisfying(EventFaultException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.REQUEST_PARSING);
                    assertThat(e.description()).startsWith("the event data is not valid JSON");
                });
    }

    @Test
    void emptyDataIsARequestParsingFault() {
        for (byte[] data : new byte[][] { null, new byte[0] }) {
            assertThatThrownBy(() -> ApiCallRequestParser.parse(data))
                    .isInstanceOfSatisfying(EventFaultException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.REQUEST_PARSING);
                        assertThat(e.description()).isEqualTo("the event has no data; expected the request JSON");
                    });
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "[{\"action\":\"GET\",\"resource\":\"limits\"}]", "\"GET limits\"", "42", "null", "   " })
    void dataThatIsNotAnObjectIsARequestParsingFault(String data) {
        assertThatThrownBy(() -> parse(data))
                .isInstanceOfSatisfying(EventFaultException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.REQUEST_PARSING);
                    assertThat(e.description()).isEqualTo("the event data must be a JSON object with action and resource");
                });
    }

    @Test
    void noOrNullPayloadMeansNoBody() {
        assertThat(parse("{\"action\":\"DELETE\",\"resource\":\"limits\"}").body()).isNull();
        assertThat(parse("{\"action\":\"DELETE\",\"resource\":\"limits\",\"payload\":null}").body()).isNull();
    }

    @Test
    void aPayloadWithHeadIsInvalidSinceItCouldNotBeSent() {
        assertFault("{\"action\":\"HEAD\",\"resource\":\"limits\",\"payload\":{}}", ErrorCode.REQUEST_VALIDATION,
                "payload is set but action is HEAD, which sends no body");
        assertThat(parse("{\"action\":\"HEAD\",\"resource\":\"limits\",\"payload\":null}").body()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = { "{\"Name\":\"Acme\",\"Tags\":[1,2],\"Owner\":{\"Id\":\"005\"}}", "[{\"Name\":\"A\"},{\"Name\":\"B\"}]",
            "\"plain text\"", "42", "false", "{}" })
    void anyJsonPayloadIsTheBody(String payload) {
        ApiCallRequest request = parse("{\"action\":\"POST\",\"resource\":\"x\",\"payload\":" + payload + "}");
        assertThat(new String(request.body(), StandardCharsets.UTF_8)).isEqualTo(payload);
    }

    @Test
    void requestIsImmutable() {
        ApiCallRequest request = parse("{\"action\":\"GET\",\"resource\":\"query\",\"query\":{\"q\":\"x\"}}");
        assertThatThrownBy(() -> request.segments().add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> request.query().put("a", "b")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(request.segments()).isEqualTo(List.of("query"));
    }

    @Test
    void numbersKeepEveryDigit() {
        // found by HostileInputIT: read as doubles, 1e400 became "Infinity" and long decimals were rounded
        ApiCallRequest request = parse("{\"action\":\"POST\",\"resource\":\"x\",\"query\":{\"a\":1e400,"
                + "\"b\":12345678901234567.89,\"c\":1.10},\"payload\":{\"n\":[1e400,-1e-400,"
                + "12345678901234567.89,0.1000000000000000055511151231257827,1.10,123456789012345678901234567890]}}");
        assertThat(request.query()).containsExactly(entry("a", "1E+400"), entry("b", "12345678901234567.89"),
                entry("c", "1.10"));
        assertThat(new String(request.body(), StandardCharsets.UTF_8)).isEqualTo("{\"n\":[1E+400,-1E-400,"
                + "12345678901234567.89,0.1000000000000000055511151231257827,1.10,123456789012345678901234567890]}");
    }
}
