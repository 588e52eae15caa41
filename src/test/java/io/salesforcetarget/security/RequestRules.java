package io.salesforcetarget.security;

import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.databind.util.RawValue;

/**
 * The oracle: what answer each hostile input must get, by the request rules of docs/events-and-replies.md, written
 * again independently of the target's code.
 */
final class RequestRules {

    static final int MAX_BODY = 1_048_576;
    /** The target refuses resource, object, record and query longer than this once encoded (Salesforce's limit). */
    static final int MAX_ENCODED_LENGTH = 16_000;
    static final Set<String> METHODS = Set.of("GET", "POST", "PATCH", "PUT", "DELETE", "HEAD");

    private RequestRules() {
    }

    /**
     * What a case must get, beyond the invariants every case must meet (no 5xx, a reply event for every 200, no
     * secret echoed, no request outside the API path).
     *
     * @param statuses          allowed statuses; empty: any that is not 5xx
     * @param replyCodes        for a 200: the allowed reply ({@code success} or the error code); empty: any
     * @param mayGetNoAnswer    the server may close the connection without answering (broken HTTP framing)
     */
    record Expectation(Set<Integer> statuses, Set<String> replyCodes, boolean mayGetNoAnswer) {

        static Expectation any() {
            return new Expectation(Set.of(), Set.of(), false);
        }

        static Expectation status(int status) {
            return new Expectation(Set.of(status), Set.of(), false);
        }

        static Expectation reply(String... codes) {
            return new Expectation(Set.of(200), Set.of(codes), false);
        }

        Expectation orNoAnswer() {
            return new Expectation(statuses, replyCodes, true);
        }
    }

    /** What the rules say a well-formed request gets: refused before Salesforce, or sent. */
    static Expectation byTheRules(ObjectNode data) {
        long[] length = encodedLengthBounds(data);
        if (validationProblem(data) || length[0] > MAX_ENCODED_LENGTH) {
            return Expectation.reply("request-validation");
        }
        if (length[1] > MAX_ENCODED_LENGTH || (data.has("payload") && hasLoneSurrogate(data.get("payload")))) {
            // perhaps too long once encoded; or a lone surrogate, which JSON allows ("\ud800") and UTF-8 cannot
            // carry: refusing the payload or replacing the character are both fine
            return Expectation.reply("success", "adapter-process", "request-validation");
        }
        return Expectation.reply("success", "adapter-process");
    }

    /** True when the data (well-formed JSON) breaks a rule of the docs' Events section. */
    static boolean validationProblem(JsonNode data) {
        JsonNode action = data.get("action");
        if (action == null || action.isNull() || !action.isTextual()
                || !METHODS.contains(action.textValue().trim().toUpperCase(Locale.ROOT))) {
            return true;
        }
        for (String field : new String[] { "resource", "object", "record" }) {
            JsonNode value = data.get(field);
            if (value != null && !value.isNull() && !value.isTextual()) {
                return true;
            }
        }
        String resource = text(data, "resource");
        String object = text(data, "object");
        String record = text(data, "record");
        if (resource == null || (record != null && object == null)) {
            return true;
        }
        for (String value : new String[] { resource, object, record }) {
            if (value != null) {
                for (String segment : value.split("/", -1)) {
                    if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                        return true;
                    }
                }
            }
        }
        JsonNode query = data.get("query");
        if (query != null && !query.isNull()) {
            if (!query.isObject()) {
                return true;
            }
            for (JsonNode value : query) {
                if (!(value.isTextual() || value.isNumber() || value.isBoolean() || isRawNumber(value))) {
                    return true;
                }
            }
        }
        JsonNode payload = data.get("payload");
        // a payload cannot go with HEAD
        return payload != null && !payload.isNull() && action.textValue().trim().equalsIgnoreCase("HEAD");
    }

    /**
     * Bounds of the length of resource/object/record and query once percent-encoded: each UTF-8 byte is one to
     * three characters.
     */
    static long[] encodedLengthBounds(JsonNode data) {
        long bytes = 0;
        for (String field : new String[] { "resource", "object", "record" }) {
            JsonNode value = data.get(field);
            if (value != null && value.isTextual()) {
                bytes += value.textValue().getBytes(StandardCharsets.UTF_8).length + 1;
            }
        }
        JsonNode query = data.get("query");
        if (query != null && query.isObject()) {
            for (java.util.Iterator<Map.Entry<String, JsonNode>> it = query.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> entry = it.next();
                String value = isRawNumber(entry.getValue())
                        ? ((RawValue) ((POJONode) entry.getValue()).getPojo()).rawValue().toString()
                        : entry.getValue().asText();
                bytes += (entry.getKey() + value).getBytes(StandardCharsets.UTF_8).length + 2;
            }
        }
        return new long[] { bytes - 10, bytes * 3 };
    }

    static boolean hasLoneSurrogate(JsonNode node) {
        if (node.isTextual()) {
            String text = node.textValue();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else if (Character.isSurrogate(c)) {
                    return true;
                }
            }
            return false;
        }
        for (java.util.Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            if (hasLoneSurrogate(JsonNodeFactory.instance.textNode(field.getKey())) || hasLoneSurrogate(field.getValue())) {
                return true;
            }
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                if (hasLoneSurrogate(element)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String text(JsonNode data, String field) {
        JsonNode value = data.get(field);
        return value == null || value.isNull() || value.textValue().isEmpty() ? null : value.textValue();
    }

    private static boolean isRawNumber(JsonNode node) {
        return node.isPojo() && ((POJONode) node).getPojo() instanceof RawValue;
    }
}
