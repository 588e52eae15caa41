package io.salesforcetarget.security;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** An HTTP/1.1 request written byte for byte: any method, target, version, header line or framing. */
final class RawRequest {

    private String method = "POST";
    private String target = "/";
    private String version = "HTTP/1.1";
    private final List<byte[]> headers = new ArrayList<>();
    private byte[] body = new byte[0];
    private boolean host = true;
    private boolean contentLength = true;
    private boolean close = true;
    private int chunkSize;

    RawRequest header(String name, String value) {
        headers.add(bytes(name + ": " + value));
        return this;
    }

    RawRequest rawHeaderLine(byte[] line) {
        headers.add(line);
        return this;
    }

    /** Replaces the header line(s) of {@code name} by {@code line}. */
    RawRequest replace(String name, byte[] line) {
        remove(name);
        headers.add(line);
        return this;
    }

    RawRequest remove(String name) {
        String prefix = name.toLowerCase(Locale.ROOT) + ":";
        headers.removeIf(line -> new String(line, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT)
                .startsWith(prefix));
        return this;
    }

    RawRequest contentType(String contentType) {
        remove("Content-Type");
        return header("Content-Type", contentType);
    }

    RawRequest body(byte[] body) {
        this.body = body;
        return this;
    }

    RawRequest method(String method) {
        this.method = method;
        return this;
    }

    RawRequest target(String target) {
        this.target = target;
        return this;
    }

    RawRequest version(String version) {
        this.version = version;
        return this;
    }

    RawRequest noHost() {
        host = false;
        return this;
    }

    RawRequest noContentLength() {
        contentLength = false;
        return this;
    }

    RawRequest keepAlive() {
        close = false;
        return this;
    }

    RawRequest chunked(int size) {
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

    static String hex(byte[] data) {
        StringBuilder out = new StringBuilder();
        for (byte b : data) {
            out.append(String.format("%02x", b & 0xff));
        }
        return out.toString();
    }
}
