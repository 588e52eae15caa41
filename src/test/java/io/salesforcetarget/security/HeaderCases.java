package io.salesforcetarget.security;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import io.salesforcetarget.security.RequestRules.Expectation;

import static io.salesforcetarget.security.HostileCases.API_CALL;
import static io.salesforcetarget.security.RawRequest.bytes;
import static io.salesforcetarget.security.RawRequest.concat;
import static io.salesforcetarget.security.RawRequest.hex;

/**
 * {@code headers}: binary-mode headers with CR, LF, NUL, non-UTF-8 bytes, huge or repeated values, odd content
 * types, broken framing; sent raw, byte for byte.
 */
final class HeaderCases extends CaseBuilder {

    HeaderCases(int index, Random r, String secret) {
        super(index, r, secret);
    }

    /** Binary mode with hostile headers and framing; sent raw, byte for byte. */
    void headers() {
        family = "headers";
        byte[] data = bytes("{\"action\":\"GET\",\"resource\":\"limits\"}");
        RawRequest http = binary(data, "application/json");
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
}
