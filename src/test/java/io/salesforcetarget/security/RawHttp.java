package io.salesforcetarget.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A bare HTTP/1.1 client on a loopback socket: it sends exactly the bytes it is given (CR, LF or NUL in headers,
 * non-UTF-8, odd framing: what the JDK client refuses to send) and reads the answer until the server closes the
 * connection (requests carry {@code Connection: close}).
 */
public final class RawHttp {

    /** Largest answer read; the target's answers are small. */
    private static final int MAX_ANSWER = 8 * 1024 * 1024;

    private RawHttp() {
    }

    /**
     * One answer: {@code status} 0 when none came ({@code problem} says why: timeout, reset, closed).
     *
     * @param raw everything received, for searching secrets in the whole answer (status line and headers included)
     */
    public record Answer(int status, Map<String, List<String>> headers, byte[] body, byte[] raw, String problem) {

        String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** A well-framed request with the body {@code {}} to any request target, even one a URI cannot hold. */
    public static Answer send(int port, String method, String target) {
        byte[] request = (method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 2\r\n"
                + "Connection: close\r\n\r\n{}").getBytes(StandardCharsets.US_ASCII);
        return exchange(port, request, Duration.ofSeconds(10), false);
    }

    /** @param halfClose signal the end of the request with a half-close (for requests whose framing is broken) */
    public static Answer exchange(int port, byte[] request, Duration timeout, boolean halfClose) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout((int) timeout.toMillis());
            String writeProblem = null;
            try {
                OutputStream out = socket.getOutputStream();
                out.write(request);
                out.flush();
                if (halfClose) {
                    socket.shutdownOutput();
                }
            } catch (IOException e) {
                // e.g. 413: the server answers and closes before the whole body is written; read its answer anyway
                writeProblem = "write: " + e.getMessage();
            }
            byte[] raw;
            String readProblem = null;
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            try {
                InputStream in = socket.getInputStream();
                byte[] buffer = new byte[16 * 1024];
                int n;
                while ((n = in.read(buffer)) >= 0 && received.size() < MAX_ANSWER) {
                    received.write(buffer, 0, n);
                }
            } catch (SocketTimeoutException e) {
                readProblem = "no answer (or no close) within " + timeout.toMillis() + " ms";
            } catch (IOException e) {
                readProblem = "read: " + e.getMessage();
            }
            raw = received.toByteArray();
            Answer parsed = parse(raw);
            if (parsed != null) {
                return parsed;
            }
            String problem = readProblem != null ? readProblem : "closed without an answer";
            return new Answer(0, Map.of(), new byte[0], raw,
                    writeProblem == null ? problem : writeProblem + "; " + problem);
        } catch (IOException e) {
            return new Answer(0, Map.of(), new byte[0], new byte[0], "connect: " + e.getMessage());
        }
    }

    /** The first complete HTTP answer in {@code raw}, or null. */
    static Answer parse(byte[] raw) {
        int headEnd = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
        if (headEnd < 0) {
            return null;
        }
        String head = new String(raw, 0, headEnd, StandardCharsets.ISO_8859_1);
        String[] lines = head.split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/")) {
            return null;
        }
        int status;
        try {
            status = Integer.parseInt(statusLine[1]);
        } catch (NumberFormatException e) {
            return null;
        }
        if (status >= 100 && status < 200) {
            // an interim answer (100 Continue): the final one follows
            return parse(Arrays.copyOfRange(raw, headEnd + 4, raw.length));
        }
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(lines[i].substring(0, colon).trim(), k -> new ArrayList<>())
                        .add(lines[i].substring(colon + 1).trim());
            }
        }
        byte[] rest = Arrays.copyOfRange(raw, headEnd + 4, raw.length);
        byte[] body = rest;
        List<String> encoding = headers.get("Transfer-Encoding");
        List<String> length = headers.get("Content-Length");
        if (encoding != null && encoding.get(0).toLowerCase(Locale.ROOT).contains("chunked")) {
            body = dechunk(rest);
            if (body == null) {
                return null;
            }
        } else if (length != null) {
            int declared = Integer.parseInt(length.get(0));
            if (rest.length < declared) {
                return null;
            }
            body = Arrays.copyOf(rest, declared);
        }
        return new Answer(status, headers, body, raw, null);
    }

    private static byte[] dechunk(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (true) {
            int lineEnd = indexOf(data, new byte[] { '\r', '\n' }, at);
            if (lineEnd < 0) {
                return null;
            }
            String sizeText = new String(data, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].trim();
            int size = Integer.parseInt(sizeText, 16);
            if (size == 0) {
                return out.toByteArray();
            }
            if (lineEnd + 2 + size > data.length) {
                return null;
            }
            out.write(data, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
    }

    static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
