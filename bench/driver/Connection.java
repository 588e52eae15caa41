package bench.driver;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One keep-alive HTTP/1.1 connection, used by one thread: writes a prepared request head and body, reads the whole
 * answer (Content-Length, chunked or to the close).
 *
 * <p>Why the driver keeps its own client instead of the JDK's {@code java.net.http.HttpClient}: the driver shares the
 * two cores with the simulator and the target, and every CPU cycle it spends is taken from what it measures. This
 * loop costs one blocking write and read per event on a thread of its own. The JDK client runs each exchange through
 * its selector thread and {@code CompletableFuture} stages (thread hand-offs per request, several allocations per
 * header), keeps its own connection pool whose connection count one cannot pin to the concurrency level, and hides
 * the {@code Connection: close} and reconnect a closed loop must see. Over 64-256 connections at ~7,000 events/s it
 * would put more of the driver's load on the cores the target needs (bench/README.md, "The load driver"). Only the
 * few admin requests (counters, metrics, login) use the JDK client ({@link Rig}).
 */
final class Connection implements AutoCloseable {
    private final String host;
    private final int port;
    private final byte[] line = new byte[8192];
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    Connection(String host, int port) {
        this.host = host;
        this.port = port;
    }

    private void open() throws IOException {
        close();
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(30_000);
        socket.connect(new InetSocketAddress(host, port), 5_000);
        in = new BufferedInputStream(socket.getInputStream(), 16384);
        out = new BufferedOutputStream(socket.getOutputStream(), 8192);
    }

    /** Sends one request, reads the whole response; reconnects on the next call after a failure. */
    Response exchange(byte[] head, byte[] body) throws IOException {
        if (socket == null) {
            open();
        }
        try {
            out.write(head);
            if (body != null) {
                out.write(body);
            }
            out.flush();
            return read();
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    private Response read() throws IOException {
        String status = readLine();
        if (status == null) {
            throw new IOException("connection closed before the status line");
        }
        int code = Integer.parseInt(status.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        String category = null;
        for (String h = readLine(); h != null && !h.isEmpty(); h = readLine()) {
            int colon = h.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = h.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "connection" -> close = value.equalsIgnoreCase("close");
                case "ce-category" -> category = value;
                default -> {
                }
            }
        }
        byte[] body;
        if (chunked) {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            while (true) {
                String size = readLine();
                int n = Integer.parseInt(size.split(";")[0].trim(), 16);
                if (n == 0) {
                    for (String t = readLine(); t != null && !t.isEmpty(); t = readLine()) {
                        // trailers
                    }
                    break;
                }
                all.write(in.readNBytes(n));
                readLine();
            }
            body = all.toByteArray();
        } else if (length >= 0) {
            body = in.readNBytes((int) length);
            if (body.length != length) {
                throw new IOException("connection closed in the body");
            }
        } else if (code == 204 || code == 304 || code < 200) {
            body = new byte[0];
        } else {
            body = in.readAllBytes();
            close = true;
        }
        if (close) {
            close();
        }
        return new Response(code, category, body);
    }

    private String readLine() throws IOException {
        int n = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                return n == 0 ? null : new String(line, 0, n, StandardCharsets.ISO_8859_1);
            }
            if (b == '\n') {
                if (n > 0 && line[n - 1] == '\r') {
                    n--;
                }
                return new String(line, 0, n, StandardCharsets.ISO_8859_1);
            }
            if (n == line.length) {
                throw new IOException("header line too long");
            }
            line[n++] = (byte) b;
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
            socket = null;
        }
    }
}
