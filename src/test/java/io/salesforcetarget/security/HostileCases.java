package io.salesforcetarget.security;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.databind.util.RawValue;

/**
 * Generates hostile HTTP requests for the target, each one from its own seeded {@link Random} (seed and index), so
 * that any case can be generated again alone. Families:
 * <ul>
 * <li>{@code fields}: a well-formed event whose action, resource, object, record, query and payload hold path
 * traversal in every spelling, CR/LF/NUL, {@code ?}/{@code #}, unicode dots, very long text;</li>
 * <li>{@code types}: a wrong JSON type in a field;</li>
 * <li>{@code numbers}: huge and very precise numbers in the payload and query, checked to arrive unchanged;</li>
 * <li>{@code json}: deep nesting, huge numbers and strings, duplicate keys, trailing data, non-UTF-8 bytes, raw
 * control characters, not JSON at all;</li>
 * <li>{@code envelope}: structured-mode envelopes with missing, mistyped or unknown attributes and specversions;</li>
 * <li>{@code headers}: binary-mode headers with CR, LF, NUL, non-UTF-8 bytes, huge or repeated values, odd
 * content types, broken framing;</li>
 * <li>{@code conflict}: binary and structured mode at once, batch content type;</li>
 * <li>{@code http}: other methods, request targets and versions, pipelining;</li>
 * <li>{@code size}: bodies just under and over the 1 MiB limit.</li>
 * </ul>
 * Many cases carry the sender's own secrets ({@link #INBOUND_SECRET_PREFIX}) in Authorization and Cookie headers
 * or as an envelope extension: they must never reach Salesforce nor come back.
 */
final class HostileCases {

    static final String API_CALL = "io.triggermesh.salesforce.apicall";
    static final String INBOUND_SECRET_PREFIX = "inbound-secret-";
    static final int MAX_BODY = 1_048_576;
    static final String CORRELATION = "hostile-case";
    /** The target refuses resource, object, record and query longer than this once encoded (Salesforce's limit). */
    static final int MAX_ENCODED_LENGTH = 16_000;
    static final Set<String> METHODS = Set.of("GET", "POST", "PATCH", "PUT", "DELETE", "HEAD");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Path-ish atoms: traversal in every spelling, separators, specials, unicode look-alikes, plain names. */
    private static final String[] ATOMS = {
        "..", ".", "...", "%2e%2e", "%2E%2E", "%2e.", ".%2e", "%252e%252e", "..%2f", "%2f", "%2F", "%5c", "\\",
        "..\\..", "..;", ";..", ".%00.", "%c0%ae%c0%ae", "%u002e%u002e", "..%c0%af", "\u2024\u2024", "\uFF0E\uFF0E",
        "\u3002\u3002", "\uFE52\uFE52", "\u2025", "\u2026", "\u0000", "\r\n", "\r", "\n", "\t", "\u0085", "\u2028",
        "\u000b", "\u007f", "?", "#", "&", "=", ";", "%", "%00", "%0d%0a", " ", "+", "@", ":", "~", "a b?c", "x#y",
        "x?y=z", "\uD83D\uDE00", "\uD800", "\uDC00", "\u202E", "\u00A0", "\u00e9", "\uFEFF", "Account", "sobjects",
        "0014x000005Y9SNAA0", "ExtId__c", "query", "limits", "services", "oauth2", "token", "data", "v62.0",
        "__admin", "http:", "//evil.example", "evil.example:80", "https://evil.example/x", "${jndi:ldap://x}",
        "{{env:HOME}}", "<script>", "'\"", "*", "..../", "....//", "/..", "../", "/", "//",
    };
    private static final String[] SIMPLE_RESOURCES = { "limits", "sobjects", "query", "sobjects/Account" };
    private static final String[] CE_ATTRIBUTES = { "specversion", "id", "source", "type" };

    private HostileCases() {
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

    /**
     * A payload and numeric query values that must reach Salesforce unchanged (as numbers); the recorded request is
     * found by its {@value #CORRELATION} query parameter.
     */
    record Fidelity(String marker, JsonNode payload, Map<String, String> numericQuery) {
    }

    record HostileCase(int index, String family, String summary, byte[] request, Expectation expect,
            Fidelity fidelity, boolean halfClose) {
    }

    static long caseSeed(long seed, int index) {
        return seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L;
    }

    static HostileCase generate(long seed, int index) {
        Random r = new Random(caseSeed(seed, index));
        Builder b = new Builder(index, r);
        int pick = r.nextInt(100);
        if (pick < 34) {
            b.fields();
        } else if (pick < 44) {
            b.types();
        } else if (pick < 50) {
            b.numbers();
        } else if (pick < 62) {
            b.json();
        } else if (pick < 72) {
            b.envelope();
        } else if (pick < 84) {
            b.headers();
        } else if (pick < 90) {
            b.conflict();
        } else if (pick < 97) {
            b.requestLine();
        } else {
            b.size();
        }
        return b.build();
    }

    /** Builds one case; the family methods fill in the request and what it must get. */
    private static final class Builder {
        private final int index;
        private final Random r;
        private final String secret;
        private String family;
        private String summary;
        private byte[] request;
        private Expectation expect = Expectation.any();
        private Fidelity fidelity;
        private boolean halfClose;

        Builder(int index, Random r) {
            this.index = index;
            this.r = r;
            this.secret = INBOUND_SECRET_PREFIX + Long.toHexString(r.nextLong() & Long.MAX_VALUE);
        }

        HostileCase build() {
            return new HostileCase(index, family, summary, request, expect, fidelity, halfClose);
        }

        private String eventId() {
            return "hostile-" + index + "-" + Integer.toHexString(r.nextInt());
        }

        // ---------------------------------------------------------------------------------------------------
        // families

        /** A well-formed event whose data fields are hostile. */
        void fields() {
            family = "fields";
            ObjectNode data = NODES.objectNode();
            data.put("action", r.nextInt(10) < 8 ? validAction() : hostileText());
            data.put("resource", r.nextInt(10) < 2 ? pick(SIMPLE_RESOURCES) : hostilePath());
            int objectChoice = r.nextInt(10);
            if (objectChoice < 2) {
                data.put("object", r.nextBoolean() ? "Account" : "");
            } else if (objectChoice < 3) {
                data.putNull("object");
            } else if (objectChoice < 7) {
                data.put("object", hostilePath());
            }
            if (r.nextInt(10) < 5) {
                data.put("record", hostilePath());
            }
            if (r.nextInt(10) < 4) {
                ObjectNode query = data.putObject("query");
                for (int i = r.nextInt(4); i > 0; i--) {
                    switch (r.nextInt(4)) {
                        case 0 -> query.put(hostileText(), r.nextInt());
                        case 1 -> query.put(hostileText(), r.nextBoolean());
                        default -> query.put(hostileText(), hostileText());
                    }
                }
            }
            if (r.nextInt(10) < 3) {
                data.set("payload", randomJson(3));
            }
            expect = byTheRules(data);
            event(data);
        }

        /** A wrong JSON type in one or two fields of an otherwise valid request. */
        void types() {
            family = "types";
            ObjectNode data = NODES.objectNode();
            data.put("action", "GET");
            data.put("resource", "sobjects");
            data.put("object", "Account");
            data.put("record", "0014x000005Y9SNAA0");
            if (r.nextBoolean()) {
                data.putObject("query").put("fields", "Name");
            }
            String[] fields = { "action", "resource", "object", "record", "query", "payload", "query-value" };
            for (int n = 1 + r.nextInt(2); n > 0; n--) {
                String field = pick(fields);
                JsonNode wrong = wrongType();
                if (field.equals("query-value")) {
                    data.putObject("query").set(hostileText(), wrong);
                } else {
                    data.set(field, wrong);
                }
            }
            expect = byTheRules(data);
            event(data);
        }

        /** Numbers Jackson would round, or turn into "Infinity": they must reach Salesforce as the same numbers. */
        void numbers() {
            family = "numbers";
            String marker = index + "-" + Integer.toHexString(r.nextInt());
            ObjectNode data = NODES.objectNode();
            data.put("action", "PATCH"); // a GET carries no body
            data.put("resource", "limits");
            ObjectNode query = data.putObject("query");
            query.put(CORRELATION, marker);
            Map<String, String> numericQuery = new LinkedHashMap<>();
            for (int i = r.nextInt(3); i > 0; i--) {
                String number = hugeNumber();
                query.set("n" + i, raw(number));
                numericQuery.put("n" + i, number);
            }
            ObjectNode payload = NODES.objectNode();
            payload.set("a", raw(hugeNumber()));
            ArrayNode list = payload.putArray("b");
            for (int i = r.nextInt(4); i > 0; i--) {
                list.add(raw(hugeNumber()));
            }
            data.set("payload", payload);
            fidelity = new Fidelity(marker, payload, numericQuery);
            expect = Expectation.reply("success", "adapter-process"); // the org refuses PATCH on limits: fine
            event(data);
        }

        /** Data that is not the request JSON, or JSON at (or past) the parser's limits. */
        void json() {
            family = "json";
            String start = "{\"action\":\"GET\",\"resource\":\"limits\"";
            byte[] data;
            int variant = r.nextInt(14);
            switch (variant) {
                case 0 -> {
                    int depth = pick(new int[] { 10, 500, 998, 999, 1000, 1001, 1002, 2000, 50_000, 200_000 });
                    boolean arrays = r.nextBoolean();
                    data = bytes(start + ",\"payload\":" + nested(depth, arrays) + "}");
                    summary = "payload nested " + depth + " deep";
                    // the data object is one level: Jackson allows 1000 in all
                    expect = 1 + depth <= 1000 ? Expectation.reply("success") : Expectation.reply("request-parsing");
                }
                case 1 -> {
                    int depth = pick(new int[] { 1, 999, 1000, 1001, 100_000 });
                    boolean arrays = r.nextBoolean();
                    data = bytes(nested(depth, arrays));
                    summary = "root nested " + depth + " deep";
                    // an object without action is a request to validate; an array or too deep is not the request
                    expect = !arrays && depth <= 1000 ? Expectation.reply("request-validation")
                            : Expectation.reply("request-parsing");
                }
                case 2 -> {
                    int digits = 1001 + r.nextInt(30_000);
                    data = bytes(start + ",\"payload\":{\"n\":" + "9".repeat(digits) + "}}");
                    summary = "a number of " + digits + " digits";
                    expect = Expectation.reply("request-parsing");
                }
                case 3 -> {
                    int length = pick(new int[] { 10_000, 100_000, 500_000, MAX_BODY - 200 });
                    data = bytes(start + ",\"payload\":{\"s\":\"" + "x".repeat(length) + "\"}}");
                    summary = "a string of " + length + " characters";
                    expect = Expectation.reply("success");
                }
                case 4 -> {
                    String[] duplicates = {
                        "{\"action\":\"GET\",\"action\":\"DELETE\",\"resource\":\"limits\"}",
                        "{\"action\":\"GET\",\"resource\":\"limits\",\"resource\":\"sobjects\"}",
                        start + ",\"payload\":{\"a\":1,\"b\":{\"c\":1,\"c\":2}}}",
                        start + ",\"query\":{\"q\":\"1\",\"q\":\"2\"}}",
                        "{\"action\":\"GET\",\"resource\":\"sobjects\",\"object\":\"Account\",\"record\":\"x\","
                                + "\"record\":\"../..\"}",
                    };
                    data = bytes(pick(duplicates));
                    summary = "duplicate keys";
                    expect = Expectation.reply("request-parsing");
                }
                case 5 -> {
                    data = bytes(start + "}" + pick(new String[] { "x", "{}", "]", "\u0000", ",", "{\"a\":1}" }));
                    summary = "trailing data";
                    expect = Expectation.reply("request-parsing");
                }
                case 6 -> {
                    byte[][] bad = { { (byte) 0xff }, { (byte) 0xfe, (byte) 0xff }, { (byte) 0xc3, 0x28 },
                        { (byte) 0xc0, (byte) 0xaf }, { (byte) 0xe0, (byte) 0x80, (byte) 0xaf },
                        { (byte) 0xed, (byte) 0xa0, (byte) 0x80 }, { (byte) 0xf8, (byte) 0x88, (byte) 0x80 },
                        { (byte) 0x80 }, { (byte) 0xc0, (byte) 0xae, (byte) 0xc0, (byte) 0xae } };
                    String field = pick(new String[] { "resource", "object", "record", "action" });
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    out.writeBytes(bytes("{\"action\":\"GET\",\"resource\":\"sobjects\",\"object\":\"Account\","));
                    out.writeBytes(bytes("\"" + field + "2\":1,\"" + field + "\":\"a"));
                    out.writeBytes(pick(bad));
                    out.writeBytes(bytes(pick(new String[] { "b", "..", "/..", "" }) + "\"}"));
                    data = out.toByteArray();
                    summary = "bytes that are not UTF-8 in " + field;
                    expect = Expectation.reply(); // any reply event: parsing error, or a request that stays below
                }
                case 7 -> {
                    char control = pick(new char[] { '\u0000', '\n', '\r', '\u0001', '\u001f' });
                    data = bytes("{\"action\":\"GET\",\"resource\":\"lim" + control + "its\"}");
                    summary = "a raw control character inside a string";
                    expect = Expectation.reply("request-parsing");
                }
                case 8 -> {
                    String[] notJson = { "", " ", "null", "[]", "\"str\"", "123", "{", "}", "{\"action\":}",
                        "NaN", "/*x*/{\"action\":\"GET\",\"resource\":\"limits\"}",
                        "{'action':'GET','resource':'limits'}", "{action:\"GET\",resource:\"limits\"}",
                        start + ",\"payload\":NaN}", start + ",\"payload\":Infinity}", start + ",\"payload\":-}",
                        start + ",\"payload\":01}", start + ",\"payload\":1.}", start + ",\"payload\":.5}",
                        start + ",\"payload\":0x10}", "true", "[{\"action\":\"GET\",\"resource\":\"limits\"}]" };
                    data = bytes(pick(notJson));
                    summary = "not the request JSON";
                    expect = Expectation.reply("request-parsing");
                }
                case 9 -> {
                    data = concat(new byte[] { (byte) 0xef, (byte) 0xbb, (byte) 0xbf }, bytes(start + "}"));
                    summary = "a UTF-8 byte order mark";
                    expect = Expectation.reply("success", "request-parsing");
                }
                case 10 -> {
                    data = (start + "}").getBytes(r.nextBoolean() ? StandardCharsets.UTF_16BE
                            : StandardCharsets.UTF_16LE);
                    summary = "UTF-16";
                    expect = Expectation.reply("success", "request-parsing");
                }
                case 11 -> {
                    data = bytes(start + ",\"payload\":{\"s\":\"\\ud800\",\"t\":\"\\udc00x\"}}");
                    summary = "lone surrogates in the payload";
                    expect = Expectation.reply("success", "request-validation");
                }
                case 12 -> {
                    data = bytes("{\"action\":\"GET\",\"resource\":\"sobjects\",\"object\":\"Account\",\"record\":\""
                            + pick(new String[] { "\\u0000", "\\u002e\\u002e", "..\\u002f..", "\\u002e", "a\\u0000b",
                                "\\r\\nHost: evil", "\\u2024\\u2024" }) + "\"}");
                    summary = "escaped specials in the record";
                    expect = Expectation.reply("success", "adapter-process", "request-validation");
                }
                default -> {
                    StringBuilder wide = new StringBuilder(start).append(",\"payload\":{");
                    int keys = pick(new int[] { 1_000, 20_000, 60_000 });
                    for (int i = 0; i < keys; i++) {
                        wide.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":").append(i);
                    }
                    data = bytes(wide.append("}}").toString());
                    summary = "an object with " + keys + " keys";
                    expect = Expectation.reply("success");
                }
            }
            summary = "json/" + variant + ": " + summary;
            if (data.length > MAX_BODY) {
                expect = Expectation.status(413);
            }
            if (r.nextInt(4) == 0) {
                // the same data in structured mode, as data_base64 (the envelope itself stays valid)
                ObjectNode envelope = envelopeAttributes();
                envelope.put("datacontenttype", "application/json");
                envelope.put("data_base64", Base64.getEncoder().encodeToString(data));
                byte[] body = bytes(JsonText.write(envelope, r.nextBoolean()));
                if (body.length > MAX_BODY) {
                    expect = Expectation.status(413);
                }
                request = http().contentType("application/cloudevents+json").body(body).build();
                summary += " (structured, data_base64)";
            } else {
                request = binary(data, "application/json").build();
            }
        }

        /** Structured mode: attributes missing, mistyped, unknown. */
        void envelope() {
            family = "envelope";
            ObjectNode envelope = envelopeAttributes();
            ObjectNode data = NODES.objectNode();
            data.put("action", "GET");
            data.put("resource", "limits");
            envelope.set("data", data);
            int variant = r.nextInt(12);
            switch (variant) {
                case 0 -> {
                    String attribute = pick(CE_ATTRIBUTES);
                    envelope.remove(attribute);
                    summary = "no " + attribute;
                    expect = Expectation.status(400);
                }
                case 1 -> {
                    String version = pick(new String[] { "0.1", "0.2", "1.1", "2.0", "", " 1.0", "1.0 ", "1", "v1.0",
                        "1.0\u0000", "\u0661.\u0660" });
                    envelope.put("specversion", version);
                    summary = "specversion '" + version + "'";
                    expect = Expectation.status(400);
                }
                case 2 -> {
                    String attribute = pick(CE_ATTRIBUTES);
                    envelope.set(attribute, wrongType());
                    summary = attribute + " of a wrong type";
                }
                case 3 -> {
                    String type = pick(new String[] { "io.triggermesh.salesforce.apicall.response", "x",
                        API_CALL.toUpperCase(Locale.ROOT), API_CALL + "\u0000", API_CALL + " ", "\u0130" + API_CALL });
                    envelope.put("type", type);
                    summary = "type '" + type + "'";
                    expect = Expectation.reply("event-context");
                }
                case 4 -> {
                    envelope.put(pick(new String[] { "id", "source" }), pick(new String[] { "", "\u0000", "a\r\nb",
                        "x".repeat(100_000), "::::", "http://[", "\\\\evil\\share", "%", "\uD800" }));
                    summary = "odd id or source";
                }
                case 5 -> {
                    envelope.put("datacontenttype", pick(new String[] { "text/plain", "application/xml",
                        "application/json; charset=iso-8859-1", "", "application/cloudevents+json", "\u0000",
                        "application/json\r\nX-Injected: 1", "image/png" }));
                    summary = "datacontenttype " + envelope.get("datacontenttype");
                }
                case 6 -> {
                    envelope.remove("data");
                    envelope.put("data_base64", pick(new String[] { "!!!not base64!!!", "", "e30=", "=", "eyJ",
                        Base64.getEncoder().encodeToString(bytes("{\"action\":\"GET\",\"resource\":\"limits\"}")) }));
                    if (r.nextBoolean()) {
                        envelope.set("data", data);
                    }
                    summary = "data_base64";
                }
                case 7 -> {
                    envelope.set("data", pick(new JsonNode[] { NODES.textNode("{\"action\":\"GET\"}"),
                        NODES.numberNode(1), NODES.nullNode(), NODES.arrayNode(), NODES.booleanNode(true),
                        NODES.textNode("") }));
                    summary = "data not an object";
                    expect = Expectation.any();
                }
                case 8 -> {
                    String name = pick(new String[] { "Auth", "x-y", "", "authorization", "a".repeat(300), "\u00e9",
                        "data_base64x", "id2" });
                    envelope.set(name, r.nextBoolean() ? NODES.textNode(secret) : wrongType());
                    summary = "extension '" + name + "'";
                }
                case 9 -> {
                    envelope.put(pick(new String[] { "time", "dataschema", "subject" }),
                            pick(new String[] { "not a time", "::::", "1985-04-12T23:20:50.52Z", "", "\u0000" }));
                    summary = "odd optional attribute";
                }
                case 10 -> {
                    summary = "an envelope that is not an object, or is nested too deep";
                    expect = Expectation.status(400);
                    request = http().contentType("application/cloudevents+json")
                            .body(bytes(pick(new String[] { "[]", "\"x\"", "1", "null", "", "{", nested(1200, false),
                                "[" + JsonText.write(envelope, false) + "]" }))).build();
                    return;
                }
                default -> {
                    envelope.remove("data");
                    envelope.set("data", nestedNode(1000 + r.nextInt(3)));
                    summary = "data nested about 1000 deep";
                }
            }
            summary = "envelope/" + variant + ": " + summary;
            String contentType = pick(new String[] { "application/cloudevents+json",
                "application/cloudevents+json; charset=utf-8", "application/cloudevents+json;charset=UTF-8" });
            request = http().contentType(contentType).body(bytes(JsonText.write(envelope, r.nextBoolean()))).build();
        }

        /** Binary mode with hostile headers and framing; sent raw, byte for byte. */
        void headers() {
            family = "headers";
            byte[] data = bytes("{\"action\":\"GET\",\"resource\":\"limits\"}");
            Http http = binary(data, "application/json");
            int variant = r.nextInt(13);
            switch (variant) {
                case 0 -> {
                    byte[] bad = pick(new byte[][] { { '\r' }, { '\n' }, { 0 }, { 1 }, { 0x7f }, { (byte) 0xff },
                        { (byte) 0xc3, 0x28 }, { '\r', '\n', 'X', ':', ' ', 'y' }, { '\r', '\n', ' ', 'x' },
                        { '\n', '\r', '\n' } });
                    String name = pick(new String[] { "ce-id", "ce-source", "ce-type", "ce-specversion", "Content-Type",
                        "Authorization", "X-Other", "ce-subject" });
                    http.replace(name, concat(bytes(name + ": a"), bad, bytes("b")));
                    summary = "byte " + hex(bad) + " in " + name;
                }
                case 1 -> {
                    String name = pick(new String[] { "ce-id", "ce-source", "ce-subject", "X-Other", "Authorization" });
                    int length = pick(new int[] { 4_000, 8_000, 9_000, 70_000 });
                    http.replace(name, bytes(name + ": " + "a".repeat(length)));
                    summary = name + " of " + length + " bytes";
                    expect = expect.orNoAnswer();
                }
                case 2 -> {
                    int count = pick(new int[] { 100, 1_000, 5_000 });
                    for (int i = 0; i < count; i++) {
                        http.header("X-Many-" + i, "v");
                    }
                    summary = count + " headers";
                    expect = expect.orNoAnswer();
                }
                case 3 -> {
                    String name = pick(CE_ATTRIBUTES);
                    http.header("ce-" + name, pick(new String[] { "other", "1.0", API_CALL, "x" }));
                    summary = "ce-" + name + " twice";
                }
                case 4 -> {
                    http.remove("ce-specversion");
                    if (r.nextBoolean()) {
                        http.header("ce-specversion", pick(new String[] { "0.1", "2.0", "1.1", "", "1.0.0" }));
                        summary = "unknown ce-specversion";
                    } else {
                        summary = "no ce-specversion";
                    }
                    expect = Expectation.status(400);
                }
                case 5 -> {
                    String contentType = pick(new String[] { null, "text/plain", "application/xml",
                        "application/json; charset=iso-8859-1", "multipart/form-data; boundary=xyz",
                        "application/x-www-form-urlencoded", "application/octet-stream", "*/*", "application/json,",
                        "application/json; charset=\"\u00e9\"" });
                    http.remove("Content-Type");
                    if (contentType != null) {
                        http.header("Content-Type", contentType);
                    }
                    if (contentType != null && contentType.startsWith("multipart")) {
                        http.body(bytes("--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"../../x\""
                                + "\r\n\r\n{\"action\":\"GET\",\"resource\":\"limits\"}\r\n--xyz--\r\n"));
                    } else if (contentType != null && contentType.startsWith("application/x-www")) {
                        http.body(bytes("action=GET&resource=limits&ce-id=smuggled&Authorization=" + secret));
                    }
                    summary = "content type " + contentType;
                }
                case 6 -> {
                    http.chunked(r.nextBoolean() ? 7 : 1_000);
                    summary = "chunked";
                    expect = Expectation.reply("success");
                }
                case 7 -> {
                    http.noContentLength();
                    String[] framing = { "Content-Length: 10\r\nContent-Length: 20", "Content-Length: -1",
                        "Content-Length: abc", "Content-Length: +" + data.length, "Content-Length: 99999999999999999999",
                        "Transfer-Encoding: chunked\r\nContent-Length: " + data.length,
                        "Transfer-Encoding: identity", "Transfer-Encoding: chunked, identity",
                        "Transfer-Encoding: gzip" };
                    String chosen = pick(framing);
                    http.rawHeaderLine(bytes(chosen));
                    summary = "framing: " + chosen;
                    expect = expect.orNoAnswer();
                    halfClose = true;
                }
                case 8 -> {
                    http.noContentLength();
                    http.header("Content-Length", String.valueOf(data.length + 1 + r.nextInt(100)));
                    summary = "Content-Length longer than the body";
                    expect = expect.orNoAnswer();
                    halfClose = true;
                }
                case 9 -> {
                    http.noHost();
                    if (r.nextBoolean()) {
                        http.header("Host", "evil.example");
                        http.header("Host", "127.0.0.1");
                    }
                    summary = "no or two Host headers";
                }
                case 10 -> {
                    for (String name : new String[] { "Proxy-Authorization", "X-Forwarded-Host", "X-Forwarded-For",
                        "Forwarded", "X-HTTP-Method-Override", "X-Original-URL", "X-Rewrite-URL" }) {
                        http.header(name, name.startsWith("Proxy") ? "Basic " + secret : "evil.example/../../x");
                    }
                    summary = "proxy and override headers";
                    expect = Expectation.reply("success");
                }
                case 11 -> {
                    String value = pick(new String[] { "\u00e9\u00e8", "\u2024\u2024", "\uD83D\uDE00", "\u202E" });
                    String name = pick(new String[] { "ce-id", "ce-source", "ce-subject", "ce-type" });
                    http.replace(name, concat(bytes(name + ": "), value.getBytes(StandardCharsets.UTF_8)));
                    summary = "UTF-8 in " + name;
                }
                default -> {
                    http.header("Expect", "100-continue");
                    summary = "Expect: 100-continue";
                }
            }
            summary = "headers/" + variant + ": " + summary;
            request = http.build();
        }

        /** Binary and structured at once; batch. */
        void conflict() {
            family = "conflict";
            ObjectNode envelope = envelopeAttributes();
            ObjectNode data = NODES.objectNode();
            data.put("action", "GET");
            data.put("resource", "limits");
            envelope.set("data", data);
            int variant = r.nextInt(5);
            switch (variant) {
                case 0 -> {
                    ArrayNode batch = NODES.arrayNode().add(envelope).add(envelope.deepCopy().put("id", eventId()));
                    Http http = r.nextBoolean() ? http() : binary(new byte[0], null);
                    request = http.contentType("application/cloudevents-batch+json")
                            .body(bytes(JsonText.write(batch, false))).build();
                    summary = "batch";
                    expect = Expectation.status(400);
                }
                case 1 -> {
                    Http http = binary(bytes(JsonText.write(envelope, false)), null);
                    http.replace("ce-id", bytes("ce-id: " + eventId()));
                    http.replace("ce-type", bytes("ce-type: " + pick(new String[] { API_CALL, "other" })));
                    request = http.contentType("application/cloudevents+json").build();
                    summary = "ce-* headers and a structured envelope";
                }
                case 2 -> {
                    String contentType = pick(new String[] { "APPLICATION/CLOUDEVENTS+JSON", "application/cloudevents",
                        "application/cloudevents+xml", "application/cloudevents+protobuf",
                        "application/cloudevents+json+x", "application/cloudevents-batch" });
                    Http http = r.nextBoolean() ? http() : binary(new byte[0], null);
                    request = http.contentType(contentType).body(bytes(JsonText.write(envelope, false))).build();
                    summary = "content type " + contentType;
                }
                case 3 -> {
                    Http http = binary(bytes("{\"action\":\"GET\",\"resource\":\"limits\"}"), "application/json");
                    http.header("Content-Type", "application/cloudevents+json");
                    request = http.build();
                    summary = "two content types";
                }
                default -> {
                    envelope.put("specversion", "0.3");
                    Http http = binary(bytes(JsonText.write(envelope, false)), null);
                    request = http.contentType("application/cloudevents+json").build();
                    summary = "0.3 envelope with 1.0 headers";
                }
            }
            summary = "conflict/" + variant + ": " + summary;
        }

        /** Other methods, request targets, versions. */
        void requestLine() {
            family = "http";
            byte[] data = bytes("{\"action\":\"GET\",\"resource\":\"limits\"}");
            Http http = binary(data, "application/json");
            int variant = r.nextInt(4);
            switch (variant) {
                case 0 -> {
                    String method = pick(new String[] { "GET", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "HEAD",
                        "FOO", "post", "P OST", "POST\u0000", "CONNECT", "PROPFIND" });
                    http.method(method);
                    summary = "method " + method;
                    expect = method.equals("HEAD") ? Expectation.any().orNoAnswer() : Expectation.any();
                }
                case 1 -> {
                    String target = pick(new String[] { "/..", "/../", "/%2e%2e/", "/./", "//", "/?x=1", "/#frag", "*",
                        "http://127.0.0.1/", "http://evil.example/", "/\\", "/%00", "/\u00e9", "/%", "/%zz",
                        "/services/data/v62.0/limits", "/" + "a".repeat(5_000), "/?" + "a=b&".repeat(2_000), "",
                        "/ /", "/\t" });
                    http.target(target);
                    summary = "request target " + (target.length() > 40 ? target.substring(0, 40) + "..." : target);
                }
                case 2 -> {
                    String version = pick(new String[] { "HTTP/1.0", "HTTP/2.0", "HTTP/1.1x", "", "HTTP/0.9",
                        "HTTP/1.10", "http/1.1" });
                    http.version(version);
                    summary = "version '" + version + "'";
                    // Vert.x answers an HTTP version it does not implement with 501 (a protocol answer, not a
                    // crash of the target; RFC 9110 would say 505): the one 5xx this suite accepts
                    expect = new Expectation(Set.of(200, 400, 501, 505), Set.of(), true);
                    halfClose = version.isEmpty() || version.equals("HTTP/0.9");
                }
                default -> {
                    http.keepAlive();
                    byte[] second = binary(data, "application/json").build();
                    request = concat(http.build(), second);
                    summary = "two pipelined requests";
                    expect = Expectation.reply("success");
                    summary = "http/" + variant + ": " + summary;
                    return;
                }
            }
            summary = "http/" + variant + ": " + summary;
            request = http.build();
        }

        /** Bodies just under and over the limit. */
        void size() {
            family = "size";
            int variant = r.nextInt(4);
            String start = "{\"action\":\"GET\",\"resource\":\"limits\",\"payload\":\"";
            int over = pick(new int[] { 1, 2, 100, 4_096, MAX_BODY });
            switch (variant) {
                case 0, 1 -> {
                    int total = MAX_BODY + over;
                    byte[] data = bytes(start + "x".repeat(total - start.length() - 2) + "\"}");
                    Http http = binary(data, "application/json");
                    if (variant == 1) {
                        http.chunked(64 * 1024);
                    }
                    request = http.build();
                    summary = (variant == 1 ? "chunked " : "") + "body " + over + " bytes over the limit";
                    expect = Expectation.status(413);
                }
                case 2 -> {
                    int under = pick(new int[] { 0, 1, 100 });
                    int total = MAX_BODY - under;
                    byte[] data = bytes(start + "x".repeat(total - start.length() - 2) + "\"}");
                    request = binary(data, "application/json").build();
                    summary = "body " + under + " bytes under the limit";
                    expect = Expectation.reply("success");
                }
                default -> {
                    ObjectNode envelope = envelopeAttributes();
                    envelope.put("data", "x".repeat(MAX_BODY + over));
                    request = http().contentType("application/cloudevents+json")
                            .body(bytes(JsonText.write(envelope, false))).build();
                    summary = "structured envelope over the limit";
                    expect = Expectation.status(413);
                }
            }
            summary = "size/" + variant + ": " + summary;
        }

        // ---------------------------------------------------------------------------------------------------
        // building blocks

        /** What the README's rules say a well-formed request gets: refused before Salesforce, or sent. */
        private static Expectation byTheRules(ObjectNode data) {
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

        private void event(ObjectNode data) {
            boolean structured = r.nextInt(3) == 0;
            boolean escape = r.nextBoolean();
            String dataText = JsonText.write(data, escape);
            summary = family + " (" + (structured ? "structured" : "binary") + "): " + dataText;
            if (structured) {
                ObjectNode envelope = envelopeAttributes();
                envelope.put("datacontenttype", "application/json");
                envelope.set("data", data);
                if (r.nextInt(4) == 0) {
                    envelope.put("authorization", secret); // an extension: must not travel anywhere
                }
                request = http().contentType("application/cloudevents+json")
                        .body(bytes(JsonText.write(envelope, escape))).build();
            } else {
                request = binary(bytes(dataText), "application/json").build();
            }
        }

        private ObjectNode envelopeAttributes() {
            ObjectNode envelope = NODES.objectNode();
            envelope.put("specversion", "1.0");
            envelope.put("id", eventId());
            envelope.put("source", "hostile-fuzz");
            envelope.put("type", API_CALL);
            return envelope;
        }

        private Http http() {
            Http http = new Http();
            if (r.nextInt(3) == 0) {
                http.header("Authorization", "Bearer " + secret);
                http.header("Cookie", "sid=" + secret);
            }
            return http;
        }

        private Http binary(byte[] data, String contentType) {
            Http http = http();
            http.header("ce-specversion", "1.0");
            http.header("ce-id", eventId());
            http.header("ce-source", "hostile-fuzz");
            http.header("ce-type", API_CALL);
            if (contentType != null) {
                http.header("Content-Type", contentType);
            }
            return http.body(data);
        }

        private String validAction() {
            String method = pick(new String[] { "GET", "GET", "GET", "GET", "HEAD", "POST", "PATCH", "PUT", "DELETE" });
            StringBuilder mixed = new StringBuilder();
            for (char c : method.toCharArray()) {
                mixed.append(r.nextBoolean() ? Character.toLowerCase(c) : c);
            }
            return switch (r.nextInt(6)) {
                case 0 -> " " + mixed + "\t";
                default -> mixed.toString();
            };
        }

        /** 1 to 5 atoms joined by "/" (mostly) or nothing; sometimes very long. */
        private String hostilePath() {
            if (r.nextInt(40) == 0) {
                return r.nextBoolean() ? "a".repeat(1 + r.nextInt(20_000)) : "../".repeat(1 + r.nextInt(500));
            }
            StringBuilder path = new StringBuilder();
            for (int n = 1 + r.nextInt(5); n > 0; n--) {
                if (path.length() > 0 || r.nextInt(8) == 0) {
                    path.append(r.nextInt(5) == 0 ? pick(new String[] { "", "\\", "%2f", "//" }) : "/");
                }
                path.append(r.nextInt(3) == 0 ? "Account" : pick(ATOMS));
            }
            if (r.nextInt(8) == 0) {
                path.append('/');
            }
            return path.toString();
        }

        private String hostileText() {
            return r.nextInt(4) == 0 ? pick(new String[] { "fields", "q", "", "a=b&c", "x y", "\u0000", "\r\n" })
                    : hostilePath();
        }

        private JsonNode wrongType() {
            return switch (r.nextInt(11)) {
                case 0 -> NODES.numberNode(r.nextInt());
                case 1 -> NODES.numberNode(-1.5);
                case 2 -> raw("1e400");
                case 3 -> NODES.booleanNode(r.nextBoolean());
                case 4 -> NODES.arrayNode();
                case 5 -> NODES.arrayNode().add("GET").add("..");
                case 6 -> NODES.objectNode();
                case 7 -> NODES.objectNode().put("a", "b");
                case 8 -> raw("9".repeat(500));
                case 9 -> NODES.nullNode();
                default -> NODES.objectNode().set("x", NODES.arrayNode().add(NODES.objectNode()));
            };
        }

        private JsonNode randomJson(int depth) {
            int kind = depth == 0 ? r.nextInt(5) : r.nextInt(7);
            return switch (kind) {
                case 0 -> NODES.textNode(hostileText());
                case 1 -> NODES.numberNode(r.nextLong());
                case 2 -> NODES.booleanNode(r.nextBoolean());
                case 3 -> NODES.nullNode();
                case 4 -> raw(hugeNumber());
                case 5 -> {
                    ArrayNode array = NODES.arrayNode();
                    for (int i = r.nextInt(4); i > 0; i--) {
                        array.add(randomJson(depth - 1));
                    }
                    yield array;
                }
                default -> {
                    ObjectNode object = NODES.objectNode();
                    for (int i = r.nextInt(4); i > 0; i--) {
                        object.set("k" + i + (r.nextBoolean() ? hostileText() : ""), randomJson(depth - 1));
                    }
                    yield object;
                }
            };
        }

        /** A number JSON allows that a double cannot hold exactly (or at all); at most 900 characters. */
        private String hugeNumber() {
            String sign = r.nextInt(4) == 0 ? "-" : "";
            return switch (r.nextInt(7)) {
                case 0 -> sign + (1 + r.nextInt(9)) + digits(r.nextInt(900));
                case 1 -> sign + (1 + r.nextInt(9)) + digits(15 + r.nextInt(30)) + "." + digits(1 + r.nextInt(40));
                case 2 -> sign + "0." + digits(15 + r.nextInt(50)) + (1 + r.nextInt(9));
                case 3 -> sign + (1 + r.nextInt(9)) + "e" + (r.nextBoolean() ? "" : pick(new String[] { "+", "-" }))
                        + (300 + r.nextInt(999_999_000));
                case 4 -> sign + (1 + r.nextInt(9)) + "." + digits(1 + r.nextInt(20)) + "E"
                        + pick(new String[] { "+", "-" }) + (309 + r.nextInt(10_000));
                case 5 -> pick(new String[] { "-0", "-0.0", "0e0", "0.0e-0", "1.10", "1.000", "100e-2", "0.1",
                    "9007199254740993", "12345678901234567.89", "1234567890123456.78" });
                default -> sign + (1 + r.nextInt(9)) + digits(r.nextInt(18));
            };
        }

        private String digits(int count) {
            StringBuilder out = new StringBuilder(count);
            for (int i = 0; i < count; i++) {
                out.append((char) ('0' + r.nextInt(10)));
            }
            return out.toString();
        }

        private String nested(int depth, boolean arrays) {
            StringBuilder out = new StringBuilder(depth * 6);
            for (int i = 0; i < depth; i++) {
                out.append(arrays ? "[" : "{\"a\":");
            }
            out.append("1");
            for (int i = 0; i < depth; i++) {
                out.append(arrays ? "]" : "}");
            }
            return out.toString();
        }

        private JsonNode nestedNode(int depth) {
            JsonNode node = NODES.numberNode(1);
            for (int i = 0; i < depth; i++) {
                node = NODES.arrayNode().add(node);
            }
            return node;
        }

        private <T> T pick(T[] options) {
            return options[r.nextInt(options.length)];
        }

        private int pick(int[] options) {
            return options[r.nextInt(options.length)];
        }

        private char pick(char[] options) {
            return options[r.nextInt(options.length)];
        }
    }

    // -------------------------------------------------------------------------------------------------------
    // the request rules of the README, written again independently of the target's code

    /** True when the data (well-formed JSON) breaks a rule of the README's Events section. */
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
            if (hasLoneSurrogate(NODES.textNode(field.getKey())) || hasLoneSurrogate(field.getValue())) {
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

    static JsonNode raw(String number) {
        return NODES.pojoNode(new RawValue(number));
    }

    // -------------------------------------------------------------------------------------------------------
    // raw HTTP requests

    /** An HTTP/1.1 request written byte for byte. */
    static final class Http {
        private String method = "POST";
        private String target = "/";
        private String version = "HTTP/1.1";
        private final List<byte[]> headers = new ArrayList<>();
        private byte[] body = new byte[0];
        private boolean host = true;
        private boolean contentLength = true;
        private boolean close = true;
        private int chunkSize;

        Http header(String name, String value) {
            headers.add(bytes(name + ": " + value));
            return this;
        }

        Http rawHeaderLine(byte[] line) {
            headers.add(line);
            return this;
        }

        /** Replaces the header line(s) of {@code name} by {@code line}. */
        Http replace(String name, byte[] line) {
            remove(name);
            headers.add(line);
            return this;
        }

        Http remove(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            headers.removeIf(line -> new String(line, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT)
                    .startsWith(prefix));
            return this;
        }

        Http contentType(String contentType) {
            remove("Content-Type");
            return header("Content-Type", contentType);
        }

        Http body(byte[] body) {
            this.body = body;
            return this;
        }

        Http method(String method) {
            this.method = method;
            return this;
        }

        Http target(String target) {
            this.target = target;
            return this;
        }

        Http version(String version) {
            this.version = version;
            return this;
        }

        Http noHost() {
            host = false;
            return this;
        }

        Http noContentLength() {
            contentLength = false;
            return this;
        }

        Http keepAlive() {
            close = false;
            return this;
        }

        Http chunked(int size) {
            chunkSize = size;
            contentLength = false;
            return this;
        }

        byte[] build() {
            ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 512);
            out.writeBytes(bytes(method + " " + target + (version.isEmpty() ? "" : " " + version) + "\r\n"));
            if (host) {
                out.writeBytes(bytes("Host: 127.0.0.1\r\n"));
            }
            for (byte[] line : headers) {
                out.writeBytes(line);
                out.writeBytes(bytes("\r\n"));
            }
            if (contentLength) {
                out.writeBytes(bytes("Content-Length: " + body.length + "\r\n"));
            }
            if (chunkSize > 0) {
                out.writeBytes(bytes("Transfer-Encoding: chunked\r\n"));
            }
            if (close) {
                out.writeBytes(bytes("Connection: close\r\n"));
            }
            out.writeBytes(bytes("\r\n"));
            if (chunkSize > 0) {
                for (int at = 0; at < body.length; at += chunkSize) {
                    int n = Math.min(chunkSize, body.length - at);
                    out.writeBytes(bytes(Integer.toHexString(n) + "\r\n"));
                    out.write(body, at, n);
                    out.writeBytes(bytes("\r\n"));
                }
                out.writeBytes(bytes("0\r\n\r\n"));
            } else {
                out.writeBytes(body);
            }
            return out.toByteArray();
        }
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static String hex(byte[] data) {
        StringBuilder out = new StringBuilder();
        for (byte b : data) {
            out.append(String.format("%02x", b & 0xff));
        }
        return out.toString();
    }
}
