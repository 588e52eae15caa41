package io.salesforcetarget.security;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.salesforcetarget.security.RequestRules.Expectation;

import static io.salesforcetarget.security.RawRequest.bytes;
import static io.salesforcetarget.security.RawRequest.concat;
import static io.salesforcetarget.security.RequestRules.MAX_BODY;

/**
 * {@code json}: deep nesting, huge numbers and strings, duplicate keys, trailing data, non-UTF-8 bytes, raw control
 * characters, not JSON at all; in binary mode or as a structured envelope's {@code data_base64}.
 */
final class JsonCases extends CaseBuilder {

    JsonCases(int index, Random r, String secret) {
        super(index, r, secret);
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
}
