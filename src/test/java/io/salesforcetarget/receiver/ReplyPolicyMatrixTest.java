package io.salesforcetarget.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.cloudevents.CloudEvent;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import io.salesforcetarget.settings.ReplyPolicy;

/**
 * The reply contract, each policy × each outcome × both modes. The table below is the table:
 * <pre>
 * outcome                  | always                | error                 | never
 * Salesforce 2xx/3xx       | 200 + success event   | 204 no body           | 204 no body
 * event at fault           | 200 + error event     | 200 + error event     | 204 no body
 * not a CloudEvent         | 400                   | 400                   | 400
 * not the event's fault    | 503 + Retry-After     | 503 + Retry-After     | 503 + Retry-After
 * </pre>
 */
@ParameterizedClass(name = "policy {0}")
@EnumSource(ReplyPolicy.class)
class ReplyPolicyMatrixTest extends ReceiverRouteTestSupport {

    private static final String ACCOUNT = "{\"attributes\":{\"type\":\"Account\"},\"Id\":\"001D000000IqhSLIAZ\",\"Name\":\"Acme\"}";

    private final ReplyPolicy policy;

    ReplyPolicyMatrixTest(ReplyPolicy policy) {
        this.policy = policy;
    }

    @Override
    ReplyPolicy policy() {
        return policy;
    }

    @ParameterizedTest(name = "{0} in {1} mode: always={2}, error={3}, never={4}")
    @CsvSource({
            // outcome,                 mode,       always,      error,       never
            "salesforce 200,            BINARY,     200 success, 204,         204",
            "salesforce 200,            STRUCTURED, 200 success, 204,         204",
            "salesforce 201,            BINARY,     200 success, 204,         204",
            "salesforce 204,            BINARY,     200 success, 204,         204",
            "salesforce 204,            STRUCTURED, 200 success, 204,         204",
            "salesforce 300,            BINARY,     200 success, 204,         204",
            "unsupported type,          BINARY,     200 error,   200 error,   204",
            "unsupported type,          STRUCTURED, 200 error,   200 error,   204",
            "data not request JSON,     BINARY,     200 error,   200 error,   204",
            "invalid request,           STRUCTURED, 200 error,   200 error,   204",
            "salesforce 400,            BINARY,     200 error,   200 error,   204",
            "salesforce 404,            STRUCTURED, 200 error,   200 error,   204",
            "salesforce 200 not JSON,   BINARY,     200 error,   200 error,   204",
            "missing id,                BINARY,     400,         400,         400",
            "malformed envelope,        STRUCTURED, 400,         400,         400",
            "salesforce 503,            BINARY,     503,         503,         503",
            "salesforce 503,            STRUCTURED, 503,         503,         503",
            "salesforce 429,            BINARY,     503,         503,         503",
            "request limit exceeded,    STRUCTURED, 503,         503,         503",
            "salesforce unreachable,    BINARY,     503,         503,         503" })
    void replyFollowsThePolicy(String outcome, Mode mode, String always, String error, String never) {
        String expected = switch (policy) {
            case ALWAYS -> always;
            case ERROR -> error;
            case NEVER -> never;
        };

        Exchange reply = play(outcome, mode);

        switch (expected) {
            case "200 success" -> {
                CloudEvent event = assertReplyEvent(reply, mode, "success");
                if (outcome.equals("salesforce 204")) {
                    assertThat(event.getData()).isNull();
                } else {
                    assertThat(event.getData()).isNotNull();
                }
            }
            case "200 error" -> assertErrorEvent(reply, mode, expectedErrorCode(outcome));
            case "204" -> assertAcknowledgedWithoutReply(reply);
            case "400" -> assertBadRequest(reply);
            case "503" -> assertRetryLater(reply);
            default -> throw new IllegalArgumentException(expected);
        }
    }

    /** Plays {@code outcome} and returns the sender's answer. */
    private Exchange play(String outcome, Mode mode) {
        String data = QUERY_DATA;
        String type = API_CALL_TYPE;
        Processor answer = switch (outcome) {
            case "salesforce 200" -> answers(200, ACCOUNT);
            case "salesforce 201" -> answers(201, "{\"id\":\"001D000000IqhSLIAZ\",\"errors\":[],\"success\":true}");
            case "salesforce 204" -> answers(204, "");
            case "salesforce 300" -> answers(300, "[\"/services/data/v59.0/sobjects/Account/a\"]");
            case "salesforce 400" -> answers(400, "[{\"message\":\"bad\",\"errorCode\":\"MALFORMED_ID\"}]");
            case "salesforce 404" -> answers(404, "[{\"message\":\"missing\",\"errorCode\":\"NOT_FOUND\"}]");
            case "salesforce 200 not JSON" -> answers(200, "<html/>");
            case "salesforce 503" -> answers(503, "[{\"message\":\"busy\",\"errorCode\":\"SERVER_UNAVAILABLE\"}]");
            case "salesforce 429" -> answers(429, "");
            case "request limit exceeded" -> answers(403,
                    "[{\"message\":\"TotalRequests Limit exceeded.\",\"errorCode\":\"REQUEST_LIMIT_EXCEEDED\"}]");
            case "salesforce unreachable" -> fails(new ConnectException("Connection refused"));
            default -> answers(200, ACCOUNT);
        };
        salesforce = answer;
        switch (outcome) {
            case "unsupported type" -> type = "com.example.other";
            case "data not request JSON" -> data = "\"GET limits\"";
            case "invalid request" -> data = "{\"action\":\"GET\"}";
            case "missing id" -> {
                return sendRaw(Map.of("ce-specversion", "1.0", "ce-source", "https://sender.example.com",
                        "ce-type", API_CALL_TYPE, Exchange.CONTENT_TYPE, "application/json", "Cookie", "a=secret"),
                        QUERY_DATA);
            }
            case "malformed envelope" -> {
                return sendRaw(Map.of(Exchange.CONTENT_TYPE, "application/cloudevents+json",
                        "Authorization", "Bearer secret"), "{\"specversion\":\"1.0\",\"id\":\"1\",");
            }
            default -> {
                // a well-formed event
            }
        }
        Exchange reply = send(mode, type, data);
        if (!outcome.equals("unsupported type")) {
            assertThat(salesforceCalls).hasSize(1);
            assertThat(salesforceCalls.get(0).body().getBytes(StandardCharsets.UTF_8)).isNotEmpty();
        }
        return reply;
    }

    private static String expectedErrorCode(String outcome) {
        return switch (outcome) {
            case "unsupported type" -> "event-context";
            case "data not request JSON" -> "request-parsing";
            case "invalid request" -> "request-validation";
            case "salesforce 400", "salesforce 404" -> "adapter-process";
            case "salesforce 200 not JSON" -> "response-parsing";
            default -> throw new IllegalArgumentException(outcome);
        };
    }
}
