package io.salesforcetarget.apicall;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.salesforcetarget.failure.ErrorCode;
import io.salesforcetarget.failure.EventFaultException;
import io.salesforcetarget.failure.LogText;

/**
 * Turns the event's data, {@code {action, resource, object, record, query, payload}}, into an {@link ApiCallRequest},
 * with one precise message for everything that is wrong. Unknown keys are ignored, as the original adapter did.
 */
public final class ApiCallRequestParser {

    /** In this order in error messages. */
    public static final Set<String> METHODS = Collections.unmodifiableSet(
            new LinkedHashSet<>(List.of("GET", "POST", "PATCH", "PUT", "DELETE", "HEAD")));

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION) // {"action":"GET","action":"DELETE"} is ambiguous
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS) // {...}{...} or {...}garbage is not JSON
            // Numbers reach Salesforce as they were sent: as doubles, 1e400 became "Infinity" and
            // 12345678901234567.89 lost its last digits.
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private ApiCallRequestParser() {
    }

    public static ApiCallRequest parse(byte[] data) {
        if (data == null || data.length == 0) {
            throw new EventFaultException(ErrorCode.REQUEST_PARSING, "the event has no data; expected the request JSON");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(data);
        } catch (JsonProcessingException e) {
            throw new EventFaultException(ErrorCode.REQUEST_PARSING,
                    "the event data is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new EventFaultException(ErrorCode.REQUEST_PARSING, "the event data could not be read as JSON");
        }
        if (root == null || !root.isObject()) {
            throw new EventFaultException(ErrorCode.REQUEST_PARSING,
                    "the event data must be a JSON object with action and resource");
        }
        String method = method(root.get("action"));
        List<String> segments = new ArrayList<>();
        PathSegments.append(segments, "resource", requiredText(root, "resource"));
        String object = optionalText(root, "object");
        String record = optionalText(root, "record");
        if (record != null && object == null) {
            throw invalid("record is set but object is not: the path is resource/object/record");
        }
        PathSegments.append(segments, "object", object);
        PathSegments.append(segments, "record", record);
        byte[] body = body(root.get("payload"));
        if (body != null && method.equals("HEAD")) {
            // It could not be sent: rather say so than call Salesforce without it.
            throw invalid("payload is set but action is HEAD, which sends no body");
        }
        return new ApiCallRequest(method, List.copyOf(segments), query(root.get("query")), body);
    }

    private static String method(JsonNode action) {
        if (action == null || action.isNull()) {
            throw invalid("action is required: one of " + String.join(", ", METHODS));
        }
        if (!action.isTextual()) {
            throw invalid("action must be a string, got " + kind(action));
        }
        String method = action.asText().trim().toUpperCase(Locale.ROOT);
        if (!METHODS.contains(method)) {
            throw invalid("action '" + LogText.printable(action.asText()) + "' is not supported: use one of "
                    + String.join(", ", METHODS));
        }
        return method;
    }

    private static String requiredText(JsonNode root, String field) {
        String value = optionalText(root, field);
        if (value == null) {
            throw invalid(field + " is required");
        }
        return value;
    }

    /** Absent, null and "" all mean "not set", as in the original adapter. */
    private static String optionalText(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw invalid(field + " must be a string, got " + kind(node));
        }
        return node.asText().isEmpty() ? null : node.asText();
    }

    private static Map<String, String> query(JsonNode query) {
        if (query == null || query.isNull()) {
            return Map.of();
        }
        if (!query.isObject()) {
            throw invalid("query must be an object of string values, got " + kind(query));
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : query.properties()) {
            JsonNode value = entry.getValue();
            if (!value.isTextual() && !value.isNumber() && !value.isBoolean()) {
                throw invalid("query." + LogText.printable(entry.getKey()) + " must be a string, number or boolean, got "
                        + kind(value));
            }
            parameters.put(entry.getKey(), value.asText());
        }
        return Collections.unmodifiableMap(parameters);
    }

    private static byte[] body(JsonNode payload) {
        if (payload == null || payload.isNull() || payload.isMissingNode()) {
            return null;
        }
        try {
            return MAPPER.writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            throw invalid("payload could not be serialised");
        }
    }

    static EventFaultException invalid(String description) {
        return new EventFaultException(ErrorCode.REQUEST_VALIDATION, description);
    }

    private static String kind(JsonNode node) {
        return node.getNodeType().name().toLowerCase(Locale.ROOT);
    }

}
