package io.salesforcetarget.failure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads Salesforce's answers: REST errors are a JSON array of {@code {message, errorCode}} (composite collections
 * say {@code statusCode}), OAuth errors an object {@code {error, error_description}}.
 */
public final class SalesforceErrorBody {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory FACTORY = MAPPER.getFactory();

    private final JsonNode json;
    private final String text;

    private SalesforceErrorBody(JsonNode json, String text) {
        this.json = json;
        this.text = text;
    }

    public static SalesforceErrorBody of(byte[] body) {
        if (body == null || body.length == 0) {
            return new SalesforceErrorBody(null, "");
        }
        try {
            return new SalesforceErrorBody(MAPPER.readTree(body), null);
        } catch (IOException e) {
            return new SalesforceErrorBody(null, new String(body, StandardCharsets.UTF_8));
        }
    }

    /** The first error's code ({@code errorCode}, {@code statusCode} or OAuth {@code error}), or null. */
    public String errorCode() {
        return firstField("errorCode", "statusCode", "error");
    }

    /** The first error's message ({@code message} or OAuth {@code error_description}), or null. */
    public String message() {
        return firstField("message", "error_description", null);
    }

    /** The body as JSON when it is JSON, else as text: what error details carry. */
    public Object asDetail() {
        return json != null ? json : text;
    }

    private String firstField(String name, String alternative, String oauthName) {
        JsonNode first = json != null && json.isArray() && !json.isEmpty() ? json.get(0) : json;
        if (first == null || !first.isObject()) {
            return null;
        }
        for (String field : new String[] { name, alternative, oauthName }) {
            if (field != null && first.hasNonNull(field)) {
                return first.get(field).asText();
            }
        }
        return null;
    }

    /** True when {@code body} is one complete JSON value; streams over it without building a tree. */
    public static boolean isJson(byte[] body) {
        try (JsonParser parser = FACTORY.createParser(body)) {
            if (parser.nextToken() == null) {
                return false;
            }
            parser.skipChildren();
            return parser.nextToken() == null;
        } catch (IOException e) {
            return false;
        }
    }
}
