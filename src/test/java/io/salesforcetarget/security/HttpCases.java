package io.salesforcetarget.security;

import java.util.Random;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.salesforcetarget.security.RequestRules.Expectation;

import static io.salesforcetarget.security.RawRequest.bytes;
import static io.salesforcetarget.security.RawRequest.concat;
import static io.salesforcetarget.security.RequestRules.MAX_BODY;

/**
 * {@code http}: other methods, request targets and versions, pipelining; {@code size}: bodies just under and over
 * the 1 MiB limit.
 */
final class HttpCases extends CaseBuilder {

    HttpCases(int index, Random r, String secret) {
        super(index, r, secret);
    }

    /** Other methods, request targets, versions. */
    void requestLine() {
        family = "http";
        byte[] data = bytes("{\"action\":\"GET\",\"resource\":\"limits\"}");
        RawRequest http = binary(data, "application/json");
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
                RawRequest http = binary(data, "application/json");
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
}
