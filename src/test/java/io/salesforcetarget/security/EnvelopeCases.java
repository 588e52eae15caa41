package io.salesforcetarget.security;

import java.util.Base64;
import java.util.Locale;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.salesforcetarget.security.RequestRules.Expectation;

import static io.salesforcetarget.security.HostileCases.API_CALL;
import static io.salesforcetarget.security.RawRequest.bytes;

/**
 * {@code envelope}: structured-mode envelopes with missing, mistyped or unknown attributes and specversions;
 * {@code conflict}: binary and structured mode at once, batch content type.
 */
final class EnvelopeCases extends CaseBuilder {

    EnvelopeCases(int index, Random r, String secret) {
        super(index, r, secret);
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
                RawRequest http = r.nextBoolean() ? http() : binary(new byte[0], null);
                request = http.contentType("application/cloudevents-batch+json")
                        .body(bytes(JsonText.write(batch, false))).build();
                summary = "batch";
                expect = Expectation.status(400);
            }
            case 1 -> {
                RawRequest http = binary(bytes(JsonText.write(envelope, false)), null);
                http.replace("ce-id", bytes("ce-id: " + eventId()));
                http.replace("ce-type", bytes("ce-type: " + pick(new String[] { API_CALL, "other" })));
                request = http.contentType("application/cloudevents+json").build();
                summary = "ce-* headers and a structured envelope";
            }
            case 2 -> {
                String contentType = pick(new String[] { "APPLICATION/CLOUDEVENTS+JSON", "application/cloudevents",
                    "application/cloudevents+xml", "application/cloudevents+protobuf",
                    "application/cloudevents+json+x", "application/cloudevents-batch" });
                RawRequest http = r.nextBoolean() ? http() : binary(new byte[0], null);
                request = http.contentType(contentType).body(bytes(JsonText.write(envelope, false))).build();
                summary = "content type " + contentType;
            }
            case 3 -> {
                RawRequest http = binary(bytes("{\"action\":\"GET\",\"resource\":\"limits\"}"), "application/json");
                http.header("Content-Type", "application/cloudevents+json");
                request = http.build();
                summary = "two content types";
            }
            default -> {
                envelope.put("specversion", "0.3");
                RawRequest http = binary(bytes(JsonText.write(envelope, false)), null);
                request = http.contentType("application/cloudevents+json").build();
                summary = "0.3 envelope with 1.0 headers";
            }
        }
        summary = "conflict/" + variant + ": " + summary;
    }
}
