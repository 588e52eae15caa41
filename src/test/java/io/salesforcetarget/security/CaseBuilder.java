package io.salesforcetarget.security;

import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import io.salesforcetarget.security.HostileCases.Fidelity;
import io.salesforcetarget.security.HostileCases.HostileCase;
import io.salesforcetarget.security.RequestRules.Expectation;

import static io.salesforcetarget.security.HostileCases.API_CALL;
import static io.salesforcetarget.security.RawRequest.bytes;

/**
 * One case being built, and the building blocks the families share: envelopes, binary-mode requests, hostile
 * paths, texts, numbers and JSON. Every draw comes from the case's own {@link Random}, in order, so that a case
 * is the same wherever it is generated. A family ({@link FieldCases}, {@link JsonCases}, {@link EnvelopeCases},
 * {@link HeaderCases}, {@link HttpCases}) fills in the request, its summary and what it must get.
 */
abstract class CaseBuilder {

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Path-ish atoms: traversal in every spelling, separators, specials, unicode look-alikes, plain names. */
    static final String[] ATOMS = {
        "..", ".", "...", "%2e%2e", "%2E%2E", "%2e.", ".%2e", "%252e%252e", "..%2f", "%2f", "%2F", "%5c", "\\",
        "..\\..", "..;", ";..", ".%00.", "%c0%ae%c0%ae", "%u002e%u002e", "..%c0%af", "\u2024\u2024", "\uFF0E\uFF0E",
        "\u3002\u3002", "\uFE52\uFE52", "\u2025", "\u2026", "\u0000", "\r\n", "\r", "\n", "\t", "\u0085", "\u2028",
        "\u000b", "\u007f", "?", "#", "&", "=", ";", "%", "%00", "%0d%0a", " ", "+", "@", ":", "~", "a b?c", "x#y",
        "x?y=z", "\uD83D\uDE00", "\uD800", "\uDC00", "\u202E", "\u00A0", "\u00e9", "\uFEFF", "Account", "sobjects",
        "0014x000005Y9SNAA0", "ExtId__c", "query", "limits", "services", "oauth2", "token", "data", "v62.0",
        "__admin", "http:", "//evil.example", "evil.example:80", "https://evil.example/x", "${jndi:ldap://x}",
        "{{env:HOME}}", "<script>", "'\"", "*", "..../", "....//", "/..", "../", "/", "//",
    };
    static final String[] CE_ATTRIBUTES = { "specversion", "id", "source", "type" };

    final int index;
    final Random r;
    final String secret;
    String family;
    String summary;
    byte[] request;
    Expectation expect = Expectation.any();
    Fidelity fidelity;
    boolean halfClose;

    CaseBuilder(int index, Random r, String secret) {
        this.index = index;
        this.r = r;
        this.secret = secret;
    }

    HostileCase build() {
        return new HostileCase(index, family, summary, request, expect, fidelity, halfClose);
    }

    String eventId() {
        return "hostile-" + index + "-" + Integer.toHexString(r.nextInt());
    }

    void event(ObjectNode data) {
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

    ObjectNode envelopeAttributes() {
        ObjectNode envelope = NODES.objectNode();
        envelope.put("specversion", "1.0");
        envelope.put("id", eventId());
        envelope.put("source", "hostile-fuzz");
        envelope.put("type", API_CALL);
        return envelope;
    }

    RawRequest http() {
        RawRequest http = new RawRequest();
        if (r.nextInt(3) == 0) {
            http.header("Authorization", "Bearer " + secret);
            http.header("Cookie", "sid=" + secret);
        }
        return http;
    }

    RawRequest binary(byte[] data, String contentType) {
        RawRequest http = http();
        http.header("ce-specversion", "1.0");
        http.header("ce-id", eventId());
        http.header("ce-source", "hostile-fuzz");
        http.header("ce-type", API_CALL);
        if (contentType != null) {
            http.header("Content-Type", contentType);
        }
        return http.body(data);
    }

    String validAction() {
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
    String hostilePath() {
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

    String hostileText() {
        return r.nextInt(4) == 0 ? pick(new String[] { "fields", "q", "", "a=b&c", "x y", "\u0000", "\r\n" })
                : hostilePath();
    }

    JsonNode wrongType() {
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

    JsonNode randomJson(int depth) {
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
    String hugeNumber() {
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

    String digits(int count) {
        StringBuilder out = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            out.append((char) ('0' + r.nextInt(10)));
        }
        return out.toString();
    }

    String nested(int depth, boolean arrays) {
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

    JsonNode nestedNode(int depth) {
        JsonNode node = NODES.numberNode(1);
        for (int i = 0; i < depth; i++) {
            node = NODES.arrayNode().add(node);
        }
        return node;
    }

    <T> T pick(T[] options) {
        return options[r.nextInt(options.length)];
    }

    int pick(int[] options) {
        return options[r.nextInt(options.length)];
    }

    char pick(char[] options) {
        return options[r.nextInt(options.length)];
    }

    static JsonNode raw(String number) {
        return NODES.pojoNode(new RawValue(number));
    }
}
