package bench.driver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Builds the n-th request of the mix for one path, sends it and checks its answer. */
final class Work {
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([a-zA-Z0-9]{15,18})\"");
    private static final AtomicLong PHASES = new AtomicLong();

    private final Rig rig;
    private final PathKind path;
    private final String hostHeader;
    /** Event ids are unique over the whole run: the target answers a repeated (source, id) from its replay store. */
    private final String eventIdPrefix = "bench-" + PHASES.incrementAndGet() + "-";

    Work(Rig rig, PathKind path) {
        this.rig = rig;
        this.path = path;
        this.hostHeader = "Host: 127.0.0.1:" + port() + "\r\n";
    }

    int port() {
        return switch (path) {
            case TARGET -> rig.targetPort;
            case DIRECT -> rig.simPort;
            case PROXY -> rig.proxyPort;
        };
    }

    /** Sends event {@code n}; a retrieve or update before any create is a create. Null when OK, else what went wrong. */
    String call(Connection c, long n, Mix.Operation wanted) throws IOException {
        String id = wanted == Mix.Operation.CREATE ? null : rig.ids.pick(n);
        Mix.Operation op = id == null ? Mix.Operation.CREATE : wanted;
        byte[] body;
        String head;
        if (path == PathKind.TARGET) {
            body = event(op, n, id).getBytes(StandardCharsets.UTF_8);
            head = "POST / HTTP/1.1\r\n" + hostHeader
                    + "ce-specversion: 1.0\r\nce-id: " + eventIdPrefix + n + "\r\nce-source: bench\r\nce-type: "
                    + LoadDriver.API_CALL + "\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n";
        } else {
            String base = "/services/data/" + rig.api + "/sobjects/Account";
            String auth = "Authorization: Bearer " + rig.token + "\r\nAccept: application/json\r\n";
            switch (op) {
                case CREATE -> {
                    body = ("{\"Name\":\"Bench " + n + "\",\"BillingCity\":\"Paris\"}").getBytes(StandardCharsets.UTF_8);
                    head = "POST " + base + " HTTP/1.1\r\n" + hostHeader + auth
                            + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n";
                }
                case RETRIEVE -> {
                    body = null;
                    head = "GET " + base + "/" + id + "?fields=Name%2CBillingCity HTTP/1.1\r\n" + hostHeader + auth + "\r\n";
                }
                default -> {
                    body = ("{\"BillingCity\":\"Lyon " + n + "\"}").getBytes(StandardCharsets.UTF_8);
                    head = "PATCH " + base + "/" + id + " HTTP/1.1\r\n" + hostHeader + auth
                            + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n";
                }
            }
        }
        Response r = c.exchange(head.getBytes(StandardCharsets.ISO_8859_1), body);
        if (path == PathKind.TARGET) {
            if (r.status() != 200 || !"success".equals(r.category())) {
                return "target " + r.status() + " category=" + r.category() + " " + snippet(r.text());
            }
        } else {
            int expected = switch (op) {
                case CREATE -> 201;
                case RETRIEVE -> 200;
                case UPDATE -> 204;
            };
            if (r.status() != expected) {
                return path + " " + r.status() + " " + snippet(r.text());
            }
        }
        if (op == Mix.Operation.CREATE) {
            Matcher m = ID.matcher(r.text());
            if (!m.find()) {
                return path + " create without id: " + snippet(r.text());
            }
            rig.ids.add(m.group(1));
        }
        return null;
    }

    /** The CloudEvent's data: the target's {@code apicall} request for one operation on an Account. */
    private static String event(Mix.Operation op, long n, String id) {
        return switch (op) {
            case CREATE -> "{\"action\":\"POST\",\"resource\":\"sobjects\",\"object\":\"Account\",\"payload\":"
                    + "{\"Name\":\"Bench " + n + "\",\"BillingCity\":\"Paris\"}}";
            case RETRIEVE -> "{\"action\":\"GET\",\"resource\":\"sobjects\",\"object\":\"Account\",\"record\":\""
                    + id + "\",\"query\":{\"fields\":\"Name,BillingCity\"}}";
            case UPDATE -> "{\"action\":\"PATCH\",\"resource\":\"sobjects\",\"object\":\"Account\",\"record\":\""
                    + id + "\",\"payload\":{\"BillingCity\":\"Lyon " + n + "\"}}";
        };
    }

    static String snippet(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
