package io.salesforcetarget.failure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SalesforceErrorBodyTest {

    private static SalesforceErrorBody of(String body) {
        return SalesforceErrorBody.of(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void restErrorArrayGivesTheFirstError() {
        SalesforceErrorBody body = of("[{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\"},"
                + "{\"message\":\"second\",\"errorCode\":\"OTHER\"}]");
        assertThat(body.errorCode()).isEqualTo("INVALID_SESSION_ID");
        assertThat(body.message()).isEqualTo("Session expired or invalid");
        assertThat(body.asDetail()).isInstanceOfSatisfying(JsonNode.class, json -> assertThat(json.size()).isEqualTo(2));
    }

    @Test
    void collectionErrorsUseStatusCode() {
        SalesforceErrorBody body = of("[{\"statusCode\":\"DUPLICATE_VALUE\",\"message\":\"duplicate\",\"fields\":[]}]");
        assertThat(body.errorCode()).isEqualTo("DUPLICATE_VALUE");
        assertThat(body.message()).isEqualTo("duplicate");
    }

    @Test
    void oauthErrorObject() {
        SalesforceErrorBody body = of("{\"error\":\"invalid_grant\",\"error_description\":\"audience is invalid\"}");
        assertThat(body.errorCode()).isEqualTo("invalid_grant");
        assertThat(body.message()).isEqualTo("audience is invalid");
    }

    @Test
    void errorCodeWinsOverOauthError() {
        assertThat(of("{\"errorCode\":\"A\",\"error\":\"b\"}").errorCode()).isEqualTo("A");
    }

    @ParameterizedTest
    @ValueSource(strings = { "[]", "{}", "[1,2]", "\"text\"", "[{\"errorCode\":null}]", "42" })
    void noCodeWhenTheBodyHasNone(String json) {
        SalesforceErrorBody body = of(json);
        assertThat(body.errorCode()).isNull();
        assertThat(body.message()).isNull();
        assertThat(body.asDetail()).isInstanceOf(JsonNode.class);
    }

    @Test
    void textBodyIsKeptAsText() {
        SalesforceErrorBody body = of("<html>Service Unavailable</html>");
        assertThat(body.errorCode()).isNull();
        assertThat(body.message()).isNull();
        assertThat(body.asDetail()).isEqualTo("<html>Service Unavailable</html>");
    }

    @Test
    void emptyOrMissingBody() {
        for (SalesforceErrorBody body : new SalesforceErrorBody[] { SalesforceErrorBody.of(null),
                SalesforceErrorBody.of(new byte[0]) }) {
            assertThat(body.errorCode()).isNull();
            assertThat(body.message()).isNull();
            assertThat(body.asDetail()).isEqualTo("");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "{}", "[]", "[{\"a\":1}]", "\"s\"", "42", "true", "null", " {\"a\": [1, {\"b\": 2}]} \n" })
    void oneCompleteJsonValueIsJson(String body) {
        assertThat(SalesforceErrorBody.isJson(body.getBytes(StandardCharsets.UTF_8))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "   ", "<html/>", "{", "{\"a\":1}{\"b\":2}", "[1] [2]", "{\"a\":}", "OK" })
    void anythingElseIsNotJson(String body) {
        assertThat(SalesforceErrorBody.isJson(body.getBytes(StandardCharsets.UTF_8))).isFalse();
    }
}
